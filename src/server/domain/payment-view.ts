import { catalogEntry, type ErrorCode } from '../../protocol/errors';
import type { Payment, PaymentStatus, TransactionType } from '../../protocol/payments';
import type { Authentication, ThreeDsMethodCompletion, TransStatus } from '../../protocol/three-ds';
import type {
  AuthenticationRecord,
  PaymentDetails,
  PaymentRecord,
  TransactionRecord,
} from '../store/records';

export function authenticationView(record: AuthenticationRecord): Authentication {
  return {
    version: '2.2.0',
    trans_status: record.trans_status as TransStatus | null,
    eci: record.eci,
    liability_shift: record.liability_shift === 1,
    challenged: record.challenged === 1,
    three_ds_method: record.three_ds_method as ThreeDsMethodCompletion,
    failure_reason: record.failure_reason,
  };
}

export function paymentView(
  payment: PaymentRecord,
  transactions: TransactionRecord[],
  orderId: string,
  authentication?: AuthenticationRecord | null,
): Payment {
  const code = payment.error_code as ErrorCode | null;
  return {
    id: payment.id,
    object: 'payment',
    invoice_id: payment.invoice_id,
    status: payment.status as PaymentStatus,
    amount: payment.amount,
    currency: payment.currency,
    order_id: orderId,
    card: {
      brand: payment.brand,
      last4: payment.last4,
      exp_month: payment.exp_month,
      exp_year: payment.exp_year,
    },
    error: code
      ? { code, message: catalogEntry(code).title, retryable: catalogEntry(code).retryable }
      : null,
    customer: payment.customer_id,
    payment_method: payment.payment_method_id,
    initiator: payment.initiator as Payment['initiator'],
    authentication: authentication ? authenticationView(authentication) : null,
    transactions: transactions.map((t) => ({
      id: t.id,
      type: t.type as TransactionType,
      amount: t.amount,
      currency: t.currency,
      status: t.status,
      ...(t.failure_code ? { failure_code: t.failure_code as ErrorCode } : {}),
      created_at: new Date(t.created_at).toISOString(),
    })),
    created_at: new Date(payment.created_at).toISOString(),
  };
}

/** The merchant API's view of a payment read with its details. */
export function paymentDetailsView(details: PaymentDetails): Payment {
  return paymentView(
    details.payment,
    details.transactions,
    details.orderId,
    details.authentication,
  );
}
