import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { html } from '../src/server/html';
import type { NewOrder } from './shop-server';

export interface PlainPageOptions {
  paymentUrl: string;
  /** The shop's own Content-Security-Policy, unchanged. */
  csp: string;
  createOrder: (
    items: { sku: string; quantity: number }[],
    account: undefined,
  ) => Promise<NewOrder | null>;
}

const SCRIPT = readFileSync(join(import.meta.dirname, 'public', 'plain.js'));

/**
 * `/plain`: a checkout page as a server-rendered shop writes it. The shop's server makes the order
 * and its invoice while it renders the page, and the HTML holds `<payframe-checkout token="…">`
 * before the `embed.js` script tag: the element mounts when that script runs, with no code of
 * the page's own. `plain.js` only turns the outcome into a confirmed order.
 */
export function plainPage(app: FastifyInstance, options: PlainPageOptions): void {
  app.get('/plain', async (_request, reply) => {
    // The script pinned as DESIGN §4 shows it: the versioned URL with its SRI hash, as the
    // payment server publishes them (asked on each render, so a redeploy is followed at once).
    const embed = await fetch(`${options.paymentUrl}/v1/embed`);
    if (!embed.ok) return reply.code(502).send({ error: 'the payment server did not answer' });
    const script = (await embed.json()) as { versioned_url: string; integrity: string };
    // Every load is a new order and invoice (a demo page; a shop would reuse the cart's).
    const order = await options.createOrder([{ sku: 'espresso-beans', quantity: 1 }], undefined);
    if (!order) return reply.code(500).send({ error: 'the demo product is missing' });
    const page = html`<!doctype html>
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <link rel="icon" href="data:," />
          <title>Payframe Coffee — a checkout page written by the shop's server</title>
          <link rel="stylesheet" href="/shop.css" />
          <script src="/plain.js" type="module"></script>
        </head>
        <body>
          <header class="masthead">
            <span class="logo" aria-hidden="true">☕</span>
            <span class="brand">Payframe Coffee</span>
            <span class="tag">The checkout is in this page's HTML: no code creates it</span>
          </header>
          <main class="simple">
            <h1>Espresso beans, 1 kg</h1>
            <payframe-checkout
              token="${order.token}"
              data-order="${order.order_id}"
            ></payframe-checkout>
            <p id="result" role="status"></p>
          </main>
          <script
            src="${script.versioned_url}"
            integrity="${script.integrity}"
            crossorigin="anonymous"
          ></script>
        </body>
      </html>`;
    return reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', options.csp)
      .header('cache-control', 'no-store')
      .send(page.toString());
  });

  app.get('/plain.js', async (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').send(SCRIPT),
  );
}
