import { describe, expect, it } from 'vitest';
import { invoiceTotal } from './invoices';

describe('invoiceTotal', () => {
  it('sums unit amount times quantity in integer minor units', () => {
    expect(
      invoiceTotal({
        items: [
          { name: 'a', unit_amount: 2490, quantity: 2 },
          { name: 'b', unit_amount: 1, quantity: 3 },
        ],
      }),
    ).toBe(4983);
    expect(invoiceTotal({ amount: 700 })).toBe(700);
  });

  it('refuses a total that is zero or beyond the maximum', () => {
    expect(() => invoiceTotal({ items: [{ name: 'free', unit_amount: 0, quantity: 1 }] })).toThrow(
      expect.objectContaining({ code: 'invalid_request' }),
    );
    expect(() =>
      invoiceTotal({ items: [{ name: 'x', unit_amount: 99_999_999_999, quantity: 2 }] }),
    ).toThrow(expect.objectContaining({ code: 'invalid_request' }));
  });
});
