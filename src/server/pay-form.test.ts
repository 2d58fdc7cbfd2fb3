import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { payFormSigningString, type PayForm } from '../protocol/pay-form';
import { startTestServer, type TestServer } from './test-support/test-server';
import { storesUnderTest, type TestStore } from './test-support/test-stores';

const stores = await storesUnderTest();

describe.each(stores)('simple HTML form POST /pay on %s', (_name, open) => {
  let store: TestStore;
  let server: TestServer;
  let secret: string;
  beforeEach(async () => {
    store = await open();
    server = await startTestServer(store);
    const settings = await (await server.merchant('/v1/form')).json();
    expect(settings).toMatchObject({ object: 'pay_form', url: 'http://localhost:4000/pay' });
    secret = settings.secret;
  });
  afterEach(async () => {
    await server.close();
    await store.dispose();
  });

  const fields = (overrides: Partial<PayForm> = {}): Omit<PayForm, 'signature'> => ({
    app: server.appId,
    amount: '2490',
    currency: 'EUR',
    order_id: 'order-77',
    description: 'Espresso beans',
    success_url: 'https://shop.example/thanks',
    cancel_url: 'https://shop.example/cart',
    ...overrides,
  });
  const sign = (form: Omit<PayForm, 'signature'>, key = secret) =>
    createHmac('sha256', key).update(payFormSigningString(form)).digest('hex');
  const post = (form: Record<string, string | undefined>) =>
    fetch(`${server.url}/pay`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(
        Object.entries(form).filter((e): e is [string, string] => e[1] !== undefined),
      ).toString(),
      redirect: 'manual',
    });
  const invoiceCount = async () =>
    (await store.store.db.selectFrom('invoices').select('id').execute()).length;

  async function expectRefused(response: Response, status: number, code: string) {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    const page = await response.text();
    expect(page).toContain(`<code>${code}</code>`);
    expect(page).toContain('Nothing was charged');
    return page;
  }

  it('creates the invoice of a signed form and sends the shopper to its hosted checkout', async () => {
    const form = fields();
    const response = await post({ ...form, signature: sign(form) });
    expect(response.status).toBe(303);
    const location = response.headers.get('location') ?? '';
    expect(location).toMatch(/^http:\/\/localhost:4000\/checkout\/ct_\w+$/);
    const token = location.split('/').pop();
    const summary = await (await fetch(`${server.url}/v1/checkout/${token}`)).json();
    expect(summary).toMatchObject({
      status: 'open',
      amount: 2490,
      currency: 'EUR',
      description: 'Espresso beans',
      success_url: 'https://shop.example/thanks',
      cancel_url: 'https://shop.example/cart',
    });
  });

  it('sends a replayed form to the same invoice: one order, one invoice, never paid twice', async () => {
    const form = fields();
    const first = await post({ ...form, signature: sign(form) });
    const again = await post({ ...form, signature: sign(form) });
    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toBe(first.headers.get('location'));
    expect(await invoiceCount()).toBe(1);
  });

  it('gives a replayed order a new invoice once its old one expired or was canceled unpaid', async () => {
    const form = fields();
    const first = (await post({ ...form, signature: sign(form) })).headers.get('location');
    await server.merchant('/v1/test/clock/advance', { body: { seconds: 2 * 3600 } });
    const second = (await post({ ...form, signature: sign(form) })).headers.get('location');
    expect(second).not.toBe(first);
    expect(await invoiceCount()).toBe(2);
    const token = second!.split('/').pop();
    const summary = await (await fetch(`${server.url}/v1/checkout/${token}`)).json();
    expect(summary.status).toBe('open');
    // Still one payable invoice per order: replaying again reaches the new one.
    expect((await post({ ...form, signature: sign(form) })).headers.get('location')).toBe(second);
  });

  it('refuses a tampered amount, another app and a wrong secret without creating anything', async () => {
    const form = fields();
    const signature = sign(form);
    await expectRefused(
      await post({ ...form, amount: '1', signature }),
      400,
      'invalid_form_signature',
    );
    await expectRefused(
      await post({ ...form, currency: 'USD', signature }),
      400,
      'invalid_form_signature',
    );
    await expectRefused(
      await post({ ...form, app: 'app_0000000000000000000000', signature }),
      400,
      'invalid_form_signature',
    );
    await expectRefused(
      await post({ ...form, signature: sign(form, 'fsk_test_not-the-secret') }),
      400,
      'invalid_form_signature',
    );
    expect(await invoiceCount()).toBe(0);
  });

  it('refuses the same order signed again with another amount', async () => {
    const form = fields();
    await post({ ...form, signature: sign(form) });
    const other = fields({ amount: '9990' });
    await expectRefused(
      await post({ ...other, signature: sign(other) }),
      409,
      'form_order_conflict',
    );
    expect(await invoiceCount()).toBe(1);
  });

  it('names each bad field, escaped, and refuses amounts that are not minor units', async () => {
    const form = fields({ amount: '24.90', order_id: '<script>alert(1)</script>' });
    const page = await expectRefused(
      await post({ ...form, success_url: 'javascript:alert(1)', signature: 'x' }),
      400,
      'invalid_request',
    );
    expect(page).toMatch(/amount: /);
    expect(page).toMatch(/success_url: /);
    expect(page).toMatch(/signature: /);
    expect(page).not.toContain('<script>');
    await expectRefused(await post({ app: server.appId }), 400, 'invalid_request');
    const extra = await expectRefused(
      await post({ ...fields(), signature: sign(fields()), 'shout-this-back': 'x' }),
      400,
      'invalid_request',
    );
    expect(extra).not.toContain('shout-this-back');
    // A line feed could pass one field off as another in the signing string.
    const forged = fields({ description: 'Gift\nsuccess_url=https://evil.example' });
    await expectRefused(await post({ ...forged, signature: sign(forged) }), 400, 'invalid_request');
    expect(await invoiceCount()).toBe(0);
  });
});
