import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { CheckoutEventName } from '../../protocol/checkout-events';
import { allowedOrigins } from '../domain/apps';
import { checkoutState, type CheckoutState } from '../domain/checkout-status';
import { CheckoutWatcher } from '../domain/checkout-watcher';
import { PayframeError } from '../domain/payframe-error';
import type { Services } from '../domain/services';
import { tokenParams } from './checkout.routes';
import { parseWith } from './problem';
import { streamCors } from './security-headers';

/** What one process spends on status streams (ADR 15). */
export interface EventStreamLimits {
  /** Streams open at once; more are answered `503 too_many_streams`. */
  maxStreams: number;
  /** How often the open streams' checkouts are read from the database. */
  pollMs: number;
  /** A comment this often keeps proxies from closing a quiet stream. */
  heartbeatMs: number;
  /** The `retry:` hint: how long a browser waits before reconnecting. */
  retryMs: number;
  /** The longest a stream stays open; the browser then reconnects and gets the state anew. */
  maxLifeMs: number;
}

export const DEFAULT_EVENT_STREAM_LIMITS: EventStreamLimits = {
  maxStreams: 1000,
  pollMs: 1000,
  heartbeatMs: 15_000,
  retryMs: 3000,
  maxLifeMs: 60 * 60 * 1000,
};

/** How long past the checkout window a stream waits for an attempt still holding the invoice. */
const PAST_EXPIRY_MS = 15 * 60 * 1000;

/** The id of the `result` event: a reconnect that names it has nothing left to learn. */
const RESULT_ID = 'result';

function event(name: string, data: string, id?: string): string {
  return `${id ? `id: ${id}\n` : ''}event: ${name}\ndata: ${data}\n\n`;
}

/** The status event, and after it the result once the checkout has ended. */
function events(state: CheckoutState, statusChanged: boolean): string {
  const status = statusChanged ? event(CheckoutEventName.status, JSON.stringify(state.status)) : '';
  return state.result
    ? status + event(CheckoutEventName.result, JSON.stringify(state.result), RESULT_ID)
    : status;
}

/**
 * `GET /v1/checkout/{token}/events`: the checkout's status as Server-Sent Events, for the page
 * whose link to the frame was cut. State comes from the database on every beat (CheckoutWatcher),
 * so it does not matter which process the browser reaches, or reaches again.
 */
export function checkoutEventRoutes(
  app: FastifyInstance,
  services: Services,
  limits: EventStreamLimits,
): void {
  const watcher = new CheckoutWatcher(services, {
    intervalMs: limits.pollMs,
    onError: (error) => app.log.error({ err: error }, 'checkout status poll failed'),
  });
  const streams = new Set<PassThrough>();
  // Before the server waits for requests to finish: an open stream never would.
  app.addHook('preClose', async () => {
    for (const stream of streams) stream.end();
  });
  app.addHook('onClose', () => watcher.stop());

  app.get('/v1/checkout/:token/events', async (request, reply) => {
    const { token } = parseWith(tokenParams, request.params);
    reply.header('cache-control', 'no-store').header('vary', 'Origin');
    const [record] = await services.store.listCheckoutStatuses([token]);
    if (!record) throw new PayframeError('checkout_not_found');
    const merchant = await services.store.findApp(record.invoice.app_id);
    const cors = streamCors(
      request.headers.origin,
      merchant ? allowedOrigins(merchant) : [],
      services.config.publicUrl,
    );
    if (!cors.allowed) throw new PayframeError('origin_not_allowed');
    if (cors.allowOrigin) reply.header('access-control-allow-origin', cors.allowOrigin);

    const state = checkoutState(record, services.now(), services.config.maxFailedAttempts);
    if (state.result && request.headers['last-event-id'] === RESULT_ID) {
      return reply.code(204).send();
    }
    const opening = `retry: ${limits.retryMs}\n\n${events(state, true)}`;
    // An ended checkout is answered whole, without taking one of the process's streams.
    if (state.result) return reply.type('text/event-stream').send(opening);
    if (streams.size >= limits.maxStreams) {
      reply.header('retry-after', String(Math.ceil(limits.retryMs / 1000)));
      reply.header('access-control-expose-headers', 'Retry-After');
      throw new PayframeError('too_many_streams');
    }

    reply.type('text/event-stream').header('x-accel-buffering', 'no');
    const stream = new PassThrough();
    let sent = JSON.stringify(state.status);
    const write = (text: string) => {
      if (text && stream.writable) stream.write(text);
    };
    const unwatch = watcher.watch(token, (next) => {
      if (!stream.writable) return;
      const status = JSON.stringify(next.status);
      write(events(next, status !== sent));
      sent = status;
      if (next.result) stream.end();
    });
    const heartbeat = setInterval(() => write(': keep-alive\n\n'), limits.heartbeatMs);
    const remaining = record.invoice.checkout_expires_at - services.now();
    const life = Math.min(Math.max(remaining, 0) + PAST_EXPIRY_MS, limits.maxLifeMs);
    const lifetime = setTimeout(() => stream.end(), life);
    streams.add(stream);
    // Ended by us, by the client going away, or by the server closing: everything is let go.
    stream.on('close', () => {
      clearInterval(heartbeat);
      clearTimeout(lifetime);
      unwatch();
      streams.delete(stream);
    });
    stream.write(opening);
    return reply.send(stream);
  });
}
