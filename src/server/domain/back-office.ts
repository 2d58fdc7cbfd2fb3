import type { ErrorCode } from '../../protocol/error-codes';
import type { PaymentStatus } from '../../protocol/payments';
import type { PaymentWithTransactions } from '../store/records';
import { newTransaction, type Decide, type Decision } from './payment-change';
import { paymentAmounts } from './payment-amounts';
import { assertTransition } from './payment-states';
import { PayframeError } from './payframe-error';

/** How long an authorization can be captured (DESIGN §2: "within the authorization window"). */
export const AUTHORIZATION_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

/** When the payment's authorization lapses, or null when it holds no authorization. */
export function authorizationExpiresAt(current: PaymentWithTransactions): number | null {
  const authorizedAt = current.transactions.find((t) => t.type === 'PA')?.created_at;
  return authorizedAt === undefined ? null : authorizedAt + AUTHORIZATION_WINDOW_MS;
}

/** An authorization past its window: it becomes `expired`, and `refuse` is answered. */
function expiredAuthorization(
  current: PaymentWithTransactions,
  now: number,
  refuse?: ErrorCode,
): Decision | null {
  const expiresAt = authorizationExpiresAt(current);
  if (expiresAt === null || now < expiresAt) return null;
  assertTransition('authorized', 'expired');
  return {
    status: 'expired',
    transaction: null,
    event: 'payment.expired',
    ...(refuse ? { refuse: { code: refuse, detail: 'The authorization has expired.' } } : {}),
  };
}

/** Capture an authorization, fully or partly (once: the rest of the authorization is released). */
export function decideCapture(amount: number | undefined): Decide {
  return (current, now) => {
    if (current.payment.status !== 'authorized') throw new PayframeError('payment_not_capturable');
    const expired = expiredAuthorization(current, now, 'payment_not_capturable');
    if (expired) return expired;
    const { authorized } = paymentAmounts(current.transactions);
    const take = amount ?? authorized;
    if (take > authorized) throw new PayframeError('amount_exceeds_authorized');
    assertTransition('authorized', 'captured');
    return {
      status: 'captured',
      transaction: newTransaction(current, 'CP', take, now),
      event: 'payment.captured',
    };
  };
}

/** Release an authorization before capture. */
export function decideVoid(): Decide {
  return (current, now) => {
    if (current.payment.status !== 'authorized') throw new PayframeError('payment_not_voidable');
    const expired = expiredAuthorization(current, now, 'payment_not_voidable');
    if (expired) return expired;
    assertTransition('authorized', 'voided');
    const { authorized } = paymentAmounts(current.transactions);
    return {
      status: 'voided',
      transaction: newTransaction(current, 'RV', authorized, now),
      event: 'payment.voided',
    };
  };
}

/** The sweep's decision: an authorization past its window expires; anything else is refused. */
export function decideExpiry(): Decide {
  return (current, now) => {
    const expired =
      current.payment.status === 'authorized' ? expiredAuthorization(current, now) : null;
    if (!expired) throw new PayframeError('illegal_transition', 'The authorization holds.');
    return expired;
  };
}

/** Refund part or all of what is left of the captured amount; refunds never exceed it. */
export function decideRefund(amount: number | undefined): Decide {
  return (current, now) => {
    const from = current.payment.status as PaymentStatus;
    if (from !== 'captured' && from !== 'partially_refunded') {
      throw new PayframeError('payment_not_refundable');
    }
    const { captured, refunded } = paymentAmounts(current.transactions);
    const left = captured - refunded;
    const give = amount ?? left;
    if (give > left) {
      throw new PayframeError('amount_exceeds_captured', `At most ${left} can be refunded.`);
    }
    const to: PaymentStatus = give === left ? 'refunded' : 'partially_refunded';
    assertTransition(from, to);
    return {
      status: to,
      transaction: newTransaction(current, 'RF', give, now),
      event: 'payment.refunded',
    };
  };
}
