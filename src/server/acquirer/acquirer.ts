import type { ErrorCode } from '../../protocol/errors';

export interface AuthorizationRequest {
  pan: string;
  expMonth: number;
  expYear: number;
  /** Absent for a merchant-initiated charge of a stored card (rebill): the CVC is never stored. */
  cvc?: string;
  amount: number;
  currency: string;
  /** True for DB (authorize and capture at once), false for PA (authorize only). */
  capture: boolean;
  /**
   * Our reference for the charge, saved before the call (the payment's id, or a rebill's RB id). An
   * acquirer must answer a repeated reference with the first charge's answer instead of charging
   * again (a processor's idempotency key): a retry after a lost answer depends on it. The sandbox
   * remembers answers in memory, per process.
   */
  reference?: string;
  /**
   * `merchant` for a charge of a stored card without the shopper (MIT, rebill): a processor flags
   * it as a stored-credential transaction, out of scope of 3-D Secure. Absent: the shopper paid.
   */
  initiator?: 'customer' | 'merchant';
}

export type DeclineCode = Extract<
  ErrorCode,
  'card_declined' | 'insufficient_funds' | 'expired_card' | 'incorrect_cvc' | 'processing_error'
>;

export type AuthorizationAnswer =
  { approved: true; reference: string } | { approved: false; code: DeclineCode; reference: string };

/** The acquirer boundary: the sandbox is the first implementation, a real processor the next. */
export interface Acquirer {
  authorize(request: AuthorizationRequest): Promise<AuthorizationAnswer>;
  /**
   * The answer given to a charge made under `reference`, or null when none was made: how an
   * attempt whose answer was lost (a crash mid-call) learns whether the card was charged. A null
   * must be final: the reference is closed, so a call still on its way cannot charge afterwards.
   */
  lookup(reference: string): Promise<AuthorizationAnswer | null>;
}
