import {
  checkoutSummarySchema,
  confirmResultSchema,
  type CheckoutSummary,
  type ConfirmCheckout,
  type ConfirmResult,
} from '../protocol/checkout';
import { catalogEntry, problemSchema, type ErrorCode } from '../protocol/errors';

/** Codes the frame itself produces when there is no usable answer to read a code from. */
export const ClientErrorCode = { network: 'network' } as const;
export type ClientErrorCode = (typeof ClientErrorCode)[keyof typeof ClientErrorCode];

/**
 * A failed checkout API call, reduced to what the frame decides on: the stable `code` (from the
 * problem+json answer, or `network` when nothing came back), the HTTP status, and whether another
 * attempt may succeed.
 */
export class CheckoutApiError extends Error {
  readonly code: ErrorCode | ClientErrorCode;
  readonly status: number;
  readonly retryable: boolean;

  constructor(code: ErrorCode | ClientErrorCode, status: number, message: string) {
    super(message);
    this.name = 'CheckoutApiError';
    this.code = code;
    this.status = status;
    this.retryable = code === ClientErrorCode.network || catalogEntry(code).retryable;
  }
}

/** Any failure of a call as a `CheckoutApiError`; something unexpected is `internal_error`. */
export const asApiError = (error: unknown): CheckoutApiError =>
  error instanceof CheckoutApiError
    ? error
    : new CheckoutApiError('internal_error', 0, String(error));

/**
 * Reads a non-2xx answer. Anything that is not our problem+json (a proxy's HTML page, a truncated
 * body) becomes `internal_error`, so the caller always has a catalog code to act on.
 */
export function problemToError(status: number, body: unknown): CheckoutApiError {
  const problem = problemSchema.safeParse(body);
  if (problem.success) {
    const { code, detail, title } = problem.data;
    return new CheckoutApiError(code, status, detail ?? title);
  }
  return new CheckoutApiError('internal_error', status, `Unexpected ${status} answer`);
}

async function request(path: string, init?: RequestInit): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      headers: { accept: 'application/json', ...init?.headers },
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch {
    throw new CheckoutApiError('network', 0, 'The payment service could not be reached');
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw problemToError(response.status, body);
  return body;
}

function parseAnswer<T>(
  schema: { safeParse(data: unknown): { success: true; data: T } | { success: false } },
  body: unknown,
): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new CheckoutApiError('internal_error', 200, 'Unexpected answer shape');
  return parsed.data;
}

const checkoutPath = (token: string) => `/v1/checkout/${encodeURIComponent(token)}`;

/** `GET /v1/checkout/{token}` on the frame's own origin. */
export async function fetchSummary(token: string): Promise<CheckoutSummary> {
  return parseAnswer(checkoutSummarySchema, await request(checkoutPath(token)));
}

async function post(path: string, body: unknown): Promise<ConfirmResult> {
  const answer = await request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return parseAnswer(confirmResultSchema, answer);
}

/** `POST /v1/checkout/{token}/confirm`; a decline is a normal answer, not a thrown error. */
export async function confirmCheckout(
  token: string,
  body: ConfirmCheckout,
): Promise<ConfirmResult> {
  return post(`${checkoutPath(token)}/confirm`, body);
}

const paymentPath = (token: string, paymentId: string) =>
  `${checkoutPath(token)}/payments/${encodeURIComponent(paymentId)}`;

/** `GET /v1/checkout/{token}/payments/{id}`: where an attempt stands now, as a confirm answer. */
export async function fetchPayment(token: string, paymentId: string): Promise<ConfirmResult> {
  return parseAnswer(confirmResultSchema, await request(paymentPath(token, paymentId)));
}

/**
 * Why the frame ends a challenge: the shopper pressed Cancel, or the issuer's page never showed.
 * The server answers `authentication_canceled` or `authentication_unavailable`.
 */
export const CancelReason = { canceled: 'canceled', unavailable: 'unavailable' } as const;
export type CancelReason = (typeof CancelReason)[keyof typeof CancelReason];

/**
 * `POST /v1/checkout/{token}/payments/{id}/cancel`; an attempt that had already ended answers how
 * it ended instead.
 */
export async function cancelChallenge(
  token: string,
  paymentId: string,
  reason: CancelReason,
): Promise<ConfirmResult> {
  return post(`${paymentPath(token, paymentId)}/cancel`, { reason });
}

/** The calls the app makes, as one object so a test can hand the app an in-memory checkout. */
export interface CheckoutApi {
  fetchSummary(token: string): Promise<CheckoutSummary>;
  confirmCheckout(token: string, body: ConfirmCheckout): Promise<ConfirmResult>;
  fetchPayment(token: string, paymentId: string): Promise<ConfirmResult>;
  cancelChallenge(token: string, paymentId: string, reason: CancelReason): Promise<ConfirmResult>;
}

export const checkoutApi: CheckoutApi = {
  fetchSummary,
  confirmCheckout,
  fetchPayment,
  cancelChallenge,
};
