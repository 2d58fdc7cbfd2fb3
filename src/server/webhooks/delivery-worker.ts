import { hostname } from 'node:os';
import { performance } from 'node:perf_hooks';
import { newId, randomBase62 } from '../../protocol/ids';
import type { Services } from '../domain/services';
import type { AttemptOutcome, EventRecord, LeasedEvent } from '../store/records';
import { nextRetryDelay, parseRetryAfter } from './schedule';
import { webhookHeaders } from './signature';

export interface WebhookWorkerOptions {
  /** Names this worker's leases; unique per process (host, pid and a random part by default). */
  owner?: string;
  /** How long a leased event is this worker's alone; longer than `timeoutMs`. */
  leaseMs?: number;
  /** How long an endpoint may take to answer. */
  timeoutMs?: number;
  batchSize?: number;
  intervalMs?: number;
  random?: () => number;
  /** Wall-clock milliseconds for `webhook-timestamp`: receivers check it against their own clock. */
  wallClock?: () => number;
  onError?: (error: unknown) => void;
}

/** The JSON body of an event: Standard Webhooks' `{type, timestamp, data}`, the same on every try. */
export function webhookBody(event: Pick<EventRecord, 'type' | 'created_at' | 'data'>): string {
  const timestamp = new Date(event.created_at).toISOString();
  return `{"type":${JSON.stringify(event.type)},"timestamp":"${timestamp}","data":${event.data}}`;
}

/**
 * Sends the outbox's events to each app's endpoint: lease due events → POST them signed → record
 * the attempt and its outcome. At least once: an event stays pending until an endpoint answers
 * 2xx, and a worker that dies mid-send leaves a lease that lapses, after which any worker sends it
 * again (with the same `webhook-id`, so receivers can drop the duplicate).
 */
export class WebhookWorker {
  readonly owner: string;
  readonly #services: Pick<Services, 'store' | 'now'>;
  readonly #leaseMs: number;
  readonly #timeoutMs: number;
  readonly #batchSize: number;
  readonly #intervalMs: number;
  readonly #random: () => number;
  readonly #wallClock: () => number;
  readonly #onError: (error: unknown) => void;
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<unknown> | null = null;
  #stopped = false;

  constructor(services: Pick<Services, 'store' | 'now'>, options: WebhookWorkerOptions = {}) {
    this.#services = services;
    this.owner = options.owner ?? `${hostname()}:${process.pid}:${randomBase62(8)}`;
    this.#timeoutMs = options.timeoutMs ?? 10_000;
    this.#leaseMs = options.leaseMs ?? Math.max(60_000, this.#timeoutMs * 3);
    this.#batchSize = options.batchSize ?? 25;
    this.#intervalMs = options.intervalMs ?? 500;
    this.#random = options.random ?? Math.random;
    this.#wallClock = options.wallClock ?? Date.now;
    this.#onError = options.onError ?? (() => {});
  }

  /** Sends every event that is due now, in batches; resolves with how many were tried. */
  async runOnce(): Promise<number> {
    let tried = 0;
    for (;;) {
      const now = this.#services.now();
      const leased = await this.#services.store.leaseDueEvents(
        this.owner,
        now,
        now + this.#leaseMs,
        this.#batchSize,
      );
      await Promise.all(leased.map((item) => this.#deliver(item)));
      tried += leased.length;
      if (leased.length < this.#batchSize || this.#stopped) return tried;
    }
  }

  /** Polls every `intervalMs` until stopped; never two rounds at once. */
  start(): void {
    const tick = () => {
      this.#running = this.runOnce()
        .catch(this.#onError)
        .finally(() => {
          this.#running = null;
          if (!this.#stopped) this.#timer = setTimeout(tick, this.#intervalMs).unref();
        });
    };
    this.#timer = setTimeout(tick, 0).unref();
  }

  /** Stops polling and waits for the round in flight (its attempts are recorded). */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    await this.#running;
  }

  async #deliver({ event, app }: LeasedEvent): Promise<void> {
    const url = app.webhook_url;
    if (!url) return;
    const body = webhookBody(event);
    const now = this.#services.now();
    const rotating = app.webhook_previous_secret && (app.webhook_previous_until ?? 0) > now;
    const secrets = rotating
      ? [app.webhook_secret, app.webhook_previous_secret as string]
      : [app.webhook_secret];
    const headers = webhookHeaders(secrets, event.id, Math.floor(this.#wallClock() / 1000), body);
    const started = performance.now();
    let statusCode: number | null = null;
    let retryAfter: string | null = null;
    let error: string | null = null;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          ...headers,
          'content-type': 'application/json',
          'user-agent': 'Payframe-Webhooks/1',
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
      statusCode = response.status;
      retryAfter = response.headers.get('retry-after');
      // The answer's body is not needed; dropping it frees the connection.
      await response.body?.cancel();
    } catch (failure) {
      error = describeFailure(failure, this.#timeoutMs);
    }
    const outcome = this.#outcome(event.attempts + 1, statusCode, retryAfter);
    await this.#services.store
      .recordAttempt(
        this.owner,
        {
          id: newId('wha'),
          event_id: event.id,
          app_id: event.app_id,
          url,
          status_code: statusCode,
          error,
          duration_ms: Math.round(performance.now() - started),
          created_at: this.#services.now(),
        },
        outcome,
      )
      .catch(this.#onError);
  }

  #outcome(attempts: number, status: number | null, retryAfter: string | null): AttemptOutcome {
    if (status !== null && status >= 200 && status < 300) return { kind: 'delivered' };
    if (status === 410) return { kind: 'gone' };
    const asked =
      status === 429 || status === 503 ? parseRetryAfter(retryAfter, this.#wallClock()) : null;
    const delay = nextRetryDelay(attempts, asked, this.#random);
    return delay === null
      ? { kind: 'failed' }
      : { kind: 'retry', at: this.#services.now() + delay };
  }
}

/** Why an attempt got no answer, in words for the merchant's delivery log. */
function describeFailure(failure: unknown, timeoutMs: number): string {
  if (failure instanceof DOMException && failure.name === 'TimeoutError') {
    return `no answer within ${timeoutMs / 1000} s`;
  }
  const cause = (failure as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code) return `connection failed: ${cause.code}`;
  return failure instanceof Error ? failure.message : String(failure);
}
