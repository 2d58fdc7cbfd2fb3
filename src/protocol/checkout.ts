import { z } from 'zod/mini';
import { amountSchema } from './money';
import { paymentErrorSchema } from './payments';
import {
  challengeActionSchema,
  challengeWindowSizeSchema,
  threeDsMethodCompletionSchema,
} from './three-ds';

/** `GET /v1/checkout/{token}`: what the frame may know — the invoice summary, nothing more. */
/**
 * The id of the `<script type="application/json">` block in which the checkout page carries the
 * summary `GET /v1/checkout/{token}` would answer, so the frame need not ask for it first.
 */
export const SUMMARY_BLOCK_ID = 'payframe-summary';

export const checkoutSummarySchema = z.object({
  invoice_id: z.string(),
  status: z.enum(['open', 'paid', 'canceled', 'expired']),
  merchant: z.object({ name: z.string() }),
  amount: amountSchema,
  currency: z.string(),
  description: z.nullable(z.string()),
  allowed_origins: z.array(z.string()),
  expires_at: z.string(),
  /** The payment that paid the invoice, so a frame that finds it paid can still report success. */
  payment_id: z.nullable(z.string()),
  /** Where the hosted page returns the shopper after paying, and when giving up (or null). */
  success_url: z.nullable(z.string()),
  cancel_url: z.nullable(z.string()),
  /** The issuer's 3DS-Method page to load in a hidden iframe before confirming (10 s at most). */
  three_ds_method: z.nullable(z.object({ url: z.string(), data: z.string() })),
  /**
   * Present when the invoice names a customer: the frame offers to save the card (with consent)
   * and lists the cards saved before, each paid with its security code typed again.
   */
  customer: z.nullable(
    z.object({
      saved_cards: z.array(
        z.object({
          id: z.string(),
          brand: z.string(),
          last4: z.string(),
          exp_month: z.int(),
          exp_year: z.int(),
        }),
      ),
    }),
  ),
});
export type CheckoutSummary = z.infer<typeof checkoutSummarySchema>;

const cvcSchema = z.string().check(z.regex(/^\d{3,4}$/, 'expected 3 or 4 digits'));

/**
 * Card data as the frame sends it; the server re-validates every rule. Either a new `card`
 * (saved to the invoice's customer when `save_card` is true: the shopper's consent) or a
 * `saved_card` of that customer with its security code typed again.
 */
export const confirmCheckoutSchema = z
  .strictObject({
    card: z.optional(
      z.strictObject({
        number: z.string().check(z.minLength(1), z.maxLength(32)),
        exp_month: z.int().check(z.minimum(1), z.maximum(12)),
        exp_year: z.int().check(z.minimum(2000), z.maximum(2100)),
        cvc: cvcSchema,
        name: z.string().check(z.minLength(1), z.maxLength(100)),
      }),
    ),
    /** The shopper ticked "save this card": only offered when the invoice names a customer. */
    save_card: z.optional(z.boolean()),
    saved_card: z.optional(
      z.strictObject({
        id: z.string().check(z.regex(/^pm_[0-9A-Za-z]{8,64}$/, 'expected a pm_ id')),
        cvc: cvcSchema,
      }),
    ),
    /** The challenge window the frame has room for (EMVCo 01–05). */
    challenge_window_size: z.optional(challengeWindowSizeSchema),
    /** Whether the issuer's 3DS-Method page completed in time (Y), not (N), or was not run (U). */
    three_ds_method: z.optional(threeDsMethodCompletionSchema),
    /** The frame's language (BCP 47), so the issuer's page speaks it too. */
    locale: z.optional(
      z.string().check(z.maxLength(35), z.regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/)),
    ),
  })
  .check(
    z.refine((body) => (body.card === undefined) !== (body.saved_card === undefined), {
      message: 'send either card or saved_card',
      path: ['card'],
    }),
    z.refine((body) => !(body.save_card && body.saved_card), {
      message: 'save_card goes with a new card',
      path: ['save_card'],
    }),
  );
export type ConfirmCheckout = z.infer<typeof confirmCheckoutSchema>;

export const confirmResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('succeeded'), invoice_id: z.string(), payment_id: z.string() }),
  z.object({
    status: z.literal('requires_action'),
    invoice_id: z.string(),
    payment_id: z.string(),
    action: challengeActionSchema,
  }),
  z.object({
    status: z.literal('failed'),
    invoice_id: z.string(),
    payment_id: z.string(),
    error: paymentErrorSchema,
  }),
]);
export type ConfirmResult = z.infer<typeof confirmResultSchema>;

/** `POST /v1/checkout/{token}/payments/{id}/cancel`: the frame ends a challenge. */
export const cancelChallengeSchema = z.strictObject({
  /** `canceled`: the shopper gave up; `unavailable`: the issuer's page never showed. */
  reason: z.enum(['canceled', 'unavailable']),
});
export type CancelChallenge = z.infer<typeof cancelChallengeSchema>;
