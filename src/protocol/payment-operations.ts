import { z } from 'zod/mini';
import { amountSchema } from './money';
import { idSchema } from './ids';
import { lineItemSchema } from './invoices';
import { paymentErrorSchema, paymentSchema } from './payments';
import { challengeActionSchema, challengeWindowSizeSchema } from './three-ds';

export { challengeActionSchema, type ChallengeAction } from './three-ds';

const httpUrl = z.url({ protocol: /^https?$/ });

/** Card data sent by a PCI-DSS compliant merchant server; the server re-validates every rule. */
export const cardInputSchema = z.strictObject({
  number: z.string().check(z.minLength(1), z.maxLength(32)),
  exp_month: z.int().check(z.minimum(1), z.maximum(12)),
  exp_year: z.int().check(z.minimum(2000), z.maximum(2100)),
  cvc: z.string().check(z.regex(/^\d{3,4}$/, 'expected 3 or 4 digits')),
  name: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
});
export type CardInput = z.infer<typeof cardInputSchema>;

/**
 * `POST /v1/payments`: a server-to-server payment of an open invoice. `type` PA authorizes only
 * (capture later), DB authorizes and captures at once.
 */
export const createPaymentSchema = z.strictObject({
  invoice: idSchema('inv'),
  type: z.enum(['PA', 'DB']),
  card: cardInputSchema,
  /** Where the hosted challenge sends the shopper back, with `resource_path=/v1/payments/{id}`. */
  shopper_result_url: z.optional(httpUrl),
  /** The challenge window the shopper's page can show (default `05`, full page). */
  challenge_window_size: z.optional(challengeWindowSizeSchema),
});
export type CreatePayment = z.infer<typeof createPaymentSchema>;

/** The answer to `POST /v1/payments`: the payment, plus the action when it `requires_action`. */
export const createdPaymentSchema = z.extend(paymentSchema, {
  action: z.nullable(challengeActionSchema),
});
export type CreatedPayment = z.infer<typeof createdPaymentSchema>;

/**
 * `POST /v1/payments/{id}/rebill`: charge the same card again for additional items, either
 * `items` (the server sums them) or a plain `amount`, never both.
 */
export const rebillPaymentSchema = z
  .strictObject({
    items: z.optional(z.array(lineItemSchema).check(z.minLength(1), z.maxLength(100))),
    amount: z.optional(amountSchema.check(z.minimum(1))),
  })
  .check(
    z.refine((body) => (body.items === undefined) !== (body.amount === undefined), {
      message: 'send either items or amount',
      path: ['items'],
    }),
  );
export type RebillPayment = z.infer<typeof rebillPaymentSchema>;

/** A rebill the issuer declined is an answer, not an HTTP error (docs/adr/0004). */
export const rebillResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('succeeded'), transaction_id: z.string(), payment: paymentSchema }),
  z.object({
    status: z.literal('failed'),
    /** The declined RB, kept on the payment with its `failure_code`. */
    transaction_id: z.string(),
    error: paymentErrorSchema,
    payment: paymentSchema,
  }),
]);
export type RebillResult = z.infer<typeof rebillResultSchema>;

/** `POST /v1/test/payments/{id}/chargeback` (test mode): the shopper's bank disputes the payment. */
export const chargebackSchema = z.strictObject({
  /** Omit to dispute everything captured and not refunded. */
  amount: z.optional(amountSchema.check(z.minimum(1))),
});

/** `POST /v1/test/payments/{id}/chargeback-reversal` and `/dispute-lost` take no options. */
export const disputeOutcomeSchema = z.strictObject({});
