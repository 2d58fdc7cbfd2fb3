import { z } from 'zod/mini';
import { errorCodeSchema } from './error-codes';
import { resultMessageSchema, type Parsed, type ResultMessage } from './frame-messages';

/**
 * `GET /v1/checkout/{token}/events`: the checkout's status as Server-Sent Events, the fallback
 * channel for a page whose frame link was cut (a popup behind COOP, a lost redirect). A `status`
 * event comes first with the state now, then again on every change; a `result` event ends the
 * stream when the checkout has ended for the shopper (ADR 15).
 */
export const CheckoutEventName = { status: 'status', result: 'result' } as const;
export type CheckoutEventName = (typeof CheckoutEventName)[keyof typeof CheckoutEventName];

export const checkoutStatusSchema = z.enum([
  'open',
  'processing',
  'requires_action',
  'paid',
  'canceled',
  'expired',
]);
export type CheckoutStatus = z.infer<typeof checkoutStatusSchema>;

/**
 * The `status` event's data. `outcome` and `error` describe how the checkout ended, or how the
 * shopper's last attempt failed while the checkout stays open (`retryable: true`). Not strict: a
 * newer server may add fields. Only protocol files the host bundle already carries are imported.
 */
export const checkoutStatusEventSchema = z.object({
  status: checkoutStatusSchema,
  invoice_id: z.string(),
  /** The attempt under way, the one that failed last, or the one that paid. */
  payment_id: z.optional(z.string()),
  outcome: z.optional(z.enum(['succeeded', 'failed', 'canceled'])),
  error: z.optional(
    z.object({ code: errorCodeSchema, message: z.string(), retryable: z.boolean() }),
  ),
});
export type CheckoutStatusEvent = z.infer<typeof checkoutStatusEventSchema>;

/**
 * The `result` event's data is the frame's own `result` message, so the page handles both the
 * same way and one terminal event is kept whichever arrives first.
 */
export const checkoutResultEventSchema = resultMessageSchema;
export type CheckoutResultEvent = ResultMessage;

export type CheckoutEvent =
  { name: 'status'; data: CheckoutStatusEvent } | { name: 'result'; data: CheckoutResultEvent };

/** Parses one received event (`EventSource`'s `type` and `data`), with a reason for a rejection. */
export function parseCheckoutEvent(event: { type: string; data: unknown }): Parsed<CheckoutEvent> {
  if (event.type !== CheckoutEventName.status && event.type !== CheckoutEventName.result) {
    return { ok: false, reason: 'unknown event' };
  }
  let data: unknown;
  try {
    data = typeof event.data === 'string' ? JSON.parse(event.data) : undefined;
  } catch {
    return { ok: false, reason: 'data is not JSON' };
  }
  if (event.type === CheckoutEventName.status) {
    const parsed = checkoutStatusEventSchema.safeParse(data);
    return parsed.success
      ? { ok: true, message: { name: 'status', data: parsed.data } }
      : { ok: false, reason: 'malformed "status" event' };
  }
  const parsed = checkoutResultEventSchema.safeParse(data);
  return parsed.success
    ? { ok: true, message: { name: 'result', data: parsed.data } }
    : { ok: false, reason: 'malformed "result" event' };
}
