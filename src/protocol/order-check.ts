import { z } from 'zod/mini';

/** The merchant's order check (DESIGN §2, step 4): a veto before any money moves. */

const httpUrl = z.url({ protocol: /^https?$/ });

/** `POST /v1/order-check`: the URL asked before each payment; `null` turns the check off. */
export const setOrderCheckSchema = z.strictObject({ url: z.nullable(httpUrl) });
export type SetOrderCheck = z.infer<typeof setOrderCheckSchema>;

export const orderCheckSettingsSchema = z.object({
  object: z.literal('order_check'),
  url: z.nullable(z.string()),
  /** How long the check may take before the payment is stopped. */
  timeout_ms: z.int(),
});
export type OrderCheckSettings = z.infer<typeof orderCheckSettingsSchema>;

/** What the merchant's check answers: `{ok: true}`, or `{ok: false, reason}` to stop the payment. */
export const orderCheckAnswerSchema = z.object({
  ok: z.boolean(),
  reason: z.optional(z.string().check(z.maxLength(200))),
});
export type OrderCheckAnswer = z.infer<typeof orderCheckAnswerSchema>;
