import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import packageJson from '../../../package.json' with { type: 'json' };
import type { EmbedScriptInfo } from '../../protocol/embed';
import { problem, sendProblem } from './problem';

/** The built host script and the names it is published under. */
export interface EmbedScript {
  bytes: Buffer;
  /** What a script tag's `integrity` holds: `sha384-` and the base64 digest of `bytes`. */
  integrity: string;
  /** `/embed/v1.{hash}.js`, the hash being the first 16 hex digits of the same SHA-384. */
  versionedPath: string;
}

/** Names the script by its content, so a versioned path can only ever serve these bytes. */
export function embedScript(bytes: Buffer): EmbedScript {
  const digest = createHash('sha384').update(bytes).digest();
  return {
    bytes,
    integrity: `sha384-${digest.toString('base64')}`,
    versionedPath: `/embed/v1.${digest.toString('hex').slice(0, 16)}.js`,
  };
}

export interface EmbedRoutesConfig {
  /** Folder holding the built embed.js, read once at startup. */
  embedDir: string;
  /** The server's public origin, for the absolute URLs a script tag needs. */
  publicUrl: string;
}

/** Merchants on `/embed.js` get fixes within five minutes. */
const FOLLOWS_UPDATES = 'public, max-age=300';
const IMMUTABLE = 'public, max-age=31536000, immutable';
const NOT_BUILT = 'The host script is not built; run `npm run build`.';

/**
 * `GET /embed.js`, the same bytes at `GET /embed/v1.{hash}.js`, and `GET /v1/embed` publishing
 * both URLs with the script's integrity (ADR 17). Only the build this server started with is
 * served: any other hash is a 404.
 */
export function embedRoutes(app: FastifyInstance, config: EmbedRoutesConfig): void {
  const file = join(config.embedDir, 'embed.js');
  const script = existsSync(file) ? embedScript(readFileSync(file)) : undefined;

  // A public script without credentials: `*` lets `crossorigin="anonymous"` fetch it, which SRI
  // needs, and CORP lets pages that require it (COEP) load it.
  const sendScript = (reply: FastifyReply, bytes: Buffer, cacheControl: string) =>
    reply
      .type('text/javascript; charset=utf-8')
      .header('access-control-allow-origin', '*')
      .header('cross-origin-resource-policy', 'cross-origin')
      .header('cache-control', cacheControl)
      .send(bytes);

  app.get('/embed.js', async (_request, reply) =>
    script
      ? sendScript(reply, script.bytes, FOLLOWS_UPDATES)
      : sendProblem(reply, problem('internal_error', NOT_BUILT)),
  );

  // The same host script as an ES module, for pages that `import()` it (follows updates too).
  const moduleFile = join(config.embedDir, 'embed.mjs');
  const moduleBytes = existsSync(moduleFile) ? readFileSync(moduleFile) : undefined;
  app.get('/embed.mjs', async (_request, reply) =>
    moduleBytes
      ? sendScript(reply, moduleBytes, FOLLOWS_UPDATES)
      : sendProblem(reply, problem('internal_error', NOT_BUILT)),
  );

  if (script) {
    app.get(script.versionedPath, async (_request, reply) =>
      sendScript(reply, script.bytes, IMMUTABLE),
    );
  }

  app.get('/v1/embed', async (_request, reply) => {
    if (!script) return sendProblem(reply, problem('internal_error', NOT_BUILT));
    const answer: EmbedScriptInfo = {
      object: 'embed_script',
      url: `${config.publicUrl}/embed.js`,
      versioned_url: `${config.publicUrl}${script.versionedPath}`,
      integrity: script.integrity,
      version: packageJson.version,
    };
    // Public and the same for everyone; it changes only when the server is redeployed.
    return reply
      .header('access-control-allow-origin', '*')
      .header('cache-control', FOLLOWS_UPDATES)
      .send(answer);
  });
}
