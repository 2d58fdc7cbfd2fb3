import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { allowedOrigins } from '../domain/apps';
import type { Services } from '../domain/services';
import { tokenParams } from './checkout.routes';
import { problem, sendProblem } from './problem';
import { checkoutPageCsp } from './security-headers';

export interface PagesConfig {
  /** Vite's checkout build (index.html + hashed assets). */
  webDir: string;
  /** Folder holding the built embed.js (served by `embedRoutes`). */
  embedDir: string;
  acsOrigin: string;
}

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The checkout frame page and the frame's static assets. */
export async function pageRoutes(
  app: FastifyInstance,
  services: Services,
  config: PagesConfig,
): Promise<void> {
  const readBuilt = (file: string) => (existsSync(file) ? readFileSync(file) : undefined);
  const checkoutHtml = readBuilt(join(config.webDir, 'index.html'));
  const notBuilt = 'The browser code is not built; run `npm run build`.';

  app.get('/checkout/:token', async (request, reply) => {
    const parsed = tokenParams.safeParse(request.params);
    const invoice = parsed.success
      ? await services.store.findInvoiceByToken(parsed.data.token)
      : undefined;
    const owner = invoice ? await services.store.findApp(invoice.app_id) : undefined;
    // An unknown token still gets the page (it shows "not found"), but nobody may frame it.
    reply
      .header(
        'content-security-policy',
        checkoutPageCsp({
          acsOrigin: config.acsOrigin,
          frameAncestors: owner ? allowedOrigins(owner) : [],
        }),
      )
      .header('cache-control', 'no-store');
    if (!checkoutHtml) return sendProblem(reply, problem('internal_error', notBuilt));
    return reply.type('text/html; charset=utf-8').send(checkoutHtml);
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
