import type { PaymentStatus } from '../../protocol/payments';
import { PayframeError } from './payframe-error';

/**
 * Every legal payment state change, in one place. `processing` is the attempt saved before the
 * acquirer is called (see docs/adr/0002-payment-processing-state.md).
 */
export const PAYMENT_TRANSITIONS: Readonly<Record<PaymentStatus, readonly PaymentStatus[]>> = {
  processing: ['requires_action', 'authorized', 'captured', 'failed'],
  requires_action: ['authorized', 'captured', 'failed'],
  authorized: ['captured', 'voided', 'expired'],
  captured: ['partially_refunded', 'refunded', 'disputed'],
  partially_refunded: ['partially_refunded', 'refunded', 'disputed'],
  // A rebill takes more money from the card: what was fully refunded is then only partly so.
  refunded: ['partially_refunded', 'disputed'],
  disputed: ['dispute_reversed', 'dispute_lost'],
  dispute_reversed: [],
  dispute_lost: [],
  voided: [],
  expired: [],
  failed: [],
};

export function canTransition(from: PaymentStatus, to: PaymentStatus): boolean {
  return PAYMENT_TRANSITIONS[from].includes(to);
}

/** Throws `illegal_transition`: an illegal change is an error, never a silent no-op. */
export function assertTransition(from: PaymentStatus, to: PaymentStatus): void {
  if (!canTransition(from, to)) {
    throw new PayframeError('illegal_transition', `a ${from} payment cannot become ${to}`);
  }
}

/** Payments whose money the merchant may count on (the shopper's attempt succeeded). */
export const SUCCEEDED_STATUSES: readonly PaymentStatus[] = [
  'authorized',
  'captured',
  'dispute_reversed',
];

/** Payments whose money was taken and may be refunded, rebilled or disputed. */
export const CAPTURED_STATUSES: readonly PaymentStatus[] = [
  'captured',
  'partially_refunded',
  'refunded',
];

/** A captured payment the shopper's bank disputed, whatever the dispute's outcome. */
export const DISPUTE_STATUSES: readonly PaymentStatus[] = [
  'disputed',
  'dispute_reversed',
  'dispute_lost',
];
