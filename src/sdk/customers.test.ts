import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cardBody } from '../server/test-support/test-server';
import { PayframeApiError, type CreatedPayment, type Customer, type Payframe } from './index';
import { startSdkTestServer, type SdkTestServer } from './test-support/sdk-server';

describe('sdk customers and MIT against the payment server', () => {
  let t: SdkTestServer;
  let payframe: Payframe;
  beforeEach(async () => {
    t = await startSdkTestServer();
    payframe = t.client();
  });
  afterEach(() => t.close());

  /** The shopper pays the customer's first invoice in the frame and ticks "save this card". */
  async function shopperSavesCard(customer: string): Promise<string> {
    const invoice = await payframe.invoices.create({
      currency: 'EUR',
      order_id: 'first',
      amount: 900,
      customer,
    });
    const answer = await fetch(`${t.server.url}/v1/checkout/${invoice.checkout.token}/confirm`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...cardBody('5555555555554444'), save_card: true }),
    });
    const paymentId = ((await answer.json()) as { payment_id: string }).payment_id;
    return (await payframe.payments.get(paymentId)).payment_method!;
  }

  it('creates a customer, charges their saved card without them, and detaches it', async () => {
    const customer: Customer = await payframe.customers.create({ email: 'ada@example.com' });
    expect(customer).toMatchObject({ email: 'ada@example.com', payment_methods: [] });
    const saved = await shopperSavesCard(customer.id);
    const read = await payframe.customers.get(customer.id);
    expect(read.payment_methods.map((m) => [m.id, m.card.brand, m.card.last4])).toEqual([
      [saved, 'mastercard', '4444'],
    ]);

    const renewal = await payframe.invoices.create({
      currency: 'EUR',
      order_id: 'renewal-1',
      amount: 900,
      customer: customer.id,
    });
    const payment: CreatedPayment = await payframe.invoices.pay(
      renewal.id,
      { customer: customer.id, payment_method: saved },
      { idempotencyKey: 'renewal-1' },
    );
    expect(payment).toMatchObject({ status: 'captured', initiator: 'merchant', action: null });
    // The same key again answers the same payment instead of charging twice.
    const retried = await payframe.invoices.pay(
      renewal.id,
      { customer: customer.id, payment_method: saved },
      { idempotencyKey: 'renewal-1' },
    );
    expect(retried.id).toBe(payment.id);

    const after = await payframe.customers.detachPaymentMethod(customer.id, saved);
    expect(after.payment_methods).toEqual([]);
    const next = await payframe.invoices.create({
      currency: 'EUR',
      order_id: 'renewal-2',
      amount: 900,
      customer: customer.id,
    });
    const refused = await payframe.invoices
      .pay(next.id, { customer: customer.id, payment_method: saved })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(PayframeApiError);
    expect((refused as PayframeApiError).code).toBe('payment_method_not_found');
  });
});
