import type {
  EventList,
  RotateWebhookSecret,
  SetWebhook,
  WebhookEndpoint,
  WebhookEvent,
} from '../../protocol/webhooks';
import { PayframeError } from '../domain/payframe-error';
import type { Services } from '../domain/services';
import type { AppRecord, EventRecord, WebhookAttemptRecord } from '../store/records';
import { newWebhookSecret } from './signature';

/** The merchant API's webhook use cases: the endpoint, its secret, the event log and resend. */

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
/** How long a rotated-out secret keeps signing beside the new one unless told otherwise. */
export const DEFAULT_SECRET_OVERLAP_S = 24 * 60 * 60;

export function webhookEndpointView(app: AppRecord, now: number): WebhookEndpoint {
  const previousLive = app.webhook_previous_until !== null && app.webhook_previous_until > now;
  return {
    object: 'webhook_endpoint',
    url: app.webhook_url,
    enabled: app.webhook_url !== null && app.webhook_disabled_at === null,
    disabled_at: iso(app.webhook_disabled_at),
    secret: app.webhook_secret,
    previous_secret_expires_at: previousLive ? iso(app.webhook_previous_until) : null,
  };
}

export async function setWebhook(
  services: Services,
  app: AppRecord,
  body: SetWebhook,
): Promise<WebhookEndpoint> {
  const updated = await services.store.setWebhookUrl(app.id, body.url);
  if (!updated) throw new PayframeError('internal_error', 'The app vanished.');
  return webhookEndpointView(updated, services.now());
}

export async function rotateSecret(
  services: Services,
  app: AppRecord,
  body: RotateWebhookSecret,
): Promise<WebhookEndpoint> {
  const now = services.now();
  const overlapMs = (body.overlap_seconds ?? DEFAULT_SECRET_OVERLAP_S) * 1000;
  const updated = await services.store.rotateWebhookSecret(
    app.id,
    newWebhookSecret(),
    now + overlapMs,
  );
  if (!updated) throw new PayframeError('internal_error', 'The app vanished.');
  return webhookEndpointView(updated, now);
}

function eventView(event: EventRecord, log: WebhookAttemptRecord[]): WebhookEvent {
  return {
    id: event.id,
    object: 'event',
    type: event.type,
    created_at: new Date(event.created_at).toISOString(),
    data: JSON.parse(event.data) as Record<string, unknown>,
    delivery: {
      status: event.delivery,
      attempts: event.attempts,
      next_attempt_at: event.delivery === 'pending' ? iso(event.next_attempt_at) : null,
      delivered_at: iso(event.delivered_at),
      log: log.map((a) => ({
        attempt: a.attempt,
        url: a.url,
        status_code: a.status_code,
        error: a.error,
        duration_ms: a.duration_ms,
        created_at: new Date(a.created_at).toISOString(),
      })),
    },
  };
}

async function withLogs(services: Services, appId: string, events: EventRecord[]) {
  const attempts = await services.store.listAttempts(
    appId,
    events.map((e) => e.id),
  );
  return events.map((event) =>
    eventView(
      event,
      attempts.filter((a) => a.event_id === event.id),
    ),
  );
}

export async function listEvents(
  services: Services,
  app: AppRecord,
  query: { limit?: number; before?: string; type?: string },
): Promise<EventList> {
  const limit = query.limit ?? 20;
  const page = await services.store.pageEvents(app.id, { ...query, limit: limit + 1 });
  return {
    object: 'list',
    data: await withLogs(services, app.id, page.slice(0, limit)),
    has_more: page.length > limit,
  };
}

export async function getEvent(services: Services, app: AppRecord, id: string) {
  const event = await services.store.findEvent(app.id, id);
  if (!event) throw new PayframeError('event_not_found', `No event ${id}.`);
  const [view] = await withLogs(services, app.id, [event]);
  return view as WebhookEvent;
}

/** Sends the event again from the start of the retry schedule, whatever became of it. */
export async function resendEvent(services: Services, app: AppRecord, id: string) {
  const event = await services.store.resendEvent(app.id, id, services.now());
  if (!event) throw new PayframeError('event_not_found', `No event ${id}.`);
  return getEvent(services, app, id);
}
