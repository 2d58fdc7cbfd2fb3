import type { ErrorCode } from '../../protocol/error-codes';
import { newId } from '../../protocol/ids';
import type { Payment, TransactionType } from '../../protocol/payments';
import {
  applied,
  type AppRecord,
  type NewEvent,
  type PaymentChange,
  type PaymentWithTransactions,
  type TransactionRecord,
} from '../store/records';
import { paymentDetailsView } from './payment-view';
import { PayframeError } from './payframe-error';
import type { Services } from './services';

/** What an operation decided for a payment, before its event is built from the result. */
export type Decision = Omit<PaymentChange, 'events'> & {
  /** The outbox event's type; none for a change that is not the merchant's news (a pending try). */
  event?: string;
  /** Written, then answered as this error: an authorization found expired is recorded as such. */
  refuse?: { code: ErrorCode; detail: string };
};

/** Decides one operation on the payment as it is under its lock; throws to refuse. */
export type Decide = (current: PaymentWithTransactions, now: number) => Decision;

export function newTransaction(
  current: PaymentWithTransactions,
  type: TransactionType,
  amount: number,
  now: number,
  acquirerReference: string | null = null,
): TransactionRecord {
  return {
    id: newId('txn'),
    payment_id: current.payment.id,
    type,
    amount,
    currency: current.payment.currency,
    acquirer_reference: acquirerReference,
    status: 'succeeded',
    failure_code: null,
    request_key: null,
    created_at: now,
  };
}

/**
 * Runs one operation on a payment: load → decide under the payment's lock → save the new state,
 * its transaction and its event together, in one database transaction.
 */
export async function changePayment(
  services: Services,
  app: Pick<AppRecord, 'id'>,
  paymentId: string,
  decide: Decide,
): Promise<Payment> {
  const now = services.now();
  let refuse: Decision['refuse'];
  const changed = await services.store.changePayment(app.id, paymentId, now, (current) => {
    const { event: type, refuse: refusal, ...change } = decide(current, now);
    refuse = refusal;
    if (!type) return { ...change, events: [] };
    const after = {
      ...current,
      payment: { ...current.payment, status: change.status },
      transactions: applied(current.transactions, change),
    };
    const event: NewEvent = {
      id: newId('evt'),
      app_id: app.id,
      type,
      data: JSON.stringify(paymentDetailsView(after)),
      created_at: now,
    };
    return { ...change, events: [event] };
  });
  if (!changed) throw new PayframeError('payment_not_found', `No payment ${paymentId}.`);
  if (refuse) throw new PayframeError(refuse.code, refuse.detail);
  return paymentDetailsView(changed);
}
