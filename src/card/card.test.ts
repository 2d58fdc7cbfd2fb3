import { describe, expect, it } from 'vitest';
import {
  cardNumberProblem,
  cvcValid,
  detectBrand,
  formatCardNumber,
  isExpired,
  isTooFarAhead,
  luhnValid,
  parseExpiry,
} from '.';

describe('luhn', () => {
  it.each(['4242424242424242', '5555555555554444', '378282246310005', '4000000000000002'])(
    'accepts %s',
    (n) => expect(luhnValid(n)).toBe(true),
  );
  it.each(['4242424242424241', '1234567812345678', '', '42a2'])('rejects %s', (n) =>
    expect(luhnValid(n)).toBe(false),
  );
});

describe('brands', () => {
  it.each([
    ['4', 'visa'],
    ['5105', 'mastercard'],
    ['2221', 'mastercard'],
    ['2720', 'mastercard'],
    ['2721', 'unknown'],
    ['34', 'amex'],
    ['37', 'amex'],
    ['6011', 'unknown'],
  ])('%s → %s', (prefix, brand) => expect(detectBrand(prefix).brand).toBe(brand));

  it('groups Amex 4-6-5 and others in fours', () => {
    expect(formatCardNumber('378282246310005')).toBe('3782 822463 10005');
    expect(formatCardNumber('4242-4242 4242 4242')).toBe('4242 4242 4242 4242');
    expect(formatCardNumber('42424')).toBe('4242 4');
  });
});

describe('card number', () => {
  it('names the problem', () => {
    expect(cardNumberProblem('')).toBe('empty');
    expect(cardNumberProblem('4242 42x2')).toBe('not_digits');
    expect(cardNumberProblem('424242424242')).toBe('wrong_length');
    expect(cardNumberProblem('4242424242424241')).toBe('failed_checksum');
    expect(cardNumberProblem('4242 4242 4242 4242')).toBeNull();
    expect(cardNumberProblem('3782-822463-10005')).toBeNull();
  });
});

describe('expiry', () => {
  it.each([
    ['1/27', 1, 2027],
    ['01/27', 1, 2027],
    ['01 / 2027', 1, 2027],
    ['0127', 1, 2027],
    ['12-2030', 12, 2030],
  ])('reads %s', (text, month, year) => expect(parseExpiry(text)).toEqual({ month, year }));

  it.each(['13/27', '00/27', '1/2', 'ab/cd', ''])('rejects %s', (text) =>
    expect(parseExpiry(text)).toBeNull(),
  );

  it('treats a card as valid through its expiry month', () => {
    const now = new Date(Date.UTC(2026, 10, 21));
    expect(isExpired({ month: 11, year: 2026 }, now)).toBe(false);
    expect(isExpired({ month: 10, year: 2026 }, now)).toBe(true);
    expect(isExpired({ month: 1, year: 2025 }, now)).toBe(true);
    expect(isTooFarAhead({ month: 1, year: 2047 }, now)).toBe(true);
    expect(isTooFarAhead({ month: 1, year: 2046 }, now)).toBe(false);
  });
});

describe('cvc', () => {
  it('wants 4 digits for Amex and 3 otherwise', () => {
    expect(cvcValid('1234', '378282246310005')).toBe(true);
    expect(cvcValid('123', '378282246310005')).toBe(false);
    expect(cvcValid('123', '4242424242424242')).toBe(true);
    expect(cvcValid('12', '4242424242424242')).toBe(false);
    expect(cvcValid('12a', '4242424242424242')).toBe(false);
  });
});
