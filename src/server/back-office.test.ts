import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cardBody, startTestServer, type TestServer } from './test-support/test-server';
import { storesUnderTest, type TestStore } from './test-support/test-stores';

const stores = await storesUnderTest();

describe.each(stores)('back office on %s', (_name, open) => {
  let store: TestStore;
  let server: TestServer;
  beforeEach(async () => {
    store = await open();
    server = await startTestServer(store);
  });
  afterEach(async () => {
    await server.close();
    await store.dispose();
  });

  /** A paid invoice of 1000 minor units; `manual` leaves the payment authorized. */
  async function pay(capture: 'automatic' | 'manual'): Promise<string> {
    const invoice = await (
      await server.merchant('/v1/invoices', {
        body: { currency: 'EUR', order_id: 'bo-1', amount: 1000, capture },
      })
    ).json();
    const result = await (
      await fetch(`${server.url}/v1/checkout/${invoice.checkout.token}/confirm`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(cardBody('4242424242424242')),
      })
    ).json();
    expect(result.status).toBe('succeeded');
    return result.payment_id;
  }

  const op = (id: string, action: string, body?: unknown) =>
    server.merchant(`/v1/payments/${id}/${action}`, { method: 'POST', body });

  async function expectCode(response: Response, status: number, code: string) {
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ code });
  }

  it('captures part of an authorization once and refuses a second capture', async () => {
    const id = await pay('manual');
    await expectCode(await op(id, 'capture', { amount: 1001 }), 422, 'amount_exceeds_authorized');
    const captured = await op(id, 'capture', { amount: 600 });
    expect(captured.status).toBe(200);
    expect(await captured.json()).toMatchObject({
      status: 'captured',
      transactions: [
        { type: 'PA', amount: 1000 },
        { type: 'CP', amount: 600 },
      ],
    });
    await expectCode(await op(id, 'capture'), 409, 'payment_not_capturable');
    await expectCode(await op(id, 'refunds', { amount: 601 }), 422, 'amount_exceeds_captured');
    expect((await op(id, 'refunds')).status).toBe(201);
  });

  it('voids an authorization, with no body, and then refuses to capture it', async () => {
    const id = await pay('manual');
    const voided = await op(id, 'void');
    expect(await voided.json()).toMatchObject({
      status: 'voided',
      transactions: [{ type: 'PA' }, { type: 'RV', amount: 1000 }],
    });
    await expectCode(await op(id, 'capture'), 409, 'payment_not_capturable');
    await expectCode(await op(id, 'void'), 409, 'payment_not_voidable');
  });

  it('refunds in parts, never above what was captured', async () => {
    const id = await pay('automatic');
    await expectCode(await op(id, 'void'), 409, 'payment_not_voidable');
    expect(await (await op(id, 'refunds', { amount: 300 })).json()).toMatchObject({
      status: 'partially_refunded',
    });
    await expectCode(await op(id, 'refunds', { amount: 701 }), 422, 'amount_exceeds_captured');
    const rest = await (await op(id, 'refunds')).json();
    expect(rest.status).toBe('refunded');
    expect(
      rest.transactions.map((t: { type: string; amount: number }) => [t.type, t.amount]),
    ).toEqual([
      ['DB', 1000],
      ['RF', 300],
      ['RF', 700],
    ]);
    await expectCode(await op(id, 'refunds', { amount: 1 }), 409, 'payment_not_refundable');
    const check = await op(id, 'validate', { amount: 1000, currency: 'EUR', order_id: 'bo-1' });
    expect(await check.json()).toMatchObject({ valid: false, reasons: ['payment_refunded'] });
    const types = (await server.services.store.listEvents(server.appId)).map((e) => e.type);
    expect(types.filter((t) => t === 'payment.refunded')).toHaveLength(2);
  });

  it('rejects bad amounts and unknown fields without changing anything', async () => {
    const id = await pay('manual');
    await expectCode(await op(id, 'capture', { amount: 10.5 }), 400, 'invalid_request');
    await expectCode(await op(id, 'capture', { amount: 0 }), 400, 'invalid_request');
    await expectCode(await op(id, 'void', { force: true }), 400, 'invalid_request');
    await expectCode(await op('pay_doesnotexist1', 'void'), 404, 'payment_not_found');
    const payment = await (await server.merchant(`/v1/payments/${id}`)).json();
    expect(payment).toMatchObject({ status: 'authorized', transactions: [{ type: 'PA' }] });
  });

  it('expires an authorization past its seven-day window instead of capturing it', async () => {
    const id = await pay('manual');
    const advance = (seconds: number) =>
      server.merchant('/v1/test/clock/advance', { body: { seconds } });
    expect((await advance(7 * 24 * 3600 - 60)).status).toBe(200);
    const stillOpen = await (await server.merchant(`/v1/payments/${id}`)).json();
    expect(stillOpen.status).toBe('authorized');
    await advance(120);
    const check = await op(id, 'validate', { amount: 1000, currency: 'EUR', order_id: 'bo-1' });
    expect(await check.json()).toMatchObject({ valid: false, reasons: ['payment_not_succeeded'] });
    await expectCode(await op(id, 'capture'), 409, 'payment_not_capturable');
    const payment = await (await server.merchant(`/v1/payments/${id}`)).json();
    expect(payment).toMatchObject({ status: 'expired', transactions: [{ type: 'PA' }] });
    await expectCode(await op(id, 'void'), 409, 'payment_not_voidable');
    const types = (await server.services.store.listEvents(server.appId)).map((e) => e.type);
    expect(types.filter((t) => t === 'payment.expired')).toHaveLength(1);
  });

  it('captures within the window after the clock moved', async () => {
    const id = await pay('manual');
    await server.merchant('/v1/test/clock/advance', { body: { seconds: 6 * 24 * 3600 } });
    expect((await op(id, 'capture')).status).toBe(200);
  });

  it('lets exactly three of fifty concurrent 300 refunds through on 1000', async () => {
    const id = await pay('automatic');
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => op(id, 'refunds', { amount: 300 })),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(3);
    expect(statuses.filter((s) => s === 422)).toHaveLength(47);
    const payment = await (await server.merchant(`/v1/payments/${id}`)).json();
    const refunded = payment.transactions
      .filter((t: { type: string }) => t.type === 'RF')
      .reduce((sum: number, t: { amount: number }) => sum + t.amount, 0);
    expect(refunded).toBe(900);
    expect(payment.status).toBe('partially_refunded');
  });

  it('lets exactly one of fifty racing captures and voids win', async () => {
    const id = await pay('manual');
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => op(id, i % 2 ? 'void' : 'capture')),
    );
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(49);
    const payment = await (await server.merchant(`/v1/payments/${id}`)).json();
    expect(payment.transactions).toHaveLength(2);
  });

  it('keeps the invariants under fifty mixed captures, voids and refunds at once', async () => {
    const id = await pay('manual');
    const requests = Array.from({ length: 50 }, (_, i) =>
      [
        () => op(id, 'capture', { amount: 700 }),
        () => op(id, 'void'),
        () => op(id, 'refunds', { amount: 300 }),
      ][i % 3]!(),
    );
    const answers = await Promise.all(requests);
    const payment = await (await server.merchant(`/v1/payments/${id}`)).json();
    const moved = payment.transactions.map((t: { type: string; amount: number }) => t.type);
    const sum = (type: string) =>
      payment.transactions
        .filter((t: { type: string }) => t.type === type)
        .reduce((total: number, t: { amount: number }) => total + t.amount, 0);
    // Exactly one of capture and void won; refunds only after a capture, never above it.
    expect(moved.filter((t: string) => t === 'CP' || t === 'RV')).toHaveLength(1);
    expect(sum('RF')).toBeLessThanOrEqual(sum('CP'));
    if (moved.includes('RV')) expect(sum('RF')).toBe(0);
    expect(moved.indexOf('RF') === -1 || moved.indexOf('RF') > moved.indexOf('CP')).toBe(true);
    // Every success left exactly one transaction; every refusal is a clean 409/422.
    const succeeded = answers.filter((a) => a.status === 200 || a.status === 201);
    expect(succeeded).toHaveLength(payment.transactions.length - 1);
    expect(answers.every((a) => [200, 201, 409, 422].includes(a.status))).toBe(true);
    const events = (await server.services.store.listEvents(server.appId)).length;
    expect(events).toBe(3 + succeeded.length);
  });
});
