import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CATALOG, CURRENCY, findProduct } from './catalog';
import { Payframe } from '../src/sdk';
import { accountRoutes, type Account } from './shop-account';
import { frameworkPages } from './framework-pages';
import { plainPage } from './plain-page';
import { simpleFormPages } from './simple-form';
import { webhookEndpoint } from './webhook-log';

export interface ShopOptions {
  /** Payment server origin, e.g. http://localhost:4000. */
  paymentUrl: string;
  secretKey: string;
  /** The app's `whsec_` secret, to verify the webhooks the payment server sends the shop. */
  webhookSecret: string;
  /** The shop's own origin, and what its no-server form page signs with. */
  shopUrl: string;
  appId: string;
  formSecret: string;
}

/** What the shop's pages get for a new order: its id and the checkout to pay it with. */
export interface NewOrder {
  order_id: string;
  token: string;
  amount: number;
  currency: string;
}

interface Order {
  id: string;
  amount: number;
  currency: string;
  lines: { name: string; quantity: number; unit_amount: number; amount: number }[];
  status: 'awaiting_payment' | 'paid';
  paymentId?: string;
  /** The signed-in shopper, whose next "buy again" repeats this order once paid. */
  account?: Account;
}

const cartSchema = z.strictObject({
  items: z
    .array(z.strictObject({ sku: z.string(), quantity: z.number().int().min(1).max(20) }))
    .min(1)
    .max(10),
});
const completeSchema = z.strictObject({ payment_id: z.string().min(1).max(64) });

const PUBLIC = join(import.meta.dirname, 'public');

/**
 * The demo merchant: a product page on its own origin and the small server behind it. It prices
 * the cart itself, creates the invoice with its secret key, and fulfils an order only after the
 * payment server says `valid: true`.
 */
export async function createShopApp(options: ShopOptions): Promise<FastifyInstance> {
  const payframe = new Payframe({
    baseUrl: options.paymentUrl,
    secretKey: options.secretKey,
    webhookSecret: options.webhookSecret,
  });
  const orders = new Map<string, Order>();
  const app = Fastify({ logger: false });
  const page = readFileSync(join(PUBLIC, 'index.html'), 'utf8').replaceAll(
    '%PAYFRAME_URL%',
    options.paymentUrl,
  );
  const csp = [
    "default-src 'self'",
    `script-src 'self' ${options.paymentUrl}`,
    `frame-src ${options.paymentUrl}`,
    // The popup mode follows the checkout's status stream when its window is gone.
    `connect-src 'self' ${options.paymentUrl}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "base-uri 'none'",
  ].join('; ');

  app.get<{ Querystring: { coop?: string } }>('/', async (request, reply) => {
    // `?coop=1`: the shop isolates itself (Cross-Origin-Opener-Policy), which cuts a popup's link
    // back to it; the checkout's outcome then arrives through the payment server's status stream.
    if (request.query.coop === '1') void reply.header('cross-origin-opener-policy', 'same-origin');
    return reply.type('text/html; charset=utf-8').header('content-security-policy', csp).send(page);
  });
  // The same shop from a page that imports the checkout as an ES module (`embed.mjs`).
  const modulePage = readFileSync(join(PUBLIC, 'module.html'), 'utf8').replaceAll(
    '%PAYFRAME_URL%',
    options.paymentUrl,
  );
  app.get('/module', async (_request, reply) =>
    reply.type('text/html; charset=utf-8').header('content-security-policy', csp).send(modulePage),
  );
  for (const [file, type] of [
    ['module.js', 'text/javascript'],
    ['shop.js', 'text/javascript'],
    ['shop.css', 'text/css'],
  ] as const) {
    const body = readFileSync(join(PUBLIC, file));
    app.get(`/${file}`, async (_req, reply) => reply.type(`${type}; charset=utf-8`).send(body));
  }

  simpleFormPages(app, options);
  // The same shop as a React app and as a Vue app (demo/frameworks), under the same CSP.
  frameworkPages(app, { paymentUrl: options.paymentUrl, csp });

  app.get('/api/products', async () => ({ currency: CURRENCY, products: CATALOG }));

  const accounts = accountRoutes(app, payframe, (order, paymentId) => {
    const lines = order.lines.map((l) => ({ ...l, amount: l.unit_amount * l.quantity }));
    const amount = lines.reduce((sum, l) => sum + l.amount, 0);
    orders.set(order.id, {
      id: order.id,
      amount,
      currency: CURRENCY,
      lines,
      status: 'paid',
      paymentId,
    });
  });
  /** A paid order of a signed-in shopper becomes what "buy again" repeats. */
  const paid = (order: Order, paymentId: string) => {
    order.status = 'paid';
    order.paymentId = paymentId;
    if (order.account) {
      order.account.lastOrder = {
        lines: order.lines.map(({ name, unit_amount, quantity }) => ({
          name,
          unit_amount,
          quantity,
        })),
      };
    }
  };

  /**
   * An order for the cart, priced here from the catalog, and its invoice: what the shop's pages
   * check out with. Null for a product the shop does not sell.
   */
  const createOrder = async (
    items: readonly { sku: string; quantity: number }[],
    account: Account | undefined,
  ): Promise<NewOrder | null> => {
    const lines = [];
    for (const item of items) {
      const product = findProduct(item.sku);
      if (!product) return null;
      lines.push({ product, quantity: item.quantity });
    }
    const id = `order_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
    // Keyed by order: however often this request is retried, one order never gets two invoices.
    const invoice = await payframe.invoices.create(
      {
        currency: CURRENCY,
        order_id: id,
        description: `Order ${id}`,
        items: lines.map(({ product, quantity }) => ({
          name: product.name,
          unit_amount: product.price,
          quantity,
        })),
        // A signed-in shopper's checkout names their customer: the frame offers their saved cards.
        ...(account ? { customer: account.customerId } : {}),
        // Where the hosted page (mode=redirect) brings the shopper back, with invoice and payment.
        success_url: `${options.shopUrl}/?order=${id}`,
        cancel_url: `${options.shopUrl}/?order=${id}&canceled=1`,
      },
      { idempotencyKey: `invoice-${id}` },
    );
    orders.set(id, {
      id,
      amount: invoice.amount,
      currency: invoice.currency,
      lines: lines.map(({ product, quantity }) => ({
        name: product.name,
        quantity,
        unit_amount: product.price,
        amount: product.price * quantity,
      })),
      status: 'awaiting_payment',
      ...(account ? { account } : {}),
    });
    return {
      order_id: id,
      token: invoice.checkout.token,
      amount: invoice.amount,
      currency: CURRENCY,
    };
  };

  app.post('/api/checkout', async (request, reply) => {
    const cart = cartSchema.safeParse(request.body);
    if (!cart.success) return reply.code(400).send({ error: 'invalid cart' });
    const order = await createOrder(cart.data.items, accounts.accountOf(request));
    return order ?? reply.code(400).send({ error: 'unknown product' });
  });

  // The checkout written into the page by the shop's server: `<payframe-checkout>` in the HTML.
  plainPage(app, { paymentUrl: options.paymentUrl, csp, createOrder });

  app.post<{ Params: { id: string } }>('/api/orders/:id/complete', async (request, reply) => {
    const order = orders.get(request.params.id);
    const body = completeSchema.safeParse(request.body);
    if (!order) return reply.code(404).send({ error: 'unknown order' });
    if (!body.success) return reply.code(400).send({ error: 'payment_id required' });
    const result = await payframe.payments.validate(body.data.payment_id, {
      amount: order.amount,
      currency: order.currency,
      order_id: order.id,
    });
    if (result.valid) paid(order, body.data.payment_id);
    return {
      valid: result.valid,
      reasons: result.reasons,
      order: { id: order.id, amount: order.amount, status: order.status },
    };
  });

  // The safety net for a shopper whose page never reported back (closed tab, lost redirect): the
  // signed `invoice.paid` names the order, and the shop still validates before fulfilling.
  webhookEndpoint(app, payframe, async (event) => {
    if (event.type !== 'invoice.paid') return;
    const invoice = event.data as { order_id?: string; payment_id?: string | null };
    const order = invoice.order_id ? orders.get(invoice.order_id) : undefined;
    if (!order || order.status === 'paid' || !invoice.payment_id) return;
    const result = await payframe.payments.validate(invoice.payment_id, {
      amount: order.amount,
      currency: order.currency,
      order_id: order.id,
    });
    if (!result.valid) return;
    paid(order, invoice.payment_id);
  });

  return app;
}
