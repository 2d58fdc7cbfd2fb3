import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod/mini';
import {
  ERROR_CATALOG,
  type ErrorCode,
  type FieldError,
  type Problem,
} from '../../protocol/errors';
import { PayframeError } from '../domain/payframe-error';

export function problem(code: ErrorCode, detail?: string, errors?: FieldError[]): Problem {
  const entry = ERROR_CATALOG[code];
  return {
    type: `https://payframe.dev/errors/${code}`,
    title: entry.title,
    status: entry.status,
    code,
    ...(detail && detail !== entry.title ? { detail } : {}),
    ...(errors?.length ? { errors } : {}),
  };
}

export function sendProblem(reply: FastifyReply, body: Problem): FastifyReply {
  return reply.code(body.status).type('application/problem+json').send(body);
}

/** Parses a request part with its zod schema or throws `invalid_request` naming every field. */
export function parseWith<T>(schema: z.ZodMiniType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const errors = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(body)',
    message:
      issue.code === 'unrecognized_keys'
        ? `unknown field(s): ${issue.keys.join(', ')}`
        : issue.message,
  }));
  throw new PayframeError('invalid_request', 'The request does not match the schema.', errors);
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'invalid_request',
  FST_ERR_CTP_BODY_TOO_LARGE: 'body_too_large',
};

/** Every error leaves as RFC 9457 problem+json with a stable code; bad input is never a 500. */
export function installProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | PayframeError, request, reply) => {
    if (error instanceof PayframeError) {
      return sendProblem(reply, problem(error.code, error.detail, error.fieldErrors));
    }
    const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (mapped) return sendProblem(reply, problem(mapped, error.message));
    if (error instanceof SyntaxError) return sendProblem(reply, problem('malformed_json'));
    if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      return sendProblem(reply, problem('invalid_request', error.message));
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, problem('internal_error'));
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, problem('not_found', `${request.method} ${request.url.split('?')[0]}`)),
  );
}
