import { describe, expect, it } from 'vitest';
import { parseCheckoutEvent } from './checkout-events';
import { resultMessageSchema } from './frame-messages';

const result = { type: 'result', outcome: 'succeeded', invoiceId: 'inv_1', paymentId: 'pay_1' };

describe('parseCheckoutEvent', () => {
  it('parses a status event, keeping fields a newer server may add out of the way', () => {
    const data = JSON.stringify({
      status: 'processing',
      invoice_id: 'inv_1',
      payment_id: 'pay_1',
      next: 1,
    });
    expect(parseCheckoutEvent({ type: 'status', data })).toEqual({
      ok: true,
      message: {
        name: 'status',
        data: { status: 'processing', invoice_id: 'inv_1', payment_id: 'pay_1' },
      },
    });
  });

  it('parses a result event as the frame’s own result message', () => {
    const parsed = parseCheckoutEvent({ type: 'result', data: JSON.stringify(result) });
    expect(parsed).toEqual({ ok: true, message: { name: 'result', data: result } });
    expect(resultMessageSchema.safeParse(result).success).toBe(true);
  });

  it.each([
    [{ type: 'message', data: '{}' }, 'unknown event'],
    [{ type: 'status', data: 'not json' }, 'data is not JSON'],
    [
      { type: 'status', data: '{"status":"lost","invoice_id":"inv_1"}' },
      'malformed "status" event',
    ],
    [
      { type: 'result', data: JSON.stringify({ ...result, outcome: 'won' }) },
      'malformed "result" event',
    ],
  ])('rejects %j with a reason', (event, reason) => {
    expect(parseCheckoutEvent(event)).toEqual({ ok: false, reason });
  });
});
