import { createHmac } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { payFormSigningString } from '../src/protocol/pay-form';
import { html, type SafeHtml } from '../src/server/html';

export interface SimpleFormOptions {
  paymentUrl: string;
  shopUrl: string;
  appId: string;
  formSecret: string;
}

const PAGE_STYLE = '/shop.css';

/**
 * The page of a merchant with no server code: a signed HTML form that posts straight to the
 * payment server's `/pay`, and a thank-you page the hosted checkout returns to. A real merchant of
 * this kind signs each order's form once (a script, a spreadsheet); the demo signs a fresh order on
 * each visit so it can be tried again.
 */
export function simpleFormPages(app: FastifyInstance, options: SimpleFormOptions): void {
  const csp = [
    "default-src 'none'",
    "style-src 'self'",
    `form-action ${options.paymentUrl}`,
    "base-uri 'none'",
  ].join('; ');

  app.get('/simple', async (_request, reply) => {
    const fields = {
      app: options.appId,
      amount: '2500',
      currency: 'EUR',
      order_id: `gift-${Date.now().toString(36)}`,
      description: 'Payframe Coffee gift card',
      success_url: `${options.shopUrl}/thanks`,
      cancel_url: `${options.shopUrl}/simple`,
    };
    const signature = createHmac('sha256', options.formSecret)
      .update(payFormSigningString(fields))
      .digest('hex');
    const hidden = Object.entries({ ...fields, signature }).map(
      ([name, value]) => html`<input type="hidden" name="${name}" value="${value}" />`,
    );
    const body = html`<h1>A gift card, from a page with no server code</h1>
      <p>
        This page is plain HTML: a form signed with the app's form secret posts to the payment
        server, which shows its hosted checkout and brings the shopper back here.
      </p>
      <form method="post" action="${`${options.paymentUrl}/pay`}" accept-charset="utf-8">
        ${hidden}
        <p class="price">Gift card, €25.00</p>
        <button class="checkout-button" type="submit">Pay €25.00 with Payframe</button>
      </form>`;
    return send(reply, 'Gift card — Payframe Coffee (no-server page)', body);
  });

  app.get('/thanks', async (_request, reply) => {
    const body = html`<h1>Thank you for your payment</h1>
      <p>
        The hosted checkout brought you back with the invoice and payment in this page's address. A
        shop without a server learns of the payment from its webhook or its dashboard, never from
        this address alone.
      </p>`;
    return send(reply, 'Thank you — Payframe Coffee', body);
  });

  /** One of the no-server shop's pages: its frame around `body`. */
  function send(reply: FastifyReply, title: string, body: SafeHtml) {
    const page = html`<!doctype html>
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>${title}</title>
          <link rel="stylesheet" href="${PAGE_STYLE}" />
        </head>
        <body>
          <header class="masthead"><span class="brand">Payframe Coffee</span></header>
          <main class="simple">${body}</main>
        </body>
      </html>`;
    return reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', csp)
      .send(page.toString());
  }
}
