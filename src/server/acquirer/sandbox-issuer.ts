import type { TransStatus } from '../../protocol/three-ds';

/**
 * The issuer's answer to an authentication request (the ARes): frictionless (`Y` authenticated,
 * `A` attempted — the card's issuer does not take part and the directory stands in), a challenge
 * (`C`), or rejected (`R`).
 */
export type AuthenticationDecision =
  | { kind: 'frictionless'; transStatus: Extract<TransStatus, 'Y' | 'A'> }
  | { kind: 'challenge' }
  | { kind: 'rejected' };

/** The issuer boundary of 3-D Secure: the sandbox decides by test card (DESIGN §7). */
export interface Issuer {
  authenticate(pan: string): AuthenticationDecision;
}

/** Cards whose issuer asks for a challenge; `…1629` then declines the authorization. */
export const CHALLENGE_CARDS: ReadonlySet<string> = new Set([
  '4000000000003220',
  '4000002760003184',
  '4000008400001629',
]);
/** A card enrolled in 3-D Secure that the issuer authenticates without a challenge. */
export const FRICTIONLESS_CARD = '4000000000003055';
/** A card whose issuer rejects the authentication outright (a project addition to DESIGN §7). */
export const REJECTED_CARD = '4000000000003063';

export class SandboxIssuer implements Issuer {
  authenticate(pan: string): AuthenticationDecision {
    if (CHALLENGE_CARDS.has(pan)) return { kind: 'challenge' };
    if (pan === FRICTIONLESS_CARD) return { kind: 'frictionless', transStatus: 'Y' };
    if (pan === REJECTED_CARD) return { kind: 'rejected' };
    // Every other card: its issuer does not take part, so the directory attests the attempt.
    return { kind: 'frictionless', transStatus: 'A' };
  }
}

/**
 * Electronic Commerce Indicator for an outcome: Mastercard and Maestro use 02 / 01 / 00, others
 * 05 / 06 / 07 (authenticated / attempted / not authenticated).
 */
export function eciFor(brand: string, transStatus: TransStatus): string {
  const mastercard = brand === 'mastercard' || brand === 'maestro';
  if (transStatus === 'Y') return mastercard ? '02' : '05';
  if (transStatus === 'A') return mastercard ? '01' : '06';
  return mastercard ? '00' : '07';
}
