import { hostname } from 'node:os';
import { performance } from 'node:perf_hooks';
import { newId, randomBase62 } from '../../protocol/ids';
import type { Services } from '../domain/services';
import type { AttemptOutcome, EventRecord, LeasedEvent } from '../store/records';
import { nextRetryDelay, parseRetryAfter } from './schedule';
import { signingSecrets, webhookHeaders } from './signature';

export interface WebhookWorkerOptions {
  /** Names this worker's leases; unique per process (host, pid and a random part by default). */
  owner?: string;
  /** How long a leased event is this worker's alone (real time); longer than `timeoutMs`. */
  leaseMs?: number;
  /** How long an endpoint may take to answer. */
  timeoutMs?: number;
  /** Deliveries in flight at once in this worker. */
  maxInFlight?: number;
  /** Of those, at most this many to one app, so one slow endpoint cannot hold every slot. */
  perApp?: number;
  intervalMs?: number;
  random?: () => number;
  /** Real milliseconds, for leases and `webhook-timestamp` (receivers compare it with theirs). */
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
  readonly #maxInFlight: number;
  readonly #perApp: number;
  readonly #intervalMs: number;
  readonly #random: () => number;
  readonly #wallClock: () => number;
  readonly #onError: (error: unknown) => void;
  /** Deliveries under way, by app: a rolling pool, refilled as each one ends. */
  readonly #inFlight = new Map<Promise<void>, string>();
  #timer: NodeJS.Timeout | null = null;
  #leasing: Promise<unknown> | null = null;
  #stopped = false;

  constructor(services: Pick<Services, 'store' | 'now'>, options: WebhookWorkerOptions = {}) {
    this.#services = services;
    this.owner = options.owner ?? `${hostname()}:${process.pid}:${randomBase62(8)}`;
    this.#timeoutMs = options.timeoutMs ?? 10_000;
    this.#leaseMs = options.leaseMs ?? Math.max(60_000, this.#timeoutMs * 3);
    this.#maxInFlight = options.maxInFlight ?? 50;
    this.#perApp = options.perApp ?? 10;
    this.#intervalMs = options.intervalMs ?? 500;
    this.#random = options.random ?? Math.random;
    this.#wallClock = options.wallClock ?? Date.now;
    this.#onError = options.onError ?? (() => {});
  }

  /**
   * Leases what free slots allow and starts sending it, without waiting for the answers; resolves
   * with how many deliveries it started.
   */
  async dispatch(): Promise<number> {
    const free = this.#maxInFlight - this.#inFlight.size;
    if (free <= 0 || this.#stopped) return 0;
    const perAppInFlight = new Map<string, number>();
    for (const appId of this.#inFlight.values()) {
      perAppInFlight.set(appId, (perAppInFlight.get(appId) ?? 0) + 1);
    }
    const leaseNow = this.#wallClock();
    const leased = await this.#services.store.leaseDueEvents({
      owner: this.owner,
      dueBy: this.#services.now(),
      leaseNow,
      leaseUntil: leaseNow + this.#leaseMs,
      limit: free,
      perApp: this.#perApp,
      excludeApps: [...perAppInFlight].filter(([, n]) => n >= this.#perApp).map(([id]) => id),
    });
    for (const item of leased) {
      const delivery: Promise<void> = this.#deliver(item, leaseNow + this.#leaseMs)
        .catch(this.#onError)
        .finally(() => this.#inFlight.delete(delivery));
      this.#inFlight.set(delivery, item.event.app_id);
    }
    return leased.length;
  }

  /** Sends everything due now and waits for every answer; resolves with how many were tried. */
  async runOnce(): Promise<number> {
    let tried = 0;
    for (;;) {
      const started = await this.dispatch();
      tried += started;
      if (this.#inFlight.size === 0) return tried;
      await Promise.race(this.#inFlight.keys());
      if (started === 0 && this.#inFlight.size === 0) return tried;
    }
  }

  /** Polls every `intervalMs`; a slow endpoint holds only its own slots meanwhile. */
  start(): void {
    const tick = () => {
      this.#leasing = this.dispatch()
        .catch(this.#onError)
        .finally(() => {
          this.#leasing = null;
          if (!this.#stopped) this.#timer = setTimeout(tick, this.#intervalMs).unref();
        });
    };
    this.#timer = setTimeout(tick, 0).unref();
  }

  /** Stops leasing and waits for the deliveries under way (their attempts are recorded). */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    await this.#leasing;
    await Promise.all(this.#inFlight.keys());
  }

  async #deliver({ event, app }: LeasedEvent, leaseEnds: number): Promise<void> {
    const url = app.webhook_url;
    // A send must end while the lease holds: after it, another worker may send the event.
    const timeoutMs = Math.min(this.#timeoutMs, leaseEnds - this.#wallClock());
    if (!url || timeoutMs <= 0) return;
    const body = webhookBody(event);
    const now = this.#services.now();
    const headers = webhookHeaders(
      signingSecrets(app, now),
      event.id,
      Math.floor(this.#wallClock() / 1000),
      body,
    );
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
        signal: AbortSignal.timeout(timeoutMs),
      });
      statusCode = response.status;
      retryAfter = response.headers.get('retry-after');
      // The answer's body is not needed; dropping it frees the connection.
      await response.body?.cancel();
    } catch (failure) {
      error = describeFailure(failure, timeoutMs);
    }
    const outcome = this.#outcome(event.attempts + 1, statusCode, retryAfter);
    await this.#services.store.recordAttempt(
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
    );
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
