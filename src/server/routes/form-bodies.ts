import type { FastifyInstance } from 'fastify';

const FORM_LIMIT = 16 * 1024;

/**
 * Lets the routes of one scope take HTML form posts (`application/x-www-form-urlencoded`), as
 * issuer pages and merchants' simple forms send them; the API elsewhere stays JSON only.
 */
export function acceptFormBodies(scope: FastifyInstance): void {
  scope.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: FORM_LIMIT },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );
}
