import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Acquirer, AuthorizationRequest } from './acquirer/acquirer';
import { SandboxAcquirer } from './acquirer/sandbox-acquirer';
import { cardBody, startTestServer, type TestServer } from './test-support/test-server';
import { storesUnderTest, type TestStore } from './test-support/test-stores';
import { eventTypes } from './test-support/payments';

const stores = await storesUnderTest();

describe.each(stores)('attempts whose process died mid-call on %s', (_name, open) => {
  let store: TestStore;
  let server: TestServer;
  let sandbox: SandboxAcquirer;
  /** Lets the hung acquirer call end, so the server can close. */
  let release: () => void = () => {};

  beforeEach(async () => {
    store = await open();
    server = await startTestServer(store);
    sandbox = new SandboxAcquirer();
  });
  afterEach(async () => {
    release();
    await server.close();
    await store.dispose();
  });

  /** An acquirer that never answers, as if the process died mid-call; `charge` first or not. */
  function hangingAcquirer(charge: boolean): Acquirer {
    return {
      async authorize(request: AuthorizationRequest) {
        if (charge) await sandbox.authorize(request);
        return new Promise((resolve) => {
          release = () => resolve({ approved: false, code: 'processing_error', reference: '' });
        });
      },
      lookup: (reference) => sandbox.lookup(reference),
    };
  }

  /** Starts a confirm that will hang, and waits until its attempt is saved as processing. */
  async function hungAttempt(customer?: string) {
    const body = {
      currency: 'EUR',
      order_id: 'order-9',
      amount: 1800,
      ...(customer ? { customer } : {}),
    };
    const invoice = await (await server.merchant('/v1/invoices', { body })).json();
    const aborted = new AbortController();
    void fetch(`${server.url}/v1/checkout/${invoice.checkout.token}/confirm`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...cardBody('4242424242424242'), save_card: customer !== undefined }),
      signal: aborted.signal,
    }).catch(() => undefined);
    const processing = () =>
      store.store.db
        .selectFrom('payments')
        .select(['id', 'status'])
        .where('invoice_id', '=', invoice.id)
        .executeTakeFirst();
    await expect.poll(async () => (await processing())?.status).toBe('processing');
    aborted.abort();
    return { invoice, paymentId: (await processing())!.id };
  }

  const advance = (seconds: number) =>
    server.merchant('/v1/test/clock/advance', { body: { seconds } });

  it('saves the consented card when the sweep completes a charged attempt', async () => {
    server.services.acquirer = hangingAcquirer(true);
    const customer = (await (await server.merchant('/v1/customers', { body: {} })).json()).id;
    const { paymentId } = await hungAttempt(customer);
    await advance(150);
    const payment = await (await server.merchant(`/v1/payments/${paymentId}`)).json();
    expect(payment).toMatchObject({ status: 'captured', customer });
    const saved = (await (await server.merchant(`/v1/customers/${customer}`)).json())
      .payment_methods;
    expect(saved.map((m: { id: string }) => m.id)).toEqual([payment.payment_method]);
  });

  it('completes a charged attempt from the acquirer’s record: captured, invoice paid', async () => {
    server.services.acquirer = hangingAcquirer(true);
    const { invoice, paymentId } = await hungAttempt();
    // Not before its time: a slow acquirer is not a dead process.
    await advance(60);
    expect((await store.store.findPayment(server.appId, paymentId))?.status).toBe('processing');
    await advance(90);
    const payment = await (await server.merchant(`/v1/payments/${paymentId}`)).json();
    expect(payment).toMatchObject({
      status: 'captured',
      transactions: [{ type: 'DB', amount: 1800 }],
    });
    const after = await (await server.merchant(`/v1/invoices/${invoice.id}`)).json();
    expect(after).toMatchObject({ status: 'paid', payment_id: paymentId });
    expect(await eventTypes(server)).toEqual(
      expect.arrayContaining(['payment.succeeded', 'invoice.paid']),
    );
    expect(sandbox.charges).toBe(1);
  });

  it('fails an attempt the acquirer never charged and frees its invoice for another try', async () => {
    server.services.acquirer = hangingAcquirer(false);
    const { invoice, paymentId } = await hungAttempt();
    await advance(150);
    const payment = await (await server.merchant(`/v1/payments/${paymentId}`)).json();
    expect(payment).toMatchObject({
      status: 'failed',
      error: { code: 'processing_error', retryable: true },
      transactions: [],
    });
    server.services.acquirer = sandbox;
    const retry = await fetch(`${server.url}/v1/checkout/${invoice.checkout.token}/confirm`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(cardBody('4242424242424242')),
    });
    expect((await retry.json()).status).toBe('succeeded');
  });
});
