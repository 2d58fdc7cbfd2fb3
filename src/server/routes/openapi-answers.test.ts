import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenApiDocument } from '../openapi/build-openapi';
import { openApiChecker } from '../test-support/openapi-checker';
import { cardBody, startTestServer, type TestServer } from '../test-support/test-server';
import { sqliteTestStore, type TestStore } from '../test-support/test-stores';

let store: TestStore;
let server: TestServer;
let document: OpenApiDocument;
let checker: ReturnType<typeof openApiChecker>;

beforeAll(async () => {
  store = await sqliteTestStore();
  // A stand-in host script, so `GET /v1/embed` answers without a build.
  const embedDir = mkdtempSync(join(tmpdir(), 'payframe-embed-'));
  writeFileSync(join(embedDir, 'embed.js'), 'window.Payframe = {};\n');
  server = await startTestServer(store, { embedDir });
  document = (await (await fetch(`${server.url}/openapi.json`)).json()) as OpenApiDocument;
  checker = openApiChecker(document);
});
afterAll(async () => {
  await server.close();
  await store.dispose();
});

const key = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

describe('real answers match the OpenAPI document', () => {
  type Body = Record<string, unknown> & { id: string };
  const exercised = new Set<string>();

  /** Calls an operation by its documented path; checks the request and the answer. */
  async function call(
    method: 'get' | 'post',
    path: string,
    options: { params?: Record<string, string>; body?: unknown; status?: number } = {},
  ): Promise<Body> {
    if (options.body !== undefined) {
      expect(checker.requestMismatch(method, path, options.body)).toBeNull();
    }
    const url = path.replace(/\{(\w+)\}/g, (_, name: string) => options.params?.[name] ?? '');
    const response = await fetch(`${server.url}${url}`, {
      method: method.toUpperCase(),
      headers: {
        ...(checker.needsSecretKey(method, path)
          ? { authorization: `Bearer ${server.secretKey}` }
          : {}),
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
    const contentType = response.headers.get('content-type') ?? '';
    // An event stream is read to its end as text: only a stream the server ends is called here.
    const body = (
      contentType.startsWith('text/event-stream') ? await response.text() : await response.json()
    ) as Body;
    if (options.status) expect(response.status, JSON.stringify(body)).toBe(options.status);
    expect(checker.responseMismatch(method, path, response.status, contentType, body)).toBeNull();
    exercised.add(`${key(method, path)} ${response.status}`);
    return body;
  }

  async function openInvoice(capture: 'automatic' | 'manual') {
    const body = { currency: 'EUR', order_id: 'order-7', capture, amount: 5000 };
    return call('post', '/v1/invoices', { body, status: 201 });
  }

  it('for invoices, checkout, the back office and test mode', async () => {
    const invoice = await openInvoice('manual');
    const id = invoice.id;
    await call('get', '/v1/invoices/{id}', { params: { id }, status: 200 });
    const token = (invoice.checkout as { token: string }).token;
    await call('get', '/v1/checkout/{token}', { params: { token }, status: 200 });
    const confirm = '/v1/checkout/{token}/confirm';
    const paid = await call('post', confirm, {
      params: { token },
      body: cardBody('4242424242424242'),
      status: 200,
    });
    const pay = { id: String(paid.payment_id) };
    await call('get', '/v1/payments/{id}', { params: pay, status: 200 });
    const expected = { amount: 5000, currency: 'EUR', order_id: 'order-7' };
    await call('post', '/v1/payments/{id}/validate', { params: pay, body: expected, status: 200 });
    await call('post', '/v1/payments/{id}/capture', {
      params: pay,
      body: { amount: 4000 },
      status: 200,
    });
    await call('post', '/v1/payments/{id}/capture', { params: pay, status: 409 });
    await call('post', '/v1/payments/{id}/refunds', {
      params: pay,
      body: { amount: 500 },
      status: 201,
    });
    await call('post', '/v1/payments/{id}/rebill', {
      params: pay,
      body: { amount: 300 },
      status: 200,
    });
    await call('post', '/v1/test/payments/{id}/chargeback', {
      params: pay,
      body: { amount: 100 },
      status: 200,
    });
    await call('post', '/v1/test/payments/{id}/dispute-lost', { params: pay, status: 200 });
    await call('post', '/v1/test/clock/advance', { body: { seconds: 60 }, status: 200 });
  });

  it('for server-to-server payments, voids, reversals and cancellations', async () => {
    const card = cardBody('4242424242424242').card;
    const first = await openInvoice('automatic');
    const debit = await call('post', '/v1/payments', {
      body: { invoice: first.id, type: 'DB', card },
      status: 201,
    });
    await call('post', '/v1/test/payments/{id}/chargeback', {
      params: { id: debit.id },
      status: 200,
    });
    await call('post', '/v1/test/payments/{id}/chargeback-reversal', {
      params: { id: debit.id },
      status: 200,
    });
    const second = await openInvoice('manual');
    const auth = await call('post', '/v1/payments', {
      body: { invoice: second.id, type: 'PA', card },
      status: 201,
    });
    await call('post', '/v1/payments/{id}/void', {
      params: { id: auth.id },
      body: {},
      status: 200,
    });
    const third = await openInvoice('automatic');
    await call('post', '/v1/invoices/{id}/cancel', { params: { id: third.id }, status: 200 });
    await call('post', '/v1/invoices/{id}/cancel', { params: { id: third.id }, status: 409 });
    // A canceled checkout's stream sends its status and result, and ends.
    const thirdToken = (third.checkout as { token: string }).token;
    const stream = await call('get', '/v1/checkout/{token}/events', {
      params: { token: thirdToken },
      status: 200,
    });
    expect(String(stream)).toContain('event: result');
  });

  it('for customers, saved cards and a merchant-initiated payment', async () => {
    const customer = await call('post', '/v1/customers', {
      body: { email: 'ada@example.com', name: 'Ada' },
      status: 201,
    });
    const invoice = await call('post', '/v1/invoices', {
      body: { currency: 'EUR', order_id: 'order-8', amount: 700, customer: customer.id },
      status: 201,
    });
    const token = (invoice.checkout as { token: string }).token;
    const paid = await call('post', '/v1/checkout/{token}/confirm', {
      params: { token },
      body: { ...cardBody('4242424242424242'), save_card: true },
      status: 200,
    });
    const payment = await call('get', '/v1/payments/{id}', {
      params: { id: String(paid.payment_id) },
      status: 200,
    });
    const pm = String(payment.payment_method);
    const next = await call('post', '/v1/invoices', {
      body: { currency: 'EUR', order_id: 'order-9', amount: 700, customer: customer.id },
      status: 201,
    });
    const nextToken = (next.checkout as { token: string }).token;
    await call('get', '/v1/checkout/{token}', { params: { token: nextToken }, status: 200 });
    await call('post', '/v1/checkout/{token}/confirm', {
      params: { token: nextToken },
      body: { saved_card: { id: pm, cvc: '123' } },
      status: 200,
    });
    await call('get', '/v1/customers/{id}', { params: { id: customer.id }, status: 200 });
    const renewal = await call('post', '/v1/invoices', {
      body: { currency: 'EUR', order_id: 'order-10', amount: 700, customer: customer.id },
      status: 201,
    });
    await call('post', '/v1/invoices/{id}/pay', {
      params: { id: renewal.id },
      body: { customer: customer.id, payment_method: pm },
      status: 201,
    });
    await call('post', '/v1/invoices/{id}/pay', {
      params: { id: renewal.id },
      body: { customer: customer.id, payment_method: pm },
      status: 409,
    });
    await call('post', '/v1/customers/{id}/payment_methods/{pm}/detach', {
      params: { id: customer.id, pm },
      status: 200,
    });
    await call('post', '/v1/customers/{id}/payment_methods/{pm}/detach', {
      params: { id: customer.id, pm },
      status: 404,
    });
  });

  it('for problems: unknown ids, invalid bodies, declines', async () => {
    await call('get', '/v1/invoices/{id}', { params: { id: 'inv_0000000000' }, status: 404 });
    await call('get', '/v1/payments/{id}', { params: { id: 'nope' }, status: 400 });
    const invoice = await openInvoice('automatic');
    const token = (invoice.checkout as { token: string }).token;
    const declined = await call('post', '/v1/checkout/{token}/confirm', {
      params: { token },
      body: cardBody('4000000000000002'),
      status: 200,
    });
    expect(declined.status).toBe('failed');
  });

  it('for a 3-D Secure challenge, read and canceled by the frame', async () => {
    const invoice = await openInvoice('automatic');
    const token = (invoice.checkout as { token: string }).token;
    const pending = await call('post', '/v1/checkout/{token}/confirm', {
      params: { token },
      body: { ...cardBody('4000000000003220'), challenge_window_size: '03' },
      status: 200,
    });
    expect(pending.status).toBe('requires_action');
    const params = { token, id: String(pending.payment_id) };
    await call('get', '/v1/checkout/{token}/payments/{id}', { params, status: 200 });
    const canceled = await call('post', '/v1/checkout/{token}/payments/{id}/cancel', {
      params,
      body: { reason: 'canceled' },
      status: 200,
    });
    expect(canceled.status).toBe('failed');
  });

  it('for the webhook endpoint, its secret and the event log', async () => {
    await call('get', '/v1/webhook', { status: 200 });
    await call('post', '/v1/webhook', { body: { url: 'http://127.0.0.1:9/hooks' }, status: 200 });
    await call('post', '/v1/webhook/rotate-secret', {
      body: { overlap_seconds: 600 },
      status: 200,
    });
    const list = await call('get', '/v1/events', { status: 200 });
    const [first] = list.data as Body[];
    await call('get', '/v1/events/{id}', { params: { id: first!.id }, status: 200 });
    await call('post', '/v1/events/{id}/resend', { params: { id: first!.id }, status: 200 });
    await call('get', '/v1/events/{id}', { params: { id: 'evt_0000000000' }, status: 404 });
    await call('post', '/v1/webhook', { body: { url: 'ftp://example.com' }, status: 400 });
    await call('get', '/v1/form', { status: 200 });
    await call('get', '/v1/order-check', { status: 200 });
    await call('post', '/v1/order-check', { body: { url: null }, status: 200 });
  });

  it('for the host script, without a key', async () => {
    await call('get', '/v1/embed', { status: 200 });
  });

  // Runs last: counts what the tests above exercised.
  it('covers the success answer of every documented operation', () => {
    const operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => {
        const status = Object.keys(op.responses as object).find((s) => s.startsWith('2'));
        return `${key(method, path)} ${status}`;
      }),
    );
    expect(operations.filter((op) => !exercised.has(op))).toEqual([]);
  });
});
