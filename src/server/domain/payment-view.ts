import { catalogEntry, type ErrorCode } from '../../protocol/errors';
import type { Payment, PaymentStatus, TransactionType } from '../../protocol/payments';
import type { PaymentRecord, TransactionRecord } from '../store/records';

export function paymentView(
  payment: PaymentRecord,
  transactions: TransactionRecord[],
  orderId: string,
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
    transactions: transactions.map((t) => ({
      id: t.id,
      type: t.type as TransactionType,
      amount: t.amount,
      currency: t.currency,
      created_at: new Date(t.created_at).toISOString(),
    })),
    created_at: new Date(payment.created_at).toISOString(),
  };
}
