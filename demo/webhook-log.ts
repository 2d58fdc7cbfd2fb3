import type { FastifyInstance } from 'fastify';
import { WebhookVerificationError, type Payframe, type WebhookPayload } from '../src/sdk';

/** One delivery as the shop saw it, for the page's live log. */
export interface LoggedWebhook {
  received_at: string;
  /** `webhook-id`: the same on every retry of one event. */
  id: string;
  type: string;
  verified: boolean;
  /** A repeat of an event already handled (at-least-once delivery), acknowledged and ignored. */
  duplicate: boolean;
  summary: string;
}

const KEPT = 50;

function summarize(payload: WebhookPayload): string {
  const data = payload.data as { id?: string; status?: string; amount?: number; currency?: string };
  const money = data.amount !== undefined ? ` ${data.amount} ${data.currency ?? ''}`.trimEnd() : '';
  return `${data.id ?? '?'} ${data.status ?? ''}${money}`.trim();
}

/**
 * The shop's webhook endpoint: verifies each delivery with the SDK against the raw body, drops
 * repeats by `webhook-id`, tells the shop (`onEvent`) and keeps the last deliveries for the page.
 */
export function webhookEndpoint(
  app: FastifyInstance,
  payframe: Payframe,
  onEvent: (payload: WebhookPayload) => Promise<void>,
): void {
  const log: LoggedWebhook[] = [];
  const handled = new Set<string>();
  const remember = (entry: LoggedWebhook) => {
    log.unshift(entry);
    log.length = Math.min(log.length, KEPT);
  };

  void app.register(async (scope) => {
    // The signature covers the bytes sent, so the body is kept as text, not parsed and re-serialised.
    scope.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) =>
      done(null, body),
    );
    scope.post('/api/webhooks', async (request, reply) => {
      const received_at = new Date().toISOString();
      try {
        const payload = payframe.webhooks.verify(request.headers, String(request.body));
        const duplicate = handled.has(payload.id);
        if (!duplicate) {
          // Handled before the answer: if this throws, the 500 makes the payment server retry.
          await onEvent(payload);
          handled.add(payload.id);
          if (handled.size > 1000) handled.delete(handled.values().next().value as string);
        }
        remember({
          received_at,
          id: payload.id,
          type: payload.type,
          verified: true,
          duplicate,
          summary: summarize(payload),
        });
        return reply.code(204).send();
      } catch (error) {
        if (!(error instanceof WebhookVerificationError)) throw error;
        const id = String(request.headers['webhook-id'] ?? '');
        remember({
          received_at,
          id,
          type: 'unverified',
          verified: false,
          duplicate: false,
          summary: error.message,
        });
        return reply.code(400).send({ error: error.message });
      }
    });
  });

  app.get('/api/webhooks/log', async () => ({ deliveries: log }));
}
