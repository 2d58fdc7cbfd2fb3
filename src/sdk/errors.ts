import type { ErrorCode, FieldError, Problem } from '../protocol/errors';

/** Base of every error the SDK throws, so one `instanceof` catches them all. */
export class PayframeError extends Error {
  override name = 'PayframeError';
}

/**
 * The payment server answered with an RFC 9457 problem. Branch on `code`: it is stable, while
 * `title` and `detail` are for people and may change (docs/errors.md lists every code).
 */
export class PayframeApiError extends PayframeError {
  override name = 'PayframeApiError';
  readonly status: number;
  readonly code: ErrorCode;
  readonly type: string;
  readonly title: string;
  readonly detail: string | null;
  /** Field-level problems of an `invalid_request`; empty otherwise. */
  readonly errors: FieldError[];
  readonly requestId: string | null;

  constructor(problem: Problem, requestId: string | null) {
    super(`${problem.code}: ${problem.detail ?? problem.title}`);
    this.status = problem.status;
    this.code = problem.code;
    this.type = problem.type;
    this.title = problem.title;
    this.detail = problem.detail ?? null;
    this.errors = problem.errors ?? [];
    this.requestId = requestId;
  }
}

/**
 * No answer after every attempt: connection refused or reset, or each attempt timed out. For a
 * POST the same Idempotency-Key was sent each time, so calling again with `idempotencyKey` set to
 * `idempotencyKey` here can never do the work twice.
 */
export class PayframeConnectionError extends PayframeError {
  override name = 'PayframeConnectionError';
  readonly attempts: number;
  readonly idempotencyKey: string | null;

  constructor(
    message: string,
    options: { cause: unknown; attempts: number; idempotencyKey: string | null },
  ) {
    super(message, { cause: options.cause });
    this.attempts = options.attempts;
    this.idempotencyKey = options.idempotencyKey;
  }
}

/**
 * The server answered something that is not the Payframe API's shape: not JSON, or JSON that does
 * not match the protocol schema (another service behind the base URL, a proxy's error page, or an
 * SDK older than the server). Its body is never handed out untyped.
 */
export class PayframeResponseError extends PayframeError {
  override name = 'PayframeResponseError';
  readonly status: number;
  readonly requestId: string | null;

  constructor(message: string, options: { status: number; requestId: string | null }) {
    super(message);
    this.status = options.status;
    this.requestId = options.requestId;
  }
}
