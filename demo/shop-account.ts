import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { PayframeApiError, type Payframe } from '../src/sdk';
import { CURRENCY } from './catalog';

/** What the shop remembers of a paid order, to offer it again. */
export interface OrderLines {
  lines: { name: string; unit_amount: number; quantity: number }[];
}

/** A signed-in shopper of the demo shop, with the Payframe customer their cards are saved to. */
export interface Account {
  name: string;
  customerId: string;
  lastOrder: OrderLines | null;
  /**
   * Single use, handed to the page with the account: "buy again" names it, so a repeated request
   * (a second tab, a replay) finds its first answer instead of charging again.
   */
  purchaseToken: string;
  bought: Map<string, BuyAgainAnswer>;
}

type BuyAgainAnswer =
  | { paid: true; order_id: string; payment_id: string; card: string }
  | { paid: false; message: string };

const COOKIE = 'shop_account';
const removeSchema = z.object({ pm: z.string().regex(/^pm_[0-9A-Za-z]{8,64}$/) });
const buyAgainSchema = z.object({ token: z.string().regex(/^[\w-]{20,40}$/) });
const newToken = () => randomBytes(18).toString('base64url');

/** The newest saved card that has not expired, as the shop would charge. */
function usableCard<T extends { card: { exp_month: number; exp_year: number } }>(cards: T[]) {
  const now = new Date();
  const month = now.getUTCFullYear() * 12 + now.getUTCMonth() + 1;
  return cards.find((c) => c.card.exp_year * 12 + c.card.exp_month >= month);
}

/**
 * The demo's returning customers: "signing in" makes a Payframe customer for this browser (an
 * opaque id in an HttpOnly cookie; a real shop has real accounts). Its checkouts name the customer,
 * so the frame offers to save the card and lists the saved ones; "Buy again" charges a saved card
 * from the shop's server with no checkout at all (merchant-initiated).
 */
export function accountRoutes(
  app: FastifyInstance,
  payframe: Payframe,
  fulfil: (order: { id: string; lines: OrderLines['lines'] }, paymentId: string) => void,
): { accountOf(request: FastifyRequest): Account | undefined } {
  const accounts = new Map<string, Account>();
  const accountOf = (request: FastifyRequest) => {
    const id = cookie(request.headers.cookie, COOKIE);
    return id ? accounts.get(id) : undefined;
  };

  const view = async (account: Account | undefined) => {
    if (!account) return { signed_in: false };
    const customer = await payframe.customers.get(account.customerId);
    return {
      signed_in: true,
      name: account.name,
      saved_cards: customer.payment_methods.map((m) => ({ id: m.id, ...m.card })),
      can_buy_again:
        account.lastOrder !== null && usableCard(customer.payment_methods) !== undefined,
      purchase_token: account.purchaseToken,
    };
  };

  app.get('/api/account', async (request) => view(accountOf(request)));

  app.post('/api/account/sign-in', async (request, reply: FastifyReply) => {
    const existing = accountOf(request);
    if (existing) return view(existing);
    const customer = await payframe.customers.create({
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      metadata: { shop: 'Payframe Coffee demo' },
    });
    const id = newToken();
    const account: Account = {
      name: 'Ada Lovelace',
      customerId: customer.id,
      lastOrder: null,
      purchaseToken: newToken(),
      bought: new Map(),
    };
    accounts.set(id, account);
    void reply.header('set-cookie', `${COOKIE}=${id}; Path=/; HttpOnly; SameSite=Lax`);
    return view(account);
  });

  app.post('/api/account/sign-out', async (request, reply) => {
    const id = cookie(request.headers.cookie, COOKIE);
    if (id) accounts.delete(id);
    void reply.header('set-cookie', `${COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`);
    return { signed_in: false };
  });

  app.post('/api/account/cards/remove', async (request, reply) => {
    const account = accountOf(request);
    const body = removeSchema.safeParse(request.body);
    if (!account) return reply.code(401).send({ error: 'sign in first' });
    if (!body.success) return reply.code(400).send({ error: 'pm required' });
    await payframe.customers.detachPaymentMethod(account.customerId, body.data.pm);
    return view(account);
  });

  // "Buy again": the shop charges the newest saved card for the last order, no checkout shown.
  app.post('/api/account/buy-again', async (request, reply) => {
    const account = accountOf(request);
    const body = buyAgainSchema.safeParse(request.body);
    if (!account) return reply.code(401).send({ error: 'sign in first' });
    if (!body.success) return reply.code(400).send({ error: 'token required' });
    const earlier = account.bought.get(body.data.token);
    if (earlier) return earlier;
    if (body.data.token !== account.purchaseToken) {
      return reply.code(409).send({ error: 'reload the page' });
    }
    // The token is used from here on: the next purchase needs the next one.
    account.purchaseToken = newToken();
    const answer = await buyAgain(account, body.data.token).catch(
      (error: unknown): BuyAgainAnswer => ({
        paid: false,
        message: error instanceof PayframeApiError ? error.message : 'please try again later.',
      }),
    );
    account.bought.set(body.data.token, answer);
    return answer;
  });

  async function buyAgain(account: Account, token: string): Promise<BuyAgainAnswer> {
    if (!account.lastOrder) return { paid: false, message: 'there is no order to repeat.' };
    const lines = account.lastOrder.lines;
    const card = usableCard((await payframe.customers.get(account.customerId)).payment_methods);
    if (!card) return { paid: false, message: 'no saved card can be charged.' };
    // Derived from the single-use token: a request that is retried cannot charge twice.
    const orderId = `order_${token.slice(0, 12)}`;
    const invoice = await payframe.invoices.create(
      {
        currency: CURRENCY,
        order_id: orderId,
        description: `Order ${orderId} (bought again)`,
        items: lines,
        customer: account.customerId,
      },
      { idempotencyKey: `invoice-${orderId}` },
    );
    const payment = await payframe.invoices.pay(
      invoice.id,
      { customer: account.customerId, payment_method: card.id },
      { idempotencyKey: `pay-${orderId}` },
    );
    if (payment.status === 'failed') {
      return { paid: false, message: payment.error?.message ?? 'The card was declined.' };
    }
    const result = await payframe.payments.validate(payment.id, {
      amount: invoice.amount,
      currency: invoice.currency,
      order_id: orderId,
    });
    if (!result.valid) return { paid: false, message: 'The payment could not be validated.' };
    fulfil({ id: orderId, lines }, payment.id);
    const brand = `${card.card.brand[0]?.toUpperCase()}${card.card.brand.slice(1)}`;
    return {
      paid: true,
      order_id: orderId,
      payment_id: payment.id,
      card: `${brand} •••• ${card.card.last4}`,
    };
  }

  return { accountOf };
}

function cookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, value] = part.trim().split('=');
    if (key === name && value) return value;
  }
  return undefined;
}
