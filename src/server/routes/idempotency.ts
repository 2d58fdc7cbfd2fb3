import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { PayframeError } from '../domain/payframe-error';
import type { Services } from '../domain/services';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set when this request holds an Idempotency-Key whose answer must be stored. */
    idempotencyKey: string | null;
    /** When this request claimed `idempotencyKey`: its hold on the key (records.ts `KeyClaim`). */
    idempotencyClaimedAt: number;
  }
}

/** Answers are kept at least this long (DESIGN §5). */
export const IDEMPOTENCY_RETENTION_MS = 24 * 60 * 60 * 1000;
/** A key still without an answer after this long belonged to a request that died; it is freed. */
export const IDEMPOTENCY_ABANDONED_MS = 60 * 1000;

/** 1 to 255 printable ASCII characters. */
export const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** JSON with object keys sorted, so the same parameters in another order hash the same. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * `Idempotency-Key` on every merchant POST: the first request's answer is stored and replayed to
 * retries with the same request; the same key with another request is refused with 422, and a
 * retry while the first is still running gets 409. Requests refused before anything ran
 * (invalid parameters), server errors and a reuse the operation itself detects store nothing, so a
 * corrected retry can use the key.
 */
export function idempotencyKeys(app: FastifyInstance, services: Services): void {
  app.decorateRequest('idempotencyKey', null);
  app.decorateRequest('idempotencyClaimedAt', 0);

  app.addHook('preHandler', async (request, reply) => {
    const header = request.headers['idempotency-key'];
    if (request.method !== 'POST' || header === undefined) return;
    if (typeof header !== 'string' || !KEY_PATTERN.test(header)) {
      throw new PayframeError(
        'invalid_request',
        'Idempotency-Key must be 1 to 255 printable ASCII characters.',
      );
    }
    const now = services.now();
    const requestHash = createHash('sha256')
      .update(`${request.method} ${request.url}\n${canonicalJson(request.body ?? null)}`)
      .digest('hex');
    const claim = await services.store.claimIdempotencyKey(
      {
        app_id: request.merchant.id,
        key: header,
        request_hash: requestHash,
        response_status: null,
        response_body: null,
        created_at: now,
      },
      {
        expiredBefore: now - IDEMPOTENCY_RETENTION_MS,
        abandonedBefore: now - IDEMPOTENCY_ABANDONED_MS,
      },
    );
    if (claim.claimed) {
      request.idempotencyKey = header;
      request.idempotencyClaimedAt = now;
      return;
    }
    const { existing } = claim;
    if (existing.request_hash !== requestHash) throw new PayframeError('idempotency_key_reused');
    if (existing.response_status === null) throw new PayframeError('idempotency_key_in_use');
    const status = existing.response_status;
    return reply
      .code(status)
      .header('idempotent-replayed', 'true')
      .type(status >= 400 ? 'application/problem+json' : 'application/json; charset=utf-8')
      .send(existing.response_body);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const key = request.idempotencyKey;
    if (key === null) return payload;
    request.idempotencyKey = null;
    const claim = { key, claimedAt: request.idempotencyClaimedAt };
    const status = reply.statusCode;
    // A key found reused by the operation itself (a rebill's freed key sent with another amount)
    // must not be answered that way for good: the original request may still retry with it.
    const reused = status === 422 && String(payload).includes('"code":"idempotency_key_reused"');
    // Another attempt held the invoice for a moment: the same request may succeed once it is done.
    const busy = status === 409 && String(payload).includes('"code":"payment_in_progress"');
    if (status >= 500 || status === 400 || reused || busy) {
      await services.store.releaseIdempotencyKey(request.merchant.id, claim);
    } else {
      await services.store.completeIdempotencyKey(request.merchant.id, claim, {
        status,
        body: typeof payload === 'string' ? payload : JSON.stringify(payload),
      });
    }
    return payload;
  });
}
