import type { z } from 'zod/mini';
import { isRetryableAnswer, parseJson, readAnswer, type Answer } from './answer';
import { PayframeConnectionError } from './errors';
import { retryDelay, sleep } from './retry';

/** Per-call options of every POST. */
export interface RequestOptions {
  /** Sent as `Idempotency-Key`; the SDK makes one up when omitted. Reuse it only to retry. */
  idempotencyKey?: string;
  /** Aborts the call, waits between retries included; the call rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** Per-call options of a read. */
export type ReadOptions = Pick<RequestOptions, 'signal'>;

export interface HttpConfig {
  baseUrl: string;
  secretKey: string;
  maxRetries: number;
  timeoutMs: number;
  fetch: typeof fetch;
}

interface ApiRequest<T> {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  schema: z.ZodMiniType<T>;
  signal: AbortSignal | undefined;
  idempotencyKey: string | null;
}

/** One attempt ends with an answer from the server, or with the reason none came. */
type Attempt = { answer: Answer } | { failure: unknown };

/** Random, so two calls never share a key; prefixed, so server logs show who made it. */
export function newIdempotencyKey(): string {
  return `sdk_${crypto.randomUUID()}`;
}

/** Sends merchant API requests with the secret key; retries what is safe to retry. */
export class HttpClient {
  constructor(private readonly config: HttpConfig) {}

  get<T>(path: string, schema: z.ZodMiniType<T>, options: ReadOptions = {}): Promise<T> {
    return this.send({ method: 'GET', path, schema, signal: options.signal, idempotencyKey: null });
  }

  /**
   * Every POST carries an Idempotency-Key, the same one on each retry, so a retry after a lost
   * answer gets the first answer replayed instead of doing the work twice.
   */
  post<T>(
    path: string,
    body: unknown,
    schema: z.ZodMiniType<T>,
    options: RequestOptions = {},
  ): Promise<T> {
    return this.send({
      method: 'POST',
      path,
      body: body ?? {},
      schema,
      signal: options.signal,
      idempotencyKey: options.idempotencyKey ?? newIdempotencyKey(),
    });
  }

  private async send<T>(request: ApiRequest<T>): Promise<T> {
    const init = this.requestInit(request);
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.attempt(request, init);
      const retry = attempt <= this.config.maxRetries && isRetryable(outcome);
      if (!retry) return this.settle(request, outcome, attempt);
      const retryAfter = 'answer' in outcome ? outcome.answer.headers.get('retry-after') : null;
      await sleep(retryDelay(attempt - 1, retryAfter), request.signal);
    }
  }

  private requestInit(request: ApiRequest<unknown>): RequestInit {
    const headers: Record<string, string> = {
      authorization: `Bearer ${this.config.secretKey}`,
      accept: 'application/json',
    };
    if (request.method === 'GET') return { method: 'GET', headers };
    headers['content-type'] = 'application/json';
    if (request.idempotencyKey !== null) headers['idempotency-key'] = request.idempotencyKey;
    return { method: 'POST', headers, body: JSON.stringify(request.body) };
  }

  /** One try, bounded by `timeoutMs` (reading the body included) and by the caller's signal. */
  private async attempt(request: ApiRequest<unknown>, init: RequestInit): Promise<Attempt> {
    const timeout = AbortSignal.timeout(this.config.timeoutMs);
    const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
    try {
      const response = await this.config.fetch(`${this.config.baseUrl}${request.path}`, {
        ...init,
        signal,
      });
      const text = await response.text();
      return {
        answer: { status: response.status, headers: response.headers, json: parseJson(text) },
      };
    } catch (error) {
      // The caller's own abort ends the call; a timeout or a broken connection is worth a retry.
      if (request.signal?.aborted) throw request.signal.reason;
      return { failure: error };
    }
  }

  private settle<T>(request: ApiRequest<T>, outcome: Attempt, attempts: number): T {
    const what = `${request.method} ${request.path}`;
    if ('answer' in outcome) return readAnswer(outcome.answer, request.schema, what);
    throw new PayframeConnectionError(
      `${what} got no answer from ${this.config.baseUrl} after ${attempts} attempt(s): ${describeFailure(outcome.failure)}`,
      { cause: outcome.failure, attempts, idempotencyKey: request.idempotencyKey },
    );
  }
}

function isRetryable(outcome: Attempt): boolean {
  return 'failure' in outcome || isRetryableAnswer(outcome.answer);
}

/** Node's fetch says only "fetch failed"; the useful part (ECONNREFUSED, …) is in its cause. */
function describeFailure(failure: unknown): string {
  if (!(failure instanceof Error)) return String(failure);
  const cause = failure.cause as { code?: unknown; message?: unknown } | undefined;
  const detail = typeof cause?.code === 'string' ? cause.code : cause?.message;
  return typeof detail === 'string' ? `${failure.message} (${detail})` : failure.message;
}
