import { describe, expect, it } from 'vitest';
import type { CheckoutStatusRecord } from '../store/records';
import { checkoutState } from './checkout-status';

const NOW = 1_700_000_000_000;
const MAX_FAILED = 3;

function record(
  invoice: Partial<CheckoutStatusRecord['invoice']> = {},
  attempt: CheckoutStatusRecord['attempt'] = null,
  failedAttempts = 0,
): CheckoutStatusRecord {
  return {
    invoice: {
      id: 'inv_1',
      app_id: 'app_1',
      status: 'open',
      checkout_token: 'ct_1',
      checkout_expires_at: NOW + 60_000,
      processing_payment_id: null,
      paid_payment_id: null,
      ...invoice,
    },
    attempt,
    failedAttempts,
  };
}
const state = (r: CheckoutStatusRecord) => checkoutState(r, NOW, MAX_FAILED);
const failed = (code: string) => ({ id: 'pay_9', status: 'failed', error_code: code });

describe('checkoutState', () => {
  it('is open, with no outcome, before any attempt', () => {
    expect(state(record())).toEqual({
      status: { status: 'open', invoice_id: 'inv_1' },
      result: null,
    });
  });

  it('follows the attempt holding the invoice, even past the checkout window', () => {
    const held = { processing_payment_id: 'pay_2', checkout_expires_at: NOW - 1 };
    expect(state(record(held, { id: 'pay_2', status: 'processing', error_code: null }))).toEqual({
      status: { status: 'processing', invoice_id: 'inv_1', payment_id: 'pay_2' },
      result: null,
    });
    const challenged = { id: 'pay_2', status: 'requires_action', error_code: null };
    expect(state(record(held, challenged)).status.status).toBe('requires_action');
  });

  it('ends as succeeded with the paying payment once paid', () => {
    expect(state(record({ status: 'paid', paid_payment_id: 'pay_3' }))).toEqual({
      status: { status: 'paid', invoice_id: 'inv_1', payment_id: 'pay_3', outcome: 'succeeded' },
      result: { type: 'result', outcome: 'succeeded', invoiceId: 'inv_1', paymentId: 'pay_3' },
    });
  });

  it.each([
    ['canceled', { status: 'canceled' }, 'invoice_not_open'],
    ['expired by the sweep', { status: 'expired' }, 'checkout_expired'],
    ['past its window', { checkout_expires_at: NOW }, 'checkout_expired'],
  ])('ends %s as the frame does: failed, not retryable', (_name, invoice, code) => {
    const { status, result } = state(record(invoice));
    expect(status).toMatchObject({ outcome: 'failed', error: { code, retryable: false } });
    expect(result).toMatchObject({ outcome: 'failed', error: { code, retryable: false } });
    expect(result).not.toHaveProperty('paymentId');
  });

  it('stays open after a decline the shopper may retry, saying which attempt failed', () => {
    expect(state(record({}, failed('insufficient_funds'), 1))).toEqual({
      status: {
        status: 'open',
        invoice_id: 'inv_1',
        payment_id: 'pay_9',
        outcome: 'failed',
        error: {
          code: 'insufficient_funds',
          message: 'The card has insufficient funds.',
          retryable: true,
        },
      },
      result: null,
    });
  });

  it('ends once failed attempts reach the lock', () => {
    expect(state(record({}, failed('card_declined'), MAX_FAILED)).result).toEqual({
      type: 'result',
      outcome: 'failed',
      invoiceId: 'inv_1',
      error: {
        code: 'too_many_attempts',
        message: 'Too many failed attempts for this checkout.',
        retryable: false,
      },
    });
  });

  it('ends on an attempt no retry mends, as the frame does on its answer', () => {
    expect(state(record({}, failed('order_check_failed'))).result).toMatchObject({
      outcome: 'failed',
      paymentId: 'pay_9',
      error: { code: 'order_check_failed', retryable: false },
    });
  });
});
