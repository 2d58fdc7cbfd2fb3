import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cardBody } from '../server/test-support/test-server';
import {
  PayframeApiError,
  type Payframe,
  type Payment,
  type RebillResult,
  type ValidationResult,
} from './index';
import { startSdkTestServer, type SdkTestServer } from './test-support/sdk-server';

const movements = (payment: Payment) => payment.transactions.map((t) => [t.type, t.amount]);

describe('sdk payments against the payment server', () => {
  let t: SdkTestServer;
  let payframe: Payframe;
  beforeEach(async () => {
    t = await startSdkTestServer();
    payframe = t.client();
  });
  afterEach(() => t.close());

  /** An invoice created with the SDK and paid through the checkout's confirm, like a shopper. */
  async function paid(capture: 'automatic' | 'manual' = 'automatic'): Promise<string> {
    const invoice = await payframe.invoices.create({
      currency: 'EUR',
      order_id: 'order-7',
      amount: 1000,
      capture,
    });
    return t.confirm(invoice.checkout.token);
  }

  it('reads a paid payment with its transactions and validates it', async () => {
    const id = await paid();
    const payment: Payment = await payframe.payments.get(id);
    expect(payment).toMatchObject({ status: 'captured', amount: 1000, order_id: 'order-7' });
    expect(payment.card.last4).toBe('4242');
    expect(movements(payment)).toEqual([['DB', 1000]]);
    const result: ValidationResult = await payframe.payments.validate(id, {
      amount: 1000,
      currency: 'EUR',
      order_id: 'order-7',
    });
    expect(result).toMatchObject({ valid: true, reasons: [], payment: { id } });
  });

  it('answers a mismatch as valid: false with its reasons, not as an error', async () => {
    const id = await paid();
    const result = await payframe.payments.validate(id, {
      amount: 999,
      currency: 'EUR',
      order_id: 'order-8',
    });
    expect(result.valid).toBe(false);
    expect(result.reasons).toEqual(['amount_mismatch', 'order_id_mismatch']);
  });

  it('captures part of an authorization, then refunds part and the rest', async () => {
    const id = await paid('manual');
    expect((await payframe.payments.get(id)).status).toBe('authorized');
    const captured = await payframe.payments.capture(id, { amount: 600 });
    expect(captured.status).toBe('captured');
    const partly = await payframe.payments.refund(id, { amount: 100 });
    expect(partly.status).toBe('partially_refunded');
    const refunded = await payframe.payments.refund(id);
    expect(refunded.status).toBe('refunded');
    expect(movements(refunded)).toEqual([
      ['PA', 1000],
      ['CP', 600],
      ['RF', 100],
      ['RF', 500],
    ]);
  });

  it('voids an authorization', async () => {
    const id = await paid('manual');
    const voided = await payframe.payments.void(id);
    expect(voided.status).toBe('voided');
    expect(movements(voided)).toEqual([
      ['PA', 1000],
      ['RV', 1000],
    ]);
  });

  it('throws payment_not_capturable for a payment already captured', async () => {
    const id = await paid();
    const error = await payframe.payments.capture(id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PayframeApiError);
    expect(error).toMatchObject({ status: 409, code: 'payment_not_capturable', errors: [] });
  });

  it('throws payment_not_found for an unknown payment', async () => {
    await expect(payframe.payments.get('pay_doesnotexist1')).rejects.toMatchObject({
      status: 404,
      code: 'payment_not_found',
    });
  });

  it('creates a server-to-server payment (PA) and captures it', async () => {
    const invoice = await payframe.invoices.create({ currency: 'EUR', order_id: 'o', amount: 700 });
    const payment = await payframe.payments.create({
      invoice: invoice.id,
      type: 'PA',
      card: cardBody('4242424242424242').card,
    });
    expect(payment).toMatchObject({ status: 'authorized', invoice_id: invoice.id, action: null });
    expect((await payframe.payments.capture(payment.id)).status).toBe('captured');
  });

  it('answers a declined server-to-server payment as a failed payment', async () => {
    const invoice = await payframe.invoices.create({ currency: 'EUR', order_id: 'o', amount: 700 });
    const payment = await payframe.payments.create({
      invoice: invoice.id,
      type: 'DB',
      card: cardBody('4000000000000002').card,
    });
    expect(payment.status).toBe('failed');
    expect(payment.error).toMatchObject({ code: 'card_declined', retryable: true });
  });

  it('rebills a captured payment as an RB transaction', async () => {
    const id = await paid();
    const result: RebillResult = await payframe.payments.rebill(id, { amount: 300 });
    if (result.status !== 'succeeded') throw new Error(`rebill ${result.status}`);
    expect(result.transaction_id).toMatch(/^txn_/);
    expect(movements(result.payment)).toEqual([
      ['DB', 1000],
      ['RB', 300],
    ]);
  });
});
