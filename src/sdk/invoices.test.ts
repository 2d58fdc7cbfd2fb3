import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PayframeApiError, type Invoice, type Payframe } from './index';
import { startSdkTestServer, type SdkTestServer } from './test-support/sdk-server';

describe('sdk invoices against the payment server', () => {
  let t: SdkTestServer;
  let payframe: Payframe;
  beforeEach(async () => {
    t = await startSdkTestServer();
    payframe = t.client();
  });
  afterEach(() => t.close());

  const lines = [{ name: 'Espresso beans, 1 kg', unit_amount: 2490, quantity: 2 }];

  it('creates an invoice from items and reads it back', async () => {
    const created: Invoice = await payframe.invoices.create({
      currency: 'EUR',
      order_id: 'order-1',
      items: lines,
    });
    expect(created).toMatchObject({ status: 'open', amount: 4980, capture: 'automatic' });
    expect(created.checkout.token).toMatch(/^ct_/);
    expect(await payframe.invoices.get(created.id)).toEqual(created);
  });

  it('cancels an open invoice, then refuses a second cancel with invoice_not_open', async () => {
    const { id } = await payframe.invoices.create({ currency: 'EUR', order_id: 'o', amount: 100 });
    expect((await payframe.invoices.cancel(id)).status).toBe('canceled');
    const error = await payframe.invoices.cancel(id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PayframeApiError);
    expect(error).toMatchObject({ status: 409, code: 'invoice_not_open' });
  });

  it('throws invalid_request naming each bad field', async () => {
    const error = await payframe.invoices
      .create({ currency: 'EUR', order_id: 'o', items: [{ ...lines[0]!, quantity: 0 }] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PayframeApiError);
    const problem = error as PayframeApiError;
    expect(problem).toMatchObject({
      status: 400,
      code: 'invalid_request',
      requestId: expect.stringMatching(/^req_/),
    });
    expect(problem.title).toBe('The request does not match the schema.');
    expect(problem.errors).toEqual([{ path: 'items.0.quantity', message: expect.any(String) }]);
    expect(problem.message).toContain('invalid_request');
  });

  it('throws invoice_not_found for an unknown id', async () => {
    await expect(payframe.invoices.get('inv_doesnotexist1')).rejects.toMatchObject({
      name: 'PayframeApiError',
      status: 404,
      code: 'invoice_not_found',
    });
  });

  it('throws invalid_api_key for a wrong secret key', async () => {
    await expect(
      t.client({ secretKey: 'sk_test_wrong' }).invoices.get('inv_x1234567'),
    ).rejects.toMatchObject({ status: 401, code: 'invalid_api_key' });
  });
});
