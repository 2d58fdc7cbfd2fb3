import { describe, expect, it } from 'vitest';
import { checkCard } from './card-check';
import { PayframeError } from './payframe-error';

const now = new Date('2026-03-15T12:00:00Z');
const card = { number: '4242 4242 4242 4242', exp_month: 3, exp_year: 2026, cvc: '123' };

function rejection(input: Parameters<typeof checkCard>[0]) {
  try {
    checkCard(input, now);
  } catch (error) {
    if (error instanceof PayframeError) return { code: error.code, errors: error.fieldErrors };
    throw error;
  }
  return null;
}

describe('checkCard', () => {
  it('returns the digits and the brand of every network', () => {
    expect(checkCard(card, now)).toEqual({ pan: '4242424242424242', brand: 'visa' });
    expect(checkCard({ ...card, number: '6362970000457013' }, now).brand).toBe('elo');
    expect(checkCard({ ...card, number: '2200000000000004' }, now).brand).toBe('mir');
    expect(checkCard({ ...card, number: '3782 822463 10005', cvc: '1234' }, now).brand).toBe(
      'amex',
    );
  });

  it('takes a UnionPay number without a Luhn check digit', () => {
    expect(checkCard({ ...card, number: '6200000000000006' }, now).brand).toBe('unionpay');
  });

  it('re-checks number, expiry and security code', () => {
    expect(rejection({ ...card, number: '4242424242424241' })?.code).toBe('invalid_card_number');
    expect(rejection({ ...card, exp_month: 2 })?.code).toBe('invalid_expiry');
    expect(rejection({ ...card, exp_year: 2047 })?.code).toBe('invalid_expiry');
    expect(rejection({ ...card, number: '378282246310005' })?.code).toBe('invalid_cvc');
  });

  it('takes a card without a name, or with a name in any script', () => {
    expect(rejection(card)).toBeNull();
    expect(rejection({ ...card, name: ' 山田　太郎 ' })).toBeNull();
  });

  it('refuses a card number in the name field, naming the field', () => {
    expect(rejection({ ...card, name: '4242 4242 4242 4242' })).toEqual({
      code: 'invalid_request',
      errors: [{ path: 'card.name', message: 'has_digits' }],
    });
    expect(rejection({ ...card, name: '<script>' })?.errors?.[0]?.message).toBe(
      'invalid_characters',
    );
  });
});
