import { SUMMARY_BLOCK_ID } from '../protocol/checkout';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  cardBody,
  SHOP_ORIGIN,
  startTestServer,
  type TestServer,
} from './test-support/test-server';
import { sqliteTestStore, type TestStore } from './test-support/test-stores';

let store: TestStore;
let server: TestServer;

beforeEach(async () => {
  store = await sqliteTestStore();
  server = await startTestServer(store, { maxFailedAttempts: 3 });
});
afterEach(async () => {
  await server.close();
  await store.dispose();
});

const ITEMS = [
  { name: 'Espresso beans', unit_amount: 2490, quantity: 2 },
  { name: 'Dripper', unit_amount: 3200, quantity: 1 },
];

async function createInvoice(overrides: Record<string, unknown> = {}) {
  const response = await server.merchant('/v1/invoices', {
    body: { currency: 'EUR', order_id: 'order-42', items: ITEMS, ...overrides },
  });
  expect(response.status).toBe(201);
  return (await response.json()) as {
    id: string;
    amount: number;
    checkout: { token: string; url: string };
  };
}

async function confirm(token: string, body: unknown) {
  return fetch(`${server.url}/v1/checkout/${token}/confirm`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function expectProblem(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  const body = (await response.json()) as { code: string; status: number; title: string };
  expect(body).toMatchObject({ code, status });
  expect(body.title.length).toBeGreaterThan(0);
  return body;
}

describe('invoices', () => {
  it('computes the amount from the items on the server', async () => {
    const invoice = await createInvoice();
    expect(invoice.amount).toBe(2490 * 2 + 3200);
    expect(invoice.checkout.token).toMatch(/^ct_/);
    expect(invoice.checkout.url).toBe(`http://localhost:4000/checkout/${invoice.checkout.token}`);
  });

  it('reads an invoice back and hides it from other apps', async () => {
    const invoice = await createInvoice();
    const read = await server.merchant(`/v1/invoices/${invoice.id}`);
    expect(await read.json()).toMatchObject({
      id: invoice.id,
      status: 'open',
      order_id: 'order-42',
    });
    const other = await startTestServer(store);
    try {
      await expectProblem(
        await other.merchant(`/v1/invoices/${invoice.id}`),
        404,
        'invoice_not_found',
      );
    } finally {
      await other.close();
    }
  });

  it('cancels an open invoice, after which its checkout cannot be paid', async () => {
    const invoice = await createInvoice();
    const canceled = await server.merchant(`/v1/invoices/${invoice.id}/cancel`, { method: 'POST' });
    expect(await canceled.json()).toMatchObject({ id: invoice.id, status: 'canceled' });
    await expectProblem(
      await confirm(invoice.checkout.token, cardBody('4242424242424242')),
      409,
      'invoice_not_open',
    );
    await expectProblem(
      await server.merchant(`/v1/invoices/${invoice.id}/cancel`, { method: 'POST' }),
      409,
      'invoice_not_open',
    );
  });

  it('refuses to cancel a paid invoice', async () => {
    const invoice = await createInvoice();
    await confirm(invoice.checkout.token, cardBody('4242424242424242'));
    await expectProblem(
      await server.merchant(`/v1/invoices/${invoice.id}/cancel`, { method: 'POST' }),
      409,
      'invoice_not_open',
    );
  });

  it('rejects malformed JSON with malformed_json', async () => {
    await expectProblem(
      await server.merchant('/v1/invoices', { body: '{"currency": ' }),
      400,
      'malformed_json',
    );
  });

  it('rejects unknown fields, naming them', async () => {
    const body = await expectProblem(
      await server.merchant('/v1/invoices', {
        body: { currency: 'EUR', order_id: 'o', amount: 100, amout: 5 },
      }),
      400,
      'invalid_request',
    );
    expect(JSON.stringify(body)).toContain('amout');
  });

  it('rejects a float amount, an unknown currency and items with amount', async () => {
    for (const bad of [
      { currency: 'EUR', order_id: 'o', amount: 10.5 },
      { currency: 'EUX', order_id: 'o', amount: 100 },
      { currency: 'EUR', order_id: 'o', amount: 100, items: ITEMS },
      { currency: 'EUR', order_id: 'o', items: [{ name: 'x', unit_amount: -1, quantity: 1 }] },
    ]) {
      await expectProblem(
        await server.merchant('/v1/invoices', { body: bad }),
        400,
        'invalid_request',
      );
    }
  });

  it('rejects a body that is not JSON with unsupported_media_type', async () => {
    const response = await fetch(`${server.url}/v1/invoices`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.secretKey}`, 'content-type': 'text/plain' },
      body: 'hello',
    });
    await expectProblem(response, 415, 'unsupported_media_type');
  });

  it('answers a missing, wrong or publishable key with a clear 401', async () => {
    const none = await fetch(`${server.url}/v1/invoices/inv_12345678`);
    await expectProblem(none, 401, 'missing_api_key');
    await expectProblem(
      await server.merchant('/v1/invoices/inv_12345678', { key: 'sk_test_wrong' }),
      401,
      'invalid_api_key',
    );
    await expectProblem(
      await server.merchant('/v1/invoices/inv_12345678', { key: 'pk_test_abc' }),
      401,
      'invalid_api_key',
    );
  });

  it('validates the test clock body', async () => {
    const bad = await server.merchant('/v1/test/clock/advance', { body: { seconds: -5 } });
    await expectProblem(bad, 400, 'invalid_request');
  });

  it('answers unknown routes and bad ids with problem+json', async () => {
    await expectProblem(await fetch(`${server.url}/v1/nothing`), 404, 'not_found');
    await expectProblem(await server.merchant('/v1/invoices/pay_12345678'), 400, 'invalid_request');
  });

  it('is healthy while the store answers, and says so when it cannot be used', async () => {
    const healthy = await fetch(`${server.url}/healthz`);
    expect(healthy.status).toBe(200);
    expect(await healthy.json()).toEqual({ ok: true });
    // As a SQLite store is after a failed WAL sync: every query rejects (group-commit.test.ts).
    const ping = vi
      .spyOn(server.services.store, 'ping')
      .mockRejectedValue(new Error('EIO: sync failed'));
    try {
      await expectProblem(await fetch(`${server.url}/healthz`), 500, 'internal_error');
    } finally {
      ping.mockRestore();
    }
  });

  it('names every answer with a random Request-Id to quote', async () => {
    const [first, second] = await Promise.all([
      fetch(`${server.url}/v1/nothing`),
      fetch(`${server.url}/healthz`),
    ]);
    expect(first.headers.get('request-id')).toMatch(/^req_[0-9A-Za-z]{16}$/);
    expect(second.headers.get('request-id')).not.toBe(first.headers.get('request-id'));
  });
});

describe('checkout and payments', () => {
  it('summarises the invoice for the frame without secrets', async () => {
    const invoice = await createInvoice({ description: 'Coffee' });
    const response = await fetch(`${server.url}/v1/checkout/${invoice.checkout.token}`);
    const summary = await response.json();
    expect(summary).toEqual({
      invoice_id: invoice.id,
      status: 'open',
      merchant: { name: 'Test Shop' },
      amount: invoice.amount,
      currency: 'EUR',
      description: 'Coffee',
      allowed_origins: [SHOP_ORIGIN],
      expires_at: expect.any(String),
      payment_id: null,
      success_url: null,
      cancel_url: null,
      three_ds_method: { url: 'http://127.0.0.1:4001/3ds-method', data: expect.any(String) },
      customer: null,
    });
  });

  it('pays with 4242…, records a DB transaction and validates', async () => {
    const invoice = await createInvoice();
    const result = await (
      await confirm(invoice.checkout.token, cardBody('4242 4242 4242 4242'))
    ).json();
    expect(result).toMatchObject({ status: 'succeeded', invoice_id: invoice.id });

    const payment = await (await server.merchant(`/v1/payments/${result.payment_id}`)).json();
    expect(payment).toMatchObject({
      status: 'captured',
      amount: invoice.amount,
      card: { brand: 'visa', last4: '4242' },
      transactions: [{ type: 'DB', amount: invoice.amount, currency: 'EUR' }],
    });
    const valid = await server.merchant(`/v1/payments/${result.payment_id}/validate`, {
      body: { amount: invoice.amount, currency: 'EUR', order_id: 'order-42' },
    });
    expect(await valid.json()).toMatchObject({ valid: true, reasons: [] });
    const paid = await (await server.merchant(`/v1/invoices/${invoice.id}`)).json();
    expect(paid).toMatchObject({ status: 'paid', payment_id: result.payment_id });
    const summary = await (
      await fetch(`${server.url}/v1/checkout/${invoice.checkout.token}`)
    ).json();
    expect(summary).toMatchObject({ status: 'paid', payment_id: result.payment_id });
  });

  it('authorizes without capturing for manual capture (PA)', async () => {
    const invoice = await createInvoice({ capture: 'manual' });
    const result = await (
      await confirm(invoice.checkout.token, cardBody('5555555555554444'))
    ).json();
    const payment = await (await server.merchant(`/v1/payments/${result.payment_id}`)).json();
    expect(payment).toMatchObject({ status: 'authorized', transactions: [{ type: 'PA' }] });
  });

  it('names every mismatch when validating', async () => {
    const invoice = await createInvoice();
    const result = await (
      await confirm(invoice.checkout.token, cardBody('4242424242424242'))
    ).json();
    const response = await server.merchant(`/v1/payments/${result.payment_id}/validate`, {
      body: { amount: 1, currency: 'USD', order_id: 'other' },
    });
    expect(await response.json()).toMatchObject({
      valid: false,
      reasons: ['amount_mismatch', 'currency_mismatch', 'order_id_mismatch'],
    });
  });

  it('declines 4000 0000 0000 0002 as retryable, then succeeds with 4242…', async () => {
    const invoice = await createInvoice();
    const declined = await (
      await confirm(invoice.checkout.token, cardBody('4000000000000002'))
    ).json();
    expect(declined).toMatchObject({
      status: 'failed',
      error: { code: 'card_declined', retryable: true },
    });
    const check = await server.merchant(`/v1/payments/${declined.payment_id}/validate`, {
      body: { amount: invoice.amount, currency: 'EUR', order_id: 'order-42' },
    });
    expect(await check.json()).toMatchObject({ valid: false, reasons: ['payment_not_succeeded'] });

    const retry = await (
      await confirm(invoice.checkout.token, cardBody('4242424242424242'))
    ).json();
    expect(retry.status).toBe('succeeded');
    expect(retry.payment_id).not.toBe(declined.payment_id);
  });

  it('refuses to pay an invoice twice', async () => {
    const invoice = await createInvoice();
    await confirm(invoice.checkout.token, cardBody('4242424242424242'));
    await expectProblem(
      await confirm(invoice.checkout.token, cardBody('4242424242424242')),
      409,
      'invoice_not_open',
    );
  });

  it('re-validates card data on the server', async () => {
    const invoice = await createInvoice();
    const token = invoice.checkout.token;
    await expectProblem(
      await confirm(token, cardBody('4242424242424241')),
      400,
      'invalid_card_number',
    );
    await expectProblem(
      await confirm(token, cardBody('4242424242424242', { exp_year: 2020 })),
      400,
      'invalid_expiry',
    );
    await expectProblem(
      await confirm(token, cardBody('4242424242424242', { cvc: '12' })),
      400,
      'invalid_request',
    );
    await expectProblem(
      await confirm(token, cardBody('378282246310005', { cvc: '123' })),
      400,
      'invalid_cvc',
    );
    await expectProblem(
      await confirm(token, { card: { ...cardBody('4242424242424242').card, pin: '1' } }),
      400,
      'invalid_request',
    );
  });

  it('locks a checkout after too many declines', async () => {
    const invoice = await createInvoice();
    for (let i = 0; i < 3; i++) await confirm(invoice.checkout.token, cardBody('4000000000000002'));
    await expectProblem(
      await confirm(invoice.checkout.token, cardBody('4242424242424242')),
      429,
      'too_many_attempts',
    );
  });

  it('locks a client address after too many failures across checkouts', async () => {
    await server.close();
    server = await startTestServer(store, { maxFailedPerAddress: 2 });
    const first = await createInvoice();
    const second = await createInvoice();
    await confirm(first.checkout.token, cardBody('4000000000000002'));
    await expectProblem(
      await confirm(second.checkout.token, cardBody('4242424242424241')),
      400,
      'invalid_card_number',
    );
    await expectProblem(
      await confirm(second.checkout.token, cardBody('4242424242424242')),
      429,
      'too_many_attempts',
    );
  });

  it('answers an unknown token with checkout_not_found', async () => {
    await expectProblem(
      await fetch(`${server.url}/v1/checkout/ct_unknown123`),
      404,
      'checkout_not_found',
    );
  });

  it('writes outbox events with each state change', async () => {
    const invoice = await createInvoice();
    await confirm(invoice.checkout.token, cardBody('4000000000000002'));
    await confirm(invoice.checkout.token, cardBody('4242424242424242'));
    const events = await server.services.store.listEvents(server.appId);
    expect(events.map((e) => e.type)).toEqual([
      'payment.failed',
      'payment.captured',
      'payment.succeeded',
      'invoice.paid',
    ]);
  });

  it('never stores a card number or CVC in clear', async () => {
    const invoice = await createInvoice();
    await confirm(invoice.checkout.token, cardBody('5555555555554444', { cvc: '987' }));
    await server.close();
    await store.store.close();
    const raw =
      readFileSync(store.sqliteFile!).toString('latin1') +
      readFileSync(`${store.sqliteFile!}-wal`, { flag: 'a+' }).toString('latin1');
    expect(raw).toContain('4444');
    expect(raw).not.toContain('5555555555554444');
    expect(raw).not.toMatch(/"?cvc"?\W{0,3}987/);
    store = await sqliteTestStore();
    server = await startTestServer(store);
  });
});

describe('checkout page', () => {
  beforeEach(async () => {
    const webDir = mkdtempSync(join(tmpdir(), 'payframe-web-'));
    writeFileSync(
      join(webDir, 'index.html'),
      `<!doctype html><head><title>frame</title></head><body><payframe-checkout-app>${' '.repeat(2000)}`,
    );
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'assets', 'checkout-abc123.js'), 'console.log(1)');
    await server.close();
    server = await startTestServer(store, { webDir });
  });

  it('serves the frame’s hashed assets as immutable, cached for a year', async () => {
    const response = await fetch(`${server.url}/assets/checkout-abc123.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('serves the frame with a strict CSP naming the allowed origins', async () => {
    const invoice = await createInvoice();
    const response = await fetch(`${server.url}/checkout/${invoice.checkout.token}`);
    expect(await response.text()).toContain('<title>frame</title>');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain(`frame-ancestors ${SHOP_ORIGIN}`);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('sends the page compressed when the browser takes it so', async () => {
    const invoice = await createInvoice();
    const url = `${server.url}/checkout/${invoice.checkout.token}`;
    const compressed = await fetch(url, { headers: { 'accept-encoding': 'br' } });
    expect(compressed.headers.get('content-encoding')).toBe('br');
    expect(await compressed.text()).toContain('<title>frame</title>');
    const plain = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
  });

  it('lets nobody frame an unknown checkout', async () => {
    const response = await fetch(`${server.url}/checkout/ct_unknown123`);
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(await response.text()).not.toContain(SUMMARY_BLOCK_ID);
  });

  it('carries the checkout summary the API gives, in a data block merchant text cannot leave', async () => {
    // Also the sequences String.replace reads in a replacement ($` pastes what precedes the match).
    const description = "</script><script>alert(1)</script> & <!-- \u2028 $` $' $$ $&";
    const invoice = await createInvoice({ description });
    const token = invoice.checkout.token;
    const html = await (await fetch(`${server.url}/checkout/${token}`)).text();
    const block = new RegExp(
      `<script type="application/json" id="${SUMMARY_BLOCK_ID}">([^<]*)</script></head>`,
    ).exec(html);
    expect(block, html).not.toBeNull();
    expect(html.match(/<script/g)).toHaveLength(1);
    const api = (await (await fetch(`${server.url}/v1/checkout/${token}`)).json()) as object;
    // Each summary starts its own 3DS-Method transaction; the rest is the same.
    const threeDsMethod = { url: expect.any(String), data: expect.any(String) };
    expect(JSON.parse(block![1]!)).toEqual({ ...api, three_ds_method: threeDsMethod });
    expect(JSON.parse(block![1]!)).toMatchObject({ description });
  });
});
