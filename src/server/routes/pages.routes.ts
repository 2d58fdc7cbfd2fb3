import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyCompress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { SUMMARY_BLOCK_ID } from '../../protocol/checkout';
import { jsonForHtml } from '../../protocol/json-for-html';
import { allowedOrigins } from '../domain/apps';
import { checkoutSummary } from '../domain/checkout';
import type { Services } from '../domain/services';
import { tokenParams } from './checkout.routes';
import { problem, sendProblem } from './problem';
import { inlineFramePage, type FramePage } from './frame-page';
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
 * The page with the checkout summary in a `<script type="application/json">` block before
 * `</head>` (at `at`, found once when the page was built), so the frame renders without a
 * round trip for it. A data block is never executed: the page's CSP does not apply to it.
 */
function withSummary(page: FramePage, summary: unknown): string {
  if (page.headEnd < 0) return page.html;
  const block = `<script type="application/json" id="${SUMMARY_BLOCK_ID}">${jsonForHtml(summary)}</script>`;
  return page.html.slice(0, page.headEnd) + block + page.html.slice(page.headEnd);
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
  if (framePage?.notInlined) {
    app.log.warn({ reason: framePage.notInlined }, 'checkout page served with its files linked');
  }
  // Compresses the checkout page only (it carries the frame's script); API answers stay as they are.
  await app.register(fastifyCompress, { global: false });
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
    // Without a summary (an unknown token, or one that could not be read now) the frame asks the
    // API itself, and shows its answer: "not found", or an error it can retry.
    const summary =
      token && owner
        ? await checkoutSummary(services, token).catch((error: unknown) => {
            request.log.warn({ err: error }, 'checkout page served without its summary');
            return undefined;
          })
        : undefined;
    const page = summary ? withSummary(framePage, summary) : framePage.html;
    reply.type('text/html; charset=utf-8').compress(page);
    return reply;
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
