import { createHmac, timingSafeEqual } from 'node:crypto';
import {
  eventListSchema,
  eventSchema,
  webhookEndpointSchema,
  type EventList,
  type RotateWebhookSecret,
  type WebhookEndpoint,
  type WebhookEvent,
} from '../protocol/webhooks';
import { orderCheckSettingsSchema, type OrderCheckSettings } from '../protocol/order-check';
import { PayframeError } from './errors';
import type { HttpClient, ReadOptions, RequestOptions } from './http';

/** A delivery that must not be trusted: bad or missing signature, stale timestamp, bad body. */
export class WebhookVerificationError extends PayframeError {
  override name = 'WebhookVerificationError';
}

/** What a verified delivery carries (Standard Webhooks: `{type, timestamp, data}`). */
export interface WebhookPayload {
  /** `webhook-id`: the same on every retry of one event; drop one you have already handled. */
  id: string;
  type: string;
  timestamp: string;
  data: Record<string, unknown>;
}

/** Headers as Node's `IncomingHttpHeaders`, a `Headers` object or a plain record. */
export type WebhookHeadersInput = Headers | Record<string, string | string[] | undefined>;

/** How far a delivery's `webhook-timestamp` may be from the receiver's clock, either way. */
export const DEFAULT_TOLERANCE_SECONDS = 5 * 60;

function header(headers: WebhookHeadersInput, name: string): string | undefined {
  const value = headers instanceof Headers ? headers.get(name) : headers[name];
  return Array.isArray(value) ? value[0] : (value ?? undefined);
}

/** Standard Webhooks secrets carry 24 to 64 random bytes; fewer is a configuration mistake. */
const MIN_SECRET_BYTES = 24;

/**
 * The HMAC key of a `whsec_` secret. An empty or malformed secret would be an empty key, which
 * anyone can sign with, so it is refused outright rather than tried.
 */
export function webhookSecretKey(secret: string): Buffer {
  const encoded =
    typeof secret === 'string' && secret.startsWith('whsec_') ? secret.slice(6) : secret;
  if (
    typeof encoded !== 'string' ||
    !/^[A-Za-z0-9+/]+={0,2}$/.test(encoded) ||
    encoded.length % 4 !== 0 ||
    Buffer.from(encoded, 'base64').length < MIN_SECRET_BYTES
  ) {
    throw new TypeError(
      `Payframe: a webhook secret must be whsec_ and base64 of at least ${MIN_SECRET_BYTES} bytes.`,
    );
  }
  return Buffer.from(encoded, 'base64');
}

function expectedSignature(key: Buffer, id: string, timestamp: string, body: Buffer): Buffer {
  return createHmac('sha256', key).update(`${id}.${timestamp}.`).update(body).digest();
}

/**
 * Checks a delivery as it arrived: the raw body (not re-serialised JSON), signed with one of
 * `secrets` (several while you rotate), with a timestamp within the tolerance (replays of old
 * deliveries fail). Returns the parsed payload or throws `WebhookVerificationError`.
 */
export function verifyWebhook(
  secrets: string | readonly string[],
  headers: WebhookHeadersInput,
  body: string | Buffer,
  options: { toleranceSeconds?: number; now?: number } = {},
): WebhookPayload {
  const id = header(headers, 'webhook-id');
  const timestamp = header(headers, 'webhook-timestamp');
  const signatures = header(headers, 'webhook-signature');
  if (!id || !timestamp || !signatures) {
    throw new WebhookVerificationError(
      'Missing webhook-id, webhook-timestamp or webhook-signature.',
    );
  }
  if (!/^\d{1,12}$/.test(timestamp))
    throw new WebhookVerificationError('Invalid webhook-timestamp.');
  const nowSeconds = Math.floor((options.now ?? Date.now()) / 1000);
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (Math.abs(nowSeconds - Number(timestamp)) > tolerance) {
    throw new WebhookVerificationError('webhook-timestamp is outside the tolerance.');
  }
  const keys = (typeof secrets === 'string' ? [secrets] : secrets).map(webhookSecretKey);
  if (keys.length === 0) throw new TypeError('Payframe: no webhook secret to verify with.');
  const raw = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const given = signatures
    .split(' ')
    .filter((s) => s.startsWith('v1,'))
    .map((s) => Buffer.from(s.slice(3), 'base64'));
  const valid = keys.some((key) => {
    const expected = expectedSignature(key, id, timestamp, raw);
    return given.some((g) => g.length === expected.length && timingSafeEqual(g, expected));
  });
  if (!valid) throw new WebhookVerificationError('No valid signature.');
  let payload: unknown;
  try {
    payload = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new WebhookVerificationError('The body is not JSON.');
  }
  const { type, timestamp: at, data } = (payload ?? {}) as Record<string, unknown>;
  if (typeof type !== 'string' || typeof at !== 'string' || typeof data !== 'object' || !data) {
    throw new WebhookVerificationError('The body is not a webhook payload.');
  }
  return { id, type, timestamp: at, data: data as Record<string, unknown> };
}

/** Webhooks: verifying deliveries, the endpoint and its secret, and the event log. */
export class Webhooks {
  constructor(
    private readonly http: HttpClient,
    private readonly secrets: readonly string[],
  ) {
    // A bad secret fails at construction, not as every webhook being refused (or worse, accepted).
    for (const secret of secrets) webhookSecretKey(secret);
  }

  /** Verifies a delivery with the client's `webhookSecret`; see `verifyWebhook`. */
  verify(
    headers: WebhookHeadersInput,
    body: string | Buffer,
    options?: { toleranceSeconds?: number; now?: number },
  ): WebhookPayload {
    if (this.secrets.length === 0) {
      throw new TypeError('Payframe: pass webhookSecret to the client to verify webhooks.');
    }
    return verifyWebhook(this.secrets, headers, body, options);
  }

  getEndpoint(options?: ReadOptions): Promise<WebhookEndpoint> {
    return this.http.get('/v1/webhook', webhookEndpointSchema, options);
  }

  /** Where events go (`null` stops delivery); setting a URL re-enables a disabled endpoint. */
  setEndpoint(url: string | null, options?: RequestOptions): Promise<WebhookEndpoint> {
    return this.http.post('/v1/webhook', { url }, webhookEndpointSchema, options);
  }

  rotateSecret(body: RotateWebhookSecret = {}, options?: RequestOptions): Promise<WebhookEndpoint> {
    return this.http.post('/v1/webhook/rotate-secret', body, webhookEndpointSchema, options);
  }
}

/** The event log and manual redelivery. */
export class Events {
  constructor(private readonly http: HttpClient) {}

  list(
    query: { limit?: number; before?: string; type?: string } = {},
    options?: ReadOptions,
  ): Promise<EventList> {
    const params = new URLSearchParams(
      Object.entries(query).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])),
    );
    const search = params.size > 0 ? `?${params}` : '';
    return this.http.get(`/v1/events${search}`, eventListSchema, options);
  }

  get(id: string, options?: ReadOptions): Promise<WebhookEvent> {
    return this.http.get(`/v1/events/${encodeURIComponent(id)}`, eventSchema, options);
  }

  /** Sends the event again from the start of the retry schedule, with the same `webhook-id`. */
  resend(id: string, options?: RequestOptions): Promise<WebhookEvent> {
    return this.http.post(`/v1/events/${encodeURIComponent(id)}/resend`, {}, eventSchema, options);
  }
}

/** The order check: a URL asked before each payment, which can stop it (`order_check_failed`). */
export class OrderCheck {
  constructor(private readonly http: HttpClient) {}

  get(options?: ReadOptions): Promise<OrderCheckSettings> {
    return this.http.get('/v1/order-check', orderCheckSettingsSchema, options);
  }

  /** Sets the URL (`null` turns the check off). Verify its requests with `verifyWebhook`. */
  set(url: string | null, options?: RequestOptions): Promise<OrderCheckSettings> {
    return this.http.post('/v1/order-check', { url }, orderCheckSettingsSchema, options);
  }
}
