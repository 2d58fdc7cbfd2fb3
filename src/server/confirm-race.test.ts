import { afterEach, describe, expect, it } from 'vitest';
import { cardBody, startTestServer, type TestServer } from './test-support/test-server';
import { storesUnderTest, type TestStore } from './test-support/test-stores';

const stores = await storesUnderTest();

describe.each(stores)('concurrent confirms on %s', (_name, open) => {
  let store: TestStore;
  let server: TestServer;
  afterEach(async () => {
    await server.close();
    await store.dispose();
  });

  it('charge an invoice exactly once', async () => {
    store = await open();
    server = await startTestServer(store);
    const invoice = await (
      await server.merchant('/v1/invoices', {
        body: { currency: 'EUR', order_id: 'race', amount: 1000 },
      })
    ).json();
    const answers = await Promise.all(
      Array.from({ length: 12 }, () =>
        fetch(`${server.url}/v1/checkout/${invoice.checkout.token}/confirm`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(cardBody('4242424242424242')),
        }).then(async (r) => ({ status: r.status, body: await r.json() })),
      ),
    );
    const succeeded = answers.filter((a) => a.status === 200 && a.body.status === 'succeeded');
    const refused = answers.filter((a) => a.status === 409);
    expect(succeeded).toHaveLength(1);
    expect(refused).toHaveLength(11);
    for (const answer of refused) {
      expect(['payment_in_progress', 'invoice_not_open']).toContain(answer.body.code);
    }
    const paid = await (await server.merchant(`/v1/invoices/${invoice.id}`)).json();
    expect(paid).toMatchObject({ status: 'paid', payment_id: succeeded[0]?.body.payment_id });
    const payment = await (await server.merchant(`/v1/payments/${paid.payment_id}`)).json();
    expect(payment.transactions).toHaveLength(1);
    const events = await server.services.store.listEvents(server.appId);
    expect(events.filter((e) => e.type === 'payment.succeeded')).toHaveLength(1);
  });
});
