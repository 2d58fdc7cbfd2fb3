import { createHmac } from 'node:crypto';

/**
 * Standard Webhooks v1 signing: HMAC-SHA256 over `{id}.{timestamp}.{body}` with the secret's
 * base64 key (after `whsec_`), sent as `v1,<base64>`; several, space-separated, while a secret is
 * being rotated so receivers holding either secret accept the message.
 */
export const SECRET_PREFIX = 'whsec_';

export function signPayload(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.slice(SECRET_PREFIX.length), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

export interface WebhookHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

/** The three headers of one delivery, signed with every secret given (current first). */
export function webhookHeaders(
  secrets: readonly string[],
  id: string,
  timestamp: number,
  body: string,
): WebhookHeaders {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': secrets.map((s) => signPayload(s, id, timestamp, body)).join(' '),
  };
}

/** A new `whsec_` secret: 24 random bytes, base64. */
export function newWebhookSecret(): string {
  return `${SECRET_PREFIX}${Buffer.from(crypto.getRandomValues(new Uint8Array(24))).toString('base64')}`;
}

/** The secrets a delivery is signed with now: the current one, and a rotated-out one until it ends. */
export function signingSecrets(
  app: {
    webhook_secret: string;
    webhook_previous_secret: string | null;
    webhook_previous_until: number | null;
  },
  now: number,
): string[] {
  const previous = app.webhook_previous_secret;
  return previous && (app.webhook_previous_until ?? 0) > now
    ? [app.webhook_secret, previous]
    : [app.webhook_secret];
}
