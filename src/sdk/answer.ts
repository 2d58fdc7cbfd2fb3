import type { z } from 'zod/mini';
import { problemSchema } from '../protocol/errors';
import { PayframeApiError, PayframeResponseError } from './errors';

/** What one attempt got back from the server, its body read and parsed once. */
export interface Answer {
  status: number;
  headers: Headers;
  /** The parsed body; `undefined` when it was not JSON (JSON itself never yields `undefined`). */
  json: unknown;
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Server errors may pass with the next try, and `idempotency_key_in_use` says the first request
 * with this key is still running: a retry shortly gets its answer replayed. Any other 4xx would
 * only be refused again.
 */
export function isRetryableAnswer(answer: Answer): boolean {
  if (answer.status >= 500) return true;
  if (answer.status !== 409) return false;
  return problemSchema.safeParse(answer.json).data?.code === 'idempotency_key_in_use';
}

/** The answer's body as the schema's type, or the typed error it stands for. */
export function readAnswer<T>(answer: Answer, schema: z.ZodMiniType<T>, what: string): T {
  const requestId = answer.headers.get('request-id');
  if (answer.status < 200 || answer.status >= 300) {
    const problem = problemSchema.safeParse(answer.json);
    if (problem.success) throw new PayframeApiError(problem.data, requestId);
    throw malformed(answer, what, 'without a Payframe problem body');
  }
  if (answer.json === undefined) throw malformed(answer, what, 'with a body that is not JSON');
  const parsed = schema.safeParse(answer.json);
  if (parsed.success) return parsed.data;
  const issues = summarize(parsed.error.issues);
  throw malformed(answer, what, `with a body that does not match the API schema: ${issues}`);
}

function malformed(answer: Answer, what: string, why: string): PayframeResponseError {
  return new PayframeResponseError(`${what} answered ${answer.status} ${why}.`, {
    status: answer.status,
    requestId: answer.headers.get('request-id'),
  });
}

function summarize(issues: readonly { path: PropertyKey[]; message: string }[]): string {
  const shown = issues
    .slice(0, 3)
    .map((issue) => `${issue.path.map(String).join('.') || '(body)'}: ${issue.message}`);
  return issues.length > 3 ? `${shown.join('; ')}; …` : shown.join('; ');
}
