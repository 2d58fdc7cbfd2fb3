import { z } from 'zod/mini';
import { idSchema } from './ids';

/** Merchant API schemas of webhook delivery (DESIGN §8): the endpoint, its secret, the event log. */

const httpUrl = z.url({ protocol: /^https?$/ });
const isoTime = z.string();

/** `POST /v1/webhook`: where events go; `null` stops delivery. Setting a URL re-enables it. */
export const setWebhookSchema = z.strictObject({ url: z.nullable(httpUrl) });
export type SetWebhook = z.infer<typeof setWebhookSchema>;

/** `POST /v1/webhook/rotate-secret`: how long the old secret keeps signing beside the new one. */
export const rotateWebhookSecretSchema = z.strictObject({
  overlap_seconds: z.optional(z.int().check(z.minimum(0), z.maximum(7 * 24 * 3600))),
});
export type RotateWebhookSecret = z.infer<typeof rotateWebhookSecretSchema>;

export const webhookEndpointSchema = z.object({
  object: z.literal('webhook_endpoint'),
  url: z.nullable(z.string()),
  /** False after the endpoint answered 410 Gone, until a URL is set again. */
  enabled: z.boolean(),
  disabled_at: z.nullable(isoTime),
  /** The `whsec_` secret deliveries are signed with. */
  secret: z.string(),
  /** While a rotated-out secret still signs too, until when. */
  previous_secret_expires_at: z.nullable(isoTime),
});
export type WebhookEndpoint = z.infer<typeof webhookEndpointSchema>;

export const webhookAttemptSchema = z.object({
  attempt: z.int(),
  url: z.string(),
  /** The endpoint's HTTP status, or null when nothing came back (see `error`). */
  status_code: z.nullable(z.int()),
  error: z.nullable(z.string()),
  duration_ms: z.int(),
  created_at: isoTime,
});

export const DeliveryStatus = {
  pending: 'pending',
  delivered: 'delivered',
  failed: 'failed',
  /** It happened while the app had no endpoint; a resend sends it. */
  skipped: 'skipped',
} as const;
export type DeliveryStatus = (typeof DeliveryStatus)[keyof typeof DeliveryStatus];

export const eventSchema = z.object({
  id: z.string(),
  object: z.literal('event'),
  type: z.string(),
  created_at: isoTime,
  /** What the webhook's `data` carries: the invoice or payment as the API answers it. */
  data: z.record(z.string(), z.unknown()),
  delivery: z.object({
    status: z.enum(Object.values(DeliveryStatus) as [DeliveryStatus, ...DeliveryStatus[]]),
    attempts: z.int(),
    next_attempt_at: z.nullable(isoTime),
    delivered_at: z.nullable(isoTime),
    /** Every try, oldest first. */
    log: z.array(webhookAttemptSchema),
  }),
});
export type WebhookEvent = z.infer<typeof eventSchema>;

export const eventListSchema = z.object({
  object: z.literal('list'),
  data: z.array(eventSchema),
  /** More events are older than the last one; pass its id as `before`. */
  has_more: z.boolean(),
});
export type EventList = z.infer<typeof eventListSchema>;

/** `GET /v1/events` query: newest first, `limit` 1–100 (default 20), `before` an event id. */
export const listEventsQuerySchema = z.strictObject({
  limit: z.optional(
    z
      .pipe(z.string().check(z.regex(/^\d{1,3}$/)), z.transform(Number))
      .check(z.refine((n) => n >= 1 && n <= 100, 'limit must be 1 to 100')),
  ),
  before: z.optional(idSchema('evt')),
  type: z.optional(z.string().check(z.regex(/^[a-z_]+\.[a-z_]+$/))),
});

/** `POST /v1/events/{id}/resend` takes no options. */
export const resendEventSchema = z.strictObject({});
