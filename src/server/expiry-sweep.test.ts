import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sweepExpiries } from './domain/expiry-sweep';
import { startTestServer, type TestServer } from './test-support/test-server';
import { storesUnderTest, type TestStore } from './test-support/test-stores';
import { eventTypes, paidPayment } from './test-support/payments';

const stores = await storesUnderTest();

describe.each(stores)('expiry sweep on %s', (_name, open) => {
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

  const advance = (seconds: number) =>
    server.merchant('/v1/test/clock/advance', { body: { seconds } });

  it('expires open invoices past their window with one invoice.expired event each', async () => {
    const created = await server.merchant('/v1/invoices', {
      body: { currency: 'EUR', order_id: 'late', amount: 100 },
    });
    const invoice = await created.json();
    await paidPayment(server, { orderId: 'paid' });
    expect(await (await advance(1800)).json()).toMatchObject({ expired: { invoices: 0 } });
    const answer = await (await advance(1801)).json();
    expect(answer.expired).toEqual({ invoices: 1, authorizations: 0, challenges: 0 });
    const stored = await server.services.store.findInvoice(server.appId, invoice.id);
    expect(stored?.status).toBe('expired');
    const events = await server.services.store.listEvents(server.appId);
    const expired = events.filter((e) => e.type === 'invoice.expired');
    expect(expired).toHaveLength(1);
    expect(JSON.parse(expired[0]!.data)).toMatchObject({ id: invoice.id, status: 'expired' });
  });

  it('expires lapsed authorizations, never captured ones', async () => {
    const authorized = await paidPayment(server, { capture: 'manual', orderId: 'a' });
    const captured = await paidPayment(server, { capture: 'manual', orderId: 'b' });
    await server.merchant(`/v1/payments/${captured}/capture`, { body: {} });
    const answer = await (await advance(7 * 24 * 3600 + 1)).json();
    expect(answer.expired.authorizations).toBe(1);
    const payment = await (await server.merchant(`/v1/payments/${authorized}`)).json();
    expect(payment.status).toBe('expired');
    const other = await (await server.merchant(`/v1/payments/${captured}`)).json();
    expect(other.status).toBe('captured');
  });

  it('writes each expiry once when sweeps run concurrently', async () => {
    for (const order of ['x', 'y', 'z']) {
      await server.merchant('/v1/invoices', {
        body: { currency: 'EUR', order_id: order, amount: 1 },
      });
    }
    await paidPayment(server, { capture: 'manual', orderId: 'w' });
    const clockAhead = server.services.now() + 8 * 24 * 3600 * 1000;
    const services = { ...server.services, now: () => clockAhead };
    const results = await Promise.all(Array.from({ length: 4 }, () => sweepExpiries(services)));
    const total = results.reduce(
      (sum, r) => ({
        invoices: sum.invoices + r.invoices,
        authorizations: sum.authorizations + r.authorizations,
      }),
      { invoices: 0, authorizations: 0 },
    );
    expect(total).toEqual({ invoices: 3, authorizations: 1 });
    const types = await eventTypes(server);
    expect(types.filter((t) => t === 'invoice.expired')).toHaveLength(3);
    expect(types.filter((t) => t === 'payment.expired')).toHaveLength(1);
  });
});
