import type { z } from 'zod/mini';
import { ERROR_CODES, type ErrorCode } from '../../protocol/error-codes';

/** Who may call an endpoint. */
export const Auth = {
  /** `Authorization: Bearer sk_test_…`, the app's secret key. */
  secretKey: 'secret_key',
  /** The checkout token in the path is the credential, for one invoice. */
  checkoutToken: 'checkout_token',
  /** Anyone: the answer is public and the same for every caller. */
  none: 'none',
} as const;
export type Auth = (typeof Auth)[keyof typeof Auth];

export const Tag = {
  invoices: 'Invoices',
  payments: 'Payments',
  customers: 'Customers',
  checkout: 'Checkout',
  webhooks: 'Webhooks',
  embed: 'Host script',
  testMode: 'Test mode',
} as const;
export type Tag = (typeof Tag)[keyof typeof Tag];

export interface PathParam {
  schema: z.ZodMiniType;
  description: string;
}

/** A JSON answer. */
export interface JsonAnswer {
  status: 200 | 201;
  schema: z.ZodMiniType;
  description: string;
}

/** A Server-Sent Events answer (`text/event-stream`): each named event's `data` is JSON. */
export interface EventStreamAnswer {
  status: 200;
  description: string;
  events: { name: string; schema: z.ZodMiniType; description: string }[];
  /** When set, the operation may also answer `204` without a body, for this reason. */
  noContent?: string;
}

export function isEventStream(answer: JsonAnswer | EventStreamAnswer): answer is EventStreamAnswer {
  return 'events' in answer;
}

export interface Endpoint {
  method: 'get' | 'post';
  /** OpenAPI form: `/v1/payments/{id}`. */
  path: string;
  operationId: string;
  tag: Tag;
  summary: string;
  description: string;
  auth: Auth;
  /** Exists only on a server started with `PAYFRAME_ENABLE_TEST_CLOCK=true`. */
  testClockOnly?: boolean;
  params?: Record<string, PathParam>;
  /** Optional query parameters. */
  query?: Record<string, PathParam>;
  /** `required: false`: the body may be left out altogether. */
  body?: { schema: z.ZodMiniType; required: boolean };
  success: JsonAnswer | EventStreamAnswer;
  /** The codes this operation answers beyond those every operation of its kind can. */
  errors: ErrorCode[];
}

/** Every code an operation can answer: its own plus those of its auth, method and input. */
export function errorCodesOf(endpoint: Endpoint): ErrorCode[] {
  const codes = new Set<ErrorCode>(endpoint.errors);
  if (endpoint.auth === Auth.secretKey) codes.add('missing_api_key').add('invalid_api_key');
  if (endpoint.params || endpoint.query || endpoint.body) codes.add('invalid_request');
  if (endpoint.method === 'post') {
    codes.add('malformed_json').add('unsupported_media_type').add('body_too_large');
  }
  if (isMerchantPost(endpoint)) codes.add('idempotency_key_reused').add('idempotency_key_in_use');
  codes.add('internal_error');
  return ERROR_CODES.filter((code) => codes.has(code));
}

/** Merchant POSTs accept `Idempotency-Key`. */
export function isMerchantPost(endpoint: Endpoint): boolean {
  return endpoint.method === 'post' && endpoint.auth === Auth.secretKey;
}
