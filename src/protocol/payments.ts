import { z } from 'zod/mini';
import { amountSchema, currencySchema } from './money';
import { errorCodeSchema } from './error-codes';
import { authenticationSchema } from './three-ds';

export const PaymentStatus = {
  processing: 'processing',
  requires_action: 'requires_action',
  authorized: 'authorized',
  captured: 'captured',
  partially_refunded: 'partially_refunded',
  refunded: 'refunded',
  voided: 'voided',
  expired: 'expired',
  failed: 'failed',
  disputed: 'disputed',
  dispute_reversed: 'dispute_reversed',
  dispute_lost: 'dispute_lost',
} as const;
export type PaymentStatus = (typeof PaymentStatus)[keyof typeof PaymentStatus];
const paymentStatusSchema = z.enum(
  Object.values(PaymentStatus) as [PaymentStatus, ...PaymentStatus[]],
);

/** Transaction types as in the acquiring world. */
export const TransactionType = {
  PA: 'PA',
  DB: 'DB',
  CP: 'CP',
  RV: 'RV',
  RF: 'RF',
  RB: 'RB',
  RC: 'RC',
  CB: 'CB',
  CR: 'CR',
} as const;
export type TransactionType = (typeof TransactionType)[keyof typeof TransactionType];

export const transactionSchema = z.object({
  id: z.string(),
  type: z.enum(Object.values(TransactionType) as [TransactionType, ...TransactionType[]]),
  amount: amountSchema,
  currency: z.string(),
  /** `pending` while the acquirer has not answered (a rebill); only `succeeded` moved money. */
  status: z.enum(['pending', 'succeeded', 'failed']),
  /** Why a `failed` one was declined. */
  failure_code: z.optional(errorCodeSchema),
  created_at: z.string(),
});
export type Transaction = z.infer<typeof transactionSchema>;

export const paymentErrorSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  retryable: z.boolean(),
});
export type PaymentError = z.infer<typeof paymentErrorSchema>;

export const paymentSchema = z.object({
  id: z.string(),
  object: z.literal('payment'),
  invoice_id: z.string(),
  status: paymentStatusSchema,
  amount: amountSchema,
  currency: z.string(),
  order_id: z.string(),
  card: z.object({
    brand: z.string(),
    last4: z.string(),
    exp_month: z.int(),
    exp_year: z.int(),
  }),
  error: z.nullable(paymentErrorSchema),
  /** The invoice's customer, when it names one. */
  customer: z.nullable(z.string()),
  /** The saved card paid with, or saved by this payment with the shopper's consent. */
  payment_method: z.nullable(z.string()),
  /** `customer`: the shopper paid; `merchant`: the merchant charged a saved card (MIT). */
  initiator: z.enum(['customer', 'merchant']),
  /** How the shopper was authenticated (3-D Secure), or null when it was not attempted. */
  authentication: z.nullable(authenticationSchema),
  transactions: z.array(transactionSchema),
  created_at: z.string(),
});
export type Payment = z.infer<typeof paymentSchema>;

/** `POST /v1/payments/{id}/validate`: what the merchant's server expects to have been paid. */
export const validatePaymentSchema = z.strictObject({
  amount: amountSchema,
  currency: currencySchema,
  order_id: z.string().check(z.minLength(1), z.maxLength(128)),
});
export type ValidatePayment = z.infer<typeof validatePaymentSchema>;

export const ValidationReason = {
  amount_mismatch: 'amount_mismatch',
  currency_mismatch: 'currency_mismatch',
  order_id_mismatch: 'order_id_mismatch',
  payment_not_succeeded: 'payment_not_succeeded',
  payment_refunded: 'payment_refunded',
  payment_disputed: 'payment_disputed',
} as const;
export type ValidationReason = (typeof ValidationReason)[keyof typeof ValidationReason];

export const validationResultSchema = z.object({
  valid: z.boolean(),
  reasons: z.array(
    z.enum(Object.values(ValidationReason) as [ValidationReason, ...ValidationReason[]]),
  ),
  payment: paymentSchema,
});
export type ValidationResult = z.infer<typeof validationResultSchema>;

/** `POST /v1/payments/{id}/capture`: omit `amount` to capture everything authorized. */
export const capturePaymentSchema = z.strictObject({
  amount: z.optional(amountSchema.check(z.minimum(1))),
});

/** `POST /v1/payments/{id}/refunds`: omit `amount` to refund everything left. */
export const refundPaymentSchema = z.strictObject({
  amount: z.optional(amountSchema.check(z.minimum(1))),
});

export const voidPaymentSchema = z.strictObject({});
