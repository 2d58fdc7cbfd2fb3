import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cardBody, startTestServer, type TestServer } from './test-support/test-server';
import { storesUnderTest, type TestStore } from './test-support/test-stores';
import { eventTypes, expectProblem, movements } from './test-support/payments';

const stores = await storesUnderTest();

describe.each(stores)('server-to-server payments on %s', (_name, open) => {
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

  async function invoice(orderId = 'order-s2s'): Promise<string> {
    const created = await server.merchant('/v1/invoices', {
      body: { currency: 'EUR', order_id: orderId, amount: 2500 },
    });
    return (await created.json()).id;
  }
  const pay = (body: unknown) => server.merchant('/v1/payments', { body });
  const card = (number = '4242424242424242') => cardBody(number).card;

  it('debits an invoice (DB) and pays it', async () => {
    const id = await invoice();
    const answer = await pay({ invoice: id, type: 'DB', card: card() });
    expect(answer.status).toBe(201);
    const payment = await answer.json();
    expect(payment).toMatchObject({
      object: 'payment',
      status: 'captured',
      invoice_id: id,
      amount: 2500,
      order_id: 'order-s2s',
      card: { brand: 'visa', last4: '4242' },
      action: null,
    });
    expect(movements(payment)).toEqual([['DB', 2500]]);
    const paid = await (await server.merchant(`/v1/invoices/${id}`)).json();
    expect(paid).toMatchObject({ status: 'paid', payment_id: payment.id });
    await expectProblem(
      await pay({ invoice: id, type: 'DB', card: card() }),
      409,
      'invoice_not_open',
    );
  });

  it('pre-authorizes (PA) whatever the invoice capture mode says, then captures', async () => {
    const id = await invoice();
    const payment = await (await pay({ invoice: id, type: 'PA', card: card() })).json();
    expect(payment.status).toBe('authorized');
    const captured = await server.merchant(`/v1/payments/${payment.id}/capture`, { body: {} });
    expect(movements(await captured.json())).toEqual([
      ['PA', 2500],
      ['CP', 2500],
    ]);
    expect(await eventTypes(server)).toEqual([
      'payment.authorized',
      'payment.succeeded',
      'invoice.paid',
      'payment.captured',
    ]);
  });

  it('answers a decline as a failed payment and lets the invoice be paid again', async () => {
    const id = await invoice();
    const declined = await pay({ invoice: id, type: 'DB', card: card('4000000000009995') });
    expect(declined.status).toBe(201);
    expect(await declined.json()).toMatchObject({
      status: 'failed',
      error: { code: 'insufficient_funds', retryable: true },
      transactions: [],
    });
    const retried = await pay({ invoice: id, type: 'DB', card: card() });
    expect((await retried.json()).status).toBe('captured');
  });

  it('re-validates card data and never stores the number in clear', async () => {
    const id = await invoice();
    const bad = (overrides: object) =>
      pay({ invoice: id, type: 'DB', card: { ...card(), ...overrides } });
    await expectProblem(await bad({ number: '4242424242424241' }), 400, 'invalid_card_number');
    await expectProblem(await bad({ exp_year: 2001 }), 400, 'invalid_expiry');
    await expectProblem(await bad({ cvc: '12' }), 400, 'invalid_request');
    const noName = { ...card() } as Record<string, unknown>;
    delete noName.name;
    expect((await pay({ invoice: id, type: 'DB', card: noName })).status).toBe(201);
    const rows = await store.store.db.selectFrom('vault_cards').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain('4242424242424242');
  });

  it('refuses bad bodies, unknown and expired invoices', async () => {
    const id = await invoice();
    await expectProblem(
      await pay({ invoice: id, type: 'XX', card: card() }),
      400,
      'invalid_request',
    );
    await expectProblem(await pay({ invoice: id, card: card() }), 400, 'invalid_request');
    await expectProblem(
      await pay({ invoice: id, type: 'DB', card: card(), extra: 1 }),
      400,
      'invalid_request',
    );
    await expectProblem(
      await pay({ invoice: id, type: 'DB', card: card(), shopper_result_url: 'javascript:x' }),
      400,
      'invalid_request',
    );
    await expectProblem(
      await pay({ invoice: 'inv_doesnotexist1', type: 'DB', card: card() }),
      404,
      'invoice_not_found',
    );
    await server.merchant('/v1/test/clock/advance', { body: { seconds: 2 * 3600 } });
    await expectProblem(
      await pay({ invoice: id, type: 'DB', card: card() }),
      409,
      'invoice_expired',
    );
  });

  it('replays the stored answer for a repeated Idempotency-Key', async () => {
    const id = await invoice();
    const send = () =>
      fetch(`${server.url}/v1/payments`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${server.secretKey}`,
          'content-type': 'application/json',
          'idempotency-key': 's2s-1',
        },
        body: JSON.stringify({ invoice: id, type: 'DB', card: card() }),
      });
    const first = await send();
    const again = await send();
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(await first.json());
  });
});
