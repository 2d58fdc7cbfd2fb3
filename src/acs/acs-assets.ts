import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';

/**
 * The issuer pages' one script and one stylesheet: separate responses (the CSP allows no inline
 * code), cached for a year and referenced with a content hash so a change reaches browsers at once.
 */
const asset = (name: string, type: string) => {
  const body = readFileSync(new URL(`./public/${name}`, import.meta.url));
  const version = createHash('sha256').update(body).digest('base64url').slice(0, 12);
  return { path: `/${name}`, url: `/${name}?v=${version}`, type, body };
};

const script = asset('acs.js', 'text/javascript; charset=utf-8');
const stylesheet = asset('acs.css', 'text/css; charset=utf-8');

/** Where pages load the assets from. */
export const ACS_ASSET_URLS = { script: script.url, stylesheet: stylesheet.url } as const;

export function acsAssetRoutes(app: FastifyInstance): void {
  for (const { path, type, body } of [script, stylesheet]) {
    app.get(path, async (_request, reply) =>
      reply.type(type).header('cache-control', 'public, max-age=31536000, immutable').send(body),
    );
  }
}
