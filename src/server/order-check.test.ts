import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyWebhook } from '../sdk';
import { SandboxAcquirer } from './acquirer/sandbox-acquirer';
import { cardBody, startTestServer, type TestServer } from './test-support/test-server';
import { storesUnderTest, type TestStore } from './test-support/test-stores';
import { eventTypes } from './test-support/payments';
import {
  startWebhookReceiver,
  type Behaviour,
  type WebhookReceiver,
} from './test-support/webhook-receiver';

const stores = await storesUnderTest();
const json = (value: unknown): Behaviour => ({
  status: 200,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(value),
});

describe.each(stores)('order check before payment on %s', (_name, open) => {
  let store: TestStore;
  let server: TestServer;
  let check: WebhookReceiver;
  let acquirer: SandboxAcquirer;
  let answer: Behaviour;

  beforeEach(async () => {
    store = await open();
    server = await startTestServer(store, { orderCheckTimeoutMs: 300 });
    acquirer = new SandboxAcquirer();
    server.services.acquirer = acquirer;
    answer = json({ ok: true });
    check = await startWebhookReceiver(() => answer);
    const set = await server.merchant('/v1/order-check', { body: { url: check.url } });
    expect(await set.json()).toMatchObject({ object: 'order_check', url: check.url });
  });
  afterEach(async () => {
    await check.close();
    await server.close();
    await store.dispose();
  });

  async function invoice() {
    const body = { currency: 'EUR', order_id: 'order-42', amount: 1250 };
    return (await server.merchant('/v1/invoices', { body })).json();
  }
  async function confirm(token: string) {
    const response = await fetch(`${server.url}/v1/checkout/${token}/confirm`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(cardBody('4242424242424242')),
    });
    return response.json();
  }

  it('asks the check, signed, with the order and no card number, and pays on {ok: true}', async () => {
    const inv = await invoice();
    const result = await confirm(inv.checkout.token);
    expect(result.status).toBe('succeeded');
    expect(check.received).toHaveLength(1);
    const [asked] = check.received;
    expect(asked!.body).not.toContain('4242424242424242');
    const payload = verifyWebhook(
      server.webhookSecret,
      asked!.headers as Record<string, string>,
      asked!.body,
    );
    expect(payload).toMatchObject({
      type: 'order.check',
      data: {
        invoice: { id: inv.id, order_id: 'order-42', amount: 1250, status: 'open' },
        payment: { id: result.payment_id, amount: 1250, currency: 'EUR', card: { last4: '4242' } },
      },
    });
    expect(acquirer.charges).toBe(1);
  });

  it('stops the payment on {ok: false} before the bank is asked; the invoice stays payable', async () => {
    answer = json({ ok: false, reason: 'Out of stock' });
    const inv = await invoice();
    const result = await confirm(inv.checkout.token);
    expect(result).toMatchObject({
      status: 'failed',
      error: { code: 'order_check_failed', retryable: false },
    });
    expect(acquirer.charges).toBe(0);
    const payment = await (await server.merchant(`/v1/payments/${result.payment_id}`)).json();
    expect(payment).toMatchObject({ status: 'failed', authentication: null, transactions: [] });
    expect(await eventTypes(server)).toContain('payment.failed');
    const after = await (await server.merchant(`/v1/invoices/${inv.id}`)).json();
    expect(after.status).toBe('open');
    // Once the merchant agrees, the same checkout pays.
    answer = json({ ok: true });
    expect((await confirm(inv.checkout.token)).status).toBe('succeeded');
  });

  it.each<[string, Behaviour]>([
    ['no answer in time', 'hang'],
    ['an HTTP 500', { status: 500 }],
    ['a body that is no verdict', json({ fine: true })],
    ['a dropped connection', 'reset'],
  ])('stops the payment on %s', async (_case, behaviour) => {
    answer = behaviour;
    const inv = await invoice();
    const result = await confirm(inv.checkout.token);
    expect(result.error?.code).toBe('order_check_failed');
    expect(acquirer.charges).toBe(0);
  });

  it('does not lock the invoice or the address after many vetoes', async () => {
    answer = json({ ok: false, reason: 'Not yet' });
    const inv = await invoice();
    // More than the five failed attempts an invoice allows for card declines.
    for (let n = 0; n < 7; n++) {
      expect((await confirm(inv.checkout.token)).error?.code).toBe('order_check_failed');
    }
    answer = json({ ok: true });
    expect((await confirm(inv.checkout.token)).status).toBe('succeeded');
  });

  it('signs the check with both secrets while one is rotated out', async () => {
    const rotated = await (
      await server.merchant('/v1/webhook/rotate-secret', { body: { overlap_seconds: 600 } })
    ).json();
    const inv = await invoice();
    await confirm(inv.checkout.token);
    const [asked] = check.received;
    const headers = asked!.headers as Record<string, string>;
    expect(headers['webhook-signature']!.split(' ')).toHaveLength(2);
    expect(() => verifyWebhook(server.webhookSecret, headers, asked!.body)).not.toThrow();
    expect(() => verifyWebhook(rotated.secret, headers, asked!.body)).not.toThrow();
  });

  it('stops the payment on an answer too long to be a verdict', async () => {
    answer = json({ ok: true, padding: 'x'.repeat(5000) });
    const inv = await invoice();
    expect((await confirm(inv.checkout.token)).error?.code).toBe('order_check_failed');
    expect(acquirer.charges).toBe(0);
  });

  it('checks server-to-server payments too, and asks nothing once turned off', async () => {
    answer = json({ ok: false });
    const inv = await invoice();
    const card = cardBody('4242424242424242').card;
    const s2s = await server.merchant('/v1/payments', {
      body: { invoice: inv.id, type: 'DB', card },
    });
    expect((await s2s.json()).error.code).toBe('order_check_failed');

    await server.merchant('/v1/order-check', { body: { url: null } });
    expect(await (await server.merchant('/v1/order-check')).json()).toMatchObject({ url: null });
    const asked = check.received.length;
    expect((await confirm(inv.checkout.token)).status).toBe('succeeded');
    expect(check.received).toHaveLength(asked);
  });
});
