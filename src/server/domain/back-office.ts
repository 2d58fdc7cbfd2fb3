import type { ErrorCode } from '../../protocol/error-codes';
import { newId } from '../../protocol/ids';
import type { Payment, PaymentStatus, TransactionType } from '../../protocol/payments';
import type { AppRecord, NewEvent, PaymentChange, PaymentWithTransactions } from '../store/records';
import { paymentAmounts } from './payment-amounts';
import { assertTransition } from './payment-states';
import { paymentView } from './payment-view';
import { PayframeError } from './payframe-error';
import type { Services } from './services';

type Decision = Omit<PaymentChange, 'events'> & {
  event: string;
  /** Written, then answered as this error: an authorization found expired is recorded as such. */
  refuse?: ErrorCode;
};
type Decide = (current: PaymentWithTransactions, now: number) => Decision;

function transaction(
  current: PaymentWithTransactions,
  type: TransactionType,
  amount: number,
  now: number,
) {
  return {
    id: newId('txn'),
    payment_id: current.payment.id,
    type,
    amount,
    currency: current.payment.currency,
    acquirer_reference: null,
    created_at: now,
  };
}

/** How long an authorization can be captured (DESIGN §2: "within the authorization window"). */
export const AUTHORIZATION_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

/** An authorization past its window: it becomes `expired` and the operation is refused. */
function expiredAuthorization(
  current: PaymentWithTransactions,
  now: number,
  refuse: ErrorCode,
): Decision | null {
  const authorizedAt = current.transactions.find((t) => t.type === 'PA')?.created_at;
  if (authorizedAt === undefined || now < authorizedAt + AUTHORIZATION_WINDOW_MS) return null;
  assertTransition('authorized', 'expired');
  return { status: 'expired', transaction: null, event: 'payment.expired', refuse };
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
      transaction: transaction(current, 'CP', take, now),
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
      transaction: transaction(current, 'RV', authorized, now),
      event: 'payment.voided',
    };
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
      transaction: transaction(current, 'RF', give, now),
      event: 'payment.refunded',
    };
  };
}

/**
 * Runs one back-office operation: load → decide under the payment's lock → save the new state,
 * its transaction and its event together.
 */
export async function changePayment(
  services: Services,
  app: AppRecord,
  paymentId: string,
  decide: Decide,
): Promise<Payment> {
  const existing = await services.store.findPayment(app.id, paymentId);
  if (!existing) throw new PayframeError('payment_not_found', `No payment ${paymentId}.`);
  const invoice = await services.store.findInvoice(app.id, existing.invoice_id);
  const orderId = invoice?.order_id ?? '';
  const now = services.now();
  let refuse: ErrorCode | undefined;
  const changed = await services.store.changePayment(app.id, paymentId, now, (current) => {
    const { event: type, refuse: refusal, ...change } = decide(current, now);
    refuse = refusal;
    const after = {
      payment: { ...current.payment, status: change.status },
      transactions: change.transaction
        ? [...current.transactions, change.transaction]
        : current.transactions,
    };
    const event: NewEvent = {
      id: newId('evt'),
      app_id: app.id,
      type,
      data: JSON.stringify(paymentView(after.payment, after.transactions, orderId)),
      created_at: now,
    };
    return { ...change, events: [event] };
  });
  if (!changed) throw new PayframeError('payment_not_found', `No payment ${paymentId}.`);
  if (refuse) throw new PayframeError(refuse, 'The authorization has expired.');
  return paymentView(changed.payment, changed.transactions, orderId);
}
