import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { SUMMARY_BLOCK_ID } from '../../protocol/checkout';
import { allowedOrigins } from '../domain/apps';
import { checkoutSummary } from '../domain/checkout';
import type { Services } from '../domain/services';
import { tokenParams } from './checkout.routes';
import { problem, sendProblem } from './problem';
import { inlineFramePage } from './frame-page';
import { checkoutPageCsp } from './security-headers';

export interface PagesConfig {
  /** Vite's checkout build (index.html + hashed assets). */
  webDir: string;
  /** Folder holding the built embed.js (served by `embedRoutes`). */
  embedDir: string;
  acsOrigin: string;
}

const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * JSON for an HTML data block: `<`, `>` and `&` escaped, so no merchant text (a description with
 * `</script>` in it) can end the block or start markup. `JSON.parse` reads it back unchanged.
 */
export function jsonForHtml(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * The page with the checkout summary in a `<script type="application/json">` block, so the frame
 * renders without a second round trip for it. A data block is never executed: the page's CSP
 * (no inline scripts) does not apply to it and is not loosened.
 */
function withSummary(html: string, summary: unknown): string {
  const block = `<script type="application/json" id="${SUMMARY_BLOCK_ID}">${jsonForHtml(summary)}</script>`;
  return html.replace('</head>', `${block}</head>`);
}

/** The checkout frame page and the frame's static assets. */
export async function pageRoutes(
  app: FastifyInstance,
  services: Services,
  config: PagesConfig,
): Promise<void> {
  const readBuilt = (file: string) => (existsSync(file) ? readFileSync(file) : undefined);
  const built = readBuilt(join(config.webDir, 'index.html'))?.toString('utf8');
  const framePage = built ? inlineFramePage(config.webDir, built) : undefined;
  const notBuilt = 'The browser code is not built; run `npm run build`.';

  app.get('/checkout/:token', async (request, reply) => {
    const parsed = tokenParams.safeParse(request.params);
    const token = parsed.success ? parsed.data.token : undefined;
    const invoice = token ? await services.store.findInvoiceByToken(token) : undefined;
    const owner = invoice ? await services.store.findApp(invoice.app_id) : undefined;
    // An unknown token still gets the page (it shows "not found"), but nobody may frame it.
    reply
      .header(
        'content-security-policy',
        checkoutPageCsp({
          acsOrigin: config.acsOrigin,
          frameAncestors: owner ? allowedOrigins(owner) : [],
          scriptHashes: framePage?.scriptHashes,
          styleHashes: framePage?.styleHashes,
        }),
      )
      .header('cache-control', 'no-store');
    if (!framePage) return sendProblem(reply, problem('internal_error', notBuilt));
    // Without an invoice the frame asks the API itself, and shows the answer (not found).
    const summary = token && owner ? await checkoutSummary(services, token) : undefined;
    const page = summary ? withSummary(framePage.html, summary) : framePage.html;
    return reply.type('text/html; charset=utf-8').send(page);
  });

  if (existsSync(config.webDir)) {
    await app.register(fastifyStatic, {
      root: resolve(config.webDir),
      prefix: '/',
      wildcard: false,
      index: false,
      allowedPath: (path) => path !== '/index.html',
      // Its own `max-age=0` would otherwise replace the header set below.
      cacheControl: false,
      setHeaders: (res, path) => {
        res.setHeader(
          'cache-control',
          path.includes('/assets/') ? IMMUTABLE : 'public, max-age=300',
        );
      },
    });
  }
}
