import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SandboxAcquirer } from './acquirer/sandbox-acquirer';
import { disputeSandboxCaptures } from './domain/sandbox-disputes';
import { startTestServer, type TestServer } from './test-support/test-server';
import { storesUnderTest, type TestStore } from './test-support/test-stores';
import { eventTypes, expectProblem, movements, paidPayment } from './test-support/payments';

const stores = await storesUnderTest();

describe.each(stores)('rebill and disputes on %s', (_name, open) => {
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

  const post = (path: string, body?: unknown, headers?: Record<string, string>) =>
    server.merchant(path, { method: 'POST', body, ...(headers ? { headers } : {}) });
  const rebill = (id: string, body: unknown) => post(`/v1/payments/${id}/rebill`, body);
  /** The sandbox behind a connection that drops the first answer, after the card was charged. */
  const loseFirstAnswer = () => {
    const sandbox = new SandboxAcquirer();
    let lose = true;
    server.services.acquirer = {
      async authorize(request) {
        const answer = await sandbox.authorize(request);
        if (!lose) return answer;
        lose = false;
        throw new Error('connection reset after the charge');
      },
      lookup: (reference) => sandbox.lookup(reference),
    };
    return sandbox;
  };
  const test = (id: string, action: string, body?: unknown) =>
    post(`/v1/test/payments/${id}/${action}`, body);

  it('rebills the same card for extra items as an RB transaction', async () => {
    const id = await paidPayment(server);
    const answer = await rebill(id, {
      items: [{ name: 'Gift wrap', unit_amount: 250, quantity: 2 }],
    });
    expect(answer.status).toBe(200);
    const result = await answer.json();
    expect(result).toMatchObject({ status: 'succeeded', payment: { status: 'captured' } });
    expect(movements(result.payment)).toEqual([
      ['DB', 1000],
      ['RB', 500],
    ]);
    expect(result.payment.transactions[1].id).toBe(result.transaction_id);
    // Everything taken from the card can be refunded, and no more.
    await expectProblem(
      await post(`/v1/payments/${id}/refunds`, { amount: 1501 }),
      422,
      'amount_exceeds_captured',
    );
    expect((await post(`/v1/payments/${id}/refunds`, { amount: 1500 })).status).toBe(201);
    expect(await eventTypes(server)).toContain('payment.rebilled');
  });

  it('turns a fully refunded payment into a partly refunded one when rebilled', async () => {
    const id = await paidPayment(server);
    await post(`/v1/payments/${id}/refunds`);
    const result = await (await rebill(id, { amount: 300 })).json();
    expect(result.payment.status).toBe('partially_refunded');
  });

  it('answers a declined rebill with status failed and moves no money', async () => {
    const year = new Date(server.services.now()).getUTCFullYear();
    const id = await paidPayment(server, { cardOverrides: { exp_month: 12, exp_year: year } });
    await post('/v1/test/clock/advance', { seconds: 366 * 24 * 3600 });
    const result = await (await rebill(id, { amount: 300 })).json();
    expect(result).toMatchObject({
      status: 'failed',
      error: { code: 'expired_card', retryable: true },
      payment: { status: 'captured' },
    });
    expect(movements(result.payment)).toEqual([['DB', 1000]]);
    // The declined try stays on the payment's record, with why.
    expect(result.payment.transactions[1]).toMatchObject({
      id: result.transaction_id,
      type: 'RB',
      amount: 300,
      status: 'failed',
      failure_code: 'expired_card',
    });
    expect(await eventTypes(server)).not.toContain('payment.rebilled');
  });

  it('charges once when the acquirer’s answer is lost and the SDK retries with the same key', async () => {
    const id = await paidPayment(server);
    const sandbox = loseFirstAnswer();
    const headers = { 'idempotency-key': 'rebill-gift-wrap-1' };
    const first = await post(`/v1/payments/${id}/rebill`, { amount: 300 }, headers);
    await expectProblem(first, 500, 'internal_error');
    // Recorded as pending and not counted as captured: a refund of it is still refused.
    const pending = await (await server.merchant(`/v1/payments/${id}`)).json();
    expect(pending.transactions[1]).toMatchObject({ type: 'RB', amount: 300, status: 'pending' });
    await expectProblem(
      await post(`/v1/payments/${id}/refunds`, { amount: 1001 }),
      422,
      'amount_exceeds_captured',
    );

    const retry = await post(`/v1/payments/${id}/rebill`, { amount: 300 }, headers);
    expect(retry.status).toBe(200);
    const result = await retry.json();
    expect(result).toMatchObject({
      status: 'succeeded',
      transaction_id: pending.transactions[1].id,
    });
    expect(movements(result.payment)).toEqual([
      ['DB', 1000],
      ['RB', 300],
    ]);
    expect(sandbox.charges).toBe(1);
    expect((await eventTypes(server)).filter((t) => t === 'payment.rebilled')).toHaveLength(1);
    // The key's answer is now stored and replayed, not run again.
    const replay = await post(`/v1/payments/${id}/rebill`, { amount: 300 }, headers);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(await replay.json()).toEqual(result);
    expect(sandbox.charges).toBe(1);
  });

  it('asks the acquirer again on a retry even when the card has expired since the first call', async () => {
    const now = new Date(server.services.now());
    const id = await paidPayment(server, {
      cardOverrides: { exp_month: now.getUTCMonth() + 1, exp_year: now.getUTCFullYear() },
    });
    const sandbox = loseFirstAnswer();
    const headers = { 'idempotency-key': 'rebill-month-end' };
    await expectProblem(
      await post(`/v1/payments/${id}/rebill`, { amount: 400 }, headers),
      500,
      'internal_error',
    );
    await post('/v1/test/clock/advance', { seconds: 40 * 24 * 3600 });
    const result = await (await post(`/v1/payments/${id}/rebill`, { amount: 400 }, headers)).json();
    // The card was charged while still valid: that charge is recorded, not an expiry decline.
    expect(result.status).toBe('succeeded');
    expect(movements(result.payment)).toEqual([
      ['DB', 1000],
      ['RB', 400],
    ]);
    expect(sandbox.charges).toBe(1);
  });

  it('settles a pending rebill nobody retried from the acquirer’s record', async () => {
    const charged = await paidPayment(server);
    const sandbox = loseFirstAnswer();
    await post(`/v1/payments/${charged}/rebill`, { amount: 700 }, { 'idempotency-key': 'rb-1' });
    // No retry comes. The acquirer did charge: after two minutes the sweep records it.
    await post('/v1/test/clock/advance', { seconds: 60 });
    const waiting = await (await server.merchant(`/v1/payments/${charged}`)).json();
    expect(waiting.transactions[1]).toMatchObject({ type: 'RB', status: 'pending' });
    await post('/v1/test/clock/advance', { seconds: 90 });
    const settled = await (await server.merchant(`/v1/payments/${charged}`)).json();
    expect(movements(settled)).toEqual([
      ['DB', 1000],
      ['RB', 700],
    ]);
    expect(sandbox.charges).toBe(1);
    expect(await eventTypes(server)).toContain('payment.rebilled');

    // A call that never reached the acquirer leaves no charge on record: the RB fails.
    const other = await paidPayment(server, { orderId: 'order-2' });
    server.services.acquirer = {
      authorize: () => Promise.reject(new Error('connection refused')),
      lookup: (reference) => sandbox.lookup(reference),
    };
    await post(`/v1/payments/${other}/rebill`, { amount: 300 });
    await post('/v1/test/clock/advance', { seconds: 150 });
    const failed = await (await server.merchant(`/v1/payments/${other}`)).json();
    expect(failed.transactions[1]).toMatchObject({
      type: 'RB',
      status: 'failed',
      failure_code: 'processing_error',
    });
    expect(movements(failed)).toEqual([['DB', 1000]]);
  });

  it('keeps a freed key usable by its own retry when another amount was sent with it meanwhile', async () => {
    const id = await paidPayment(server);
    const sandbox = loseFirstAnswer();
    const headers = { 'idempotency-key': 'rebill-mixed-up' };
    await post(`/v1/payments/${id}/rebill`, { amount: 300 }, headers);
    await expectProblem(
      await post(`/v1/payments/${id}/rebill`, { amount: 999 }, headers),
      422,
      'idempotency_key_reused',
    );
    const retry = await (await post(`/v1/payments/${id}/rebill`, { amount: 300 }, headers)).json();
    expect(retry.status).toBe('succeeded');
    expect(sandbox.charges).toBe(1);
  });

  it('charges once when saving the approved answer fails and the retry finds the charge', async () => {
    const id = await paidPayment(server);
    const sandbox = new SandboxAcquirer();
    server.services.acquirer = sandbox;
    const { store } = server.services;
    const realChange = store.changePayment.bind(store);
    let failNextSettle = true;
    store.changePayment = (appId, paymentId, now, decide) =>
      realChange(appId, paymentId, now, (current) => {
        const change = decide(current);
        if (change.settle && failNextSettle) {
          failNextSettle = false;
          throw new Error('disk I/O error');
        }
        return change;
      });
    try {
      const headers = { 'idempotency-key': 'rebill-gift-wrap-2' };
      await expectProblem(
        await post(`/v1/payments/${id}/rebill`, { amount: 250 }, headers),
        500,
        'internal_error',
      );
      const result = await (
        await post(`/v1/payments/${id}/rebill`, { amount: 250 }, headers)
      ).json();
      expect(result.status).toBe('succeeded');
      expect(movements(result.payment)).toEqual([
        ['DB', 1000],
        ['RB', 250],
      ]);
      expect(sandbox.charges).toBe(1);
      // The same key with another amount is another request, not a retry.
      await expectProblem(
        await post(`/v1/payments/${id}/rebill`, { amount: 999 }, headers),
        422,
        'idempotency_key_reused',
      );
      expect(sandbox.charges).toBe(1);
    } finally {
      store.changePayment = realChange;
    }
  });

  it('refuses to rebill what was never captured, and bad bodies', async () => {
    const id = await paidPayment(server, { capture: 'manual' });
    await expectProblem(await rebill(id, { amount: 100 }), 409, 'payment_not_rebillable');
    await expectProblem(await rebill(id, {}), 400, 'invalid_request');
    await expectProblem(await rebill(id, { amount: 1, items: [] }), 400, 'invalid_request');
    await expectProblem(await rebill(id, { amount: 0 }), 400, 'invalid_request');
    await expectProblem(await rebill(id, { amount: 100, card: '4' }), 400, 'invalid_request');
    await expectProblem(await rebill('pay_doesnotexist1', { amount: 1 }), 404, 'payment_not_found');
  });

  it('disputes the test card 4000 0000 0000 0259 a moment after capture, once', async () => {
    const debit = await paidPayment(server, { card: '4000000000000259' });
    const manual = await paidPayment(server, { card: '4000000000000259', capture: 'manual' });
    const plain = await paidPayment(server, { card: '4242424242424242' });
    const status = async (id: string) =>
      (await (await server.merchant(`/v1/payments/${id}`)).json()).status;
    // Not at once: the shopper's bank takes a moment.
    expect(await disputeSandboxCaptures(server.services)).toBe(0);
    await post('/v1/test/clock/advance', { seconds: 3 });
    expect(await status(debit)).toBe('disputed');
    // An authorization is disputed only once captured, and then only after the moment.
    expect(await status(manual)).toBe('authorized');
    await post(`/v1/payments/${manual}/capture`, { amount: 600 });
    expect(await disputeSandboxCaptures(server.services)).toBe(0);
    await post('/v1/test/clock/advance', { seconds: 3 });
    const disputed = await (await server.merchant(`/v1/payments/${manual}`)).json();
    expect(disputed.status).toBe('disputed');
    expect(movements(disputed)).toEqual([
      ['PA', 1000],
      ['CP', 600],
      ['CB', 600],
    ]);
    expect(await status(plain)).toBe('captured');
    // An ordinary reference that merely looks like the dispute card's under LIKE is not disputed.
    await store.store.db
      .updateTable('transactions')
      .set({ acquirer_reference: 'sbx_cBxlookalike0000' })
      .where('payment_id', '=', plain)
      .execute();
    await post('/v1/test/clock/advance', { seconds: 3 });
    expect(await status(plain)).toBe('captured');
    // A won dispute is not disputed again.
    await post(`/v1/test/payments/${debit}/chargeback-reversal`);
    await post('/v1/test/clock/advance', { seconds: 3 });
    expect(await status(debit)).toBe('dispute_reversed');
    expect((await eventTypes(server)).filter((t) => t === 'payment.disputed')).toHaveLength(2);
  });

  it('charges back a captured payment, then reverses the chargeback', async () => {
    const id = await paidPayment(server);
    await post(`/v1/payments/${id}/refunds`, { amount: 200 });
    await expectProblem(
      await test(id, 'chargeback', { amount: 801 }),
      422,
      'amount_exceeds_captured',
    );
    const disputed = await (await test(id, 'chargeback', {})).json();
    expect(disputed.status).toBe('disputed');
    expect(movements(disputed)).toEqual([
      ['DB', 1000],
      ['RF', 200],
      ['CB', 800],
    ]);
    const check = await post(`/v1/payments/${id}/validate`, {
      amount: 1000,
      currency: 'EUR',
      order_id: 'order-1',
    });
    expect(await check.json()).toMatchObject({ valid: false, reasons: ['payment_disputed'] });
    await expectProblem(await post(`/v1/payments/${id}/refunds`), 409, 'payment_not_refundable');
    await expectProblem(await test(id, 'chargeback'), 409, 'payment_not_disputable');

    const reversed = await (await test(id, 'chargeback-reversal')).json();
    expect(reversed.status).toBe('dispute_reversed');
    expect(movements(reversed).at(-1)).toEqual(['CR', 800]);
    await expectProblem(await test(id, 'dispute-lost'), 409, 'payment_not_disputed');
    const types = await eventTypes(server);
    expect(types.filter((t) => t.startsWith('payment.dispute'))).toEqual([
      'payment.disputed',
      'payment.dispute_reversed',
    ]);
  });

  it('records a lost dispute without moving money back', async () => {
    const id = await paidPayment(server);
    await test(id, 'chargeback', { amount: 400 });
    const lost = await (await test(id, 'dispute-lost', {})).json();
    expect(lost.status).toBe('dispute_lost');
    expect(movements(lost)).toEqual([
      ['DB', 1000],
      ['CB', 400],
    ]);
    await expectProblem(await test(id, 'chargeback-reversal'), 409, 'payment_not_disputed');
    expect(await eventTypes(server)).toContain('payment.dispute_lost');
  });

  it('refuses chargebacks of authorizations, refunded payments and bad bodies', async () => {
    const authorized = await paidPayment(server, { capture: 'manual' });
    await expectProblem(await test(authorized, 'chargeback'), 409, 'payment_not_disputable');
    const refunded = await paidPayment(server, { orderId: 'order-2' });
    await post(`/v1/payments/${refunded}/refunds`);
    await expectProblem(await test(refunded, 'chargeback'), 409, 'payment_not_disputable');
    await expectProblem(
      await test(refunded, 'chargeback', { reason: 'fraudulent' }),
      400,
      'invalid_request',
    );
    await expectProblem(await test(refunded, 'dispute-lost', { a: 1 }), 400, 'invalid_request');
  });
});
