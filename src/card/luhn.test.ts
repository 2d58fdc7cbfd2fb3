import { describe, expect, it } from 'vitest';
import { detectBrand } from './brands';
import { cardNumberProblem } from './card-number';
import { luhnValid } from './luhn';

/** Public test card numbers of the networks and acquirers, each checked here by hand as well. */
const TEST_NUMBERS = [
  ['visa', '4242424242424242'],
  ['visa', '4111111111111111'],
  ['visa', '4000056655665556'],
  ['visa', '4222222222222'],
  ['mastercard', '5555555555554444'],
  ['mastercard', '2223003122003222'],
  ['amex', '378282246310005'],
  ['amex', '371449635398431'],
  ['discover', '6011111111111117'],
  ['discover', '6011000990139424'],
  ['discover', '6555900000604105'],
  ['diners', '3056930009020004'],
  ['diners', '36227206271667'],
  ['jcb', '3530111333300000'],
  ['jcb', '3566002020360505'],
  ['unionpay', '6200000000000005'],
  ['unionpay', '6205500000000000004'],
  ['maestro', '6759649826438453'],
  ['mir', '2200000000000004'],
  ['mir', '2201382000000013'],
  ['elo', '6362970000457013'],
  ['hipercard', '6062826786276634'],
] as const;

describe('luhnValid', () => {
  it.each(TEST_NUMBERS)('accepts the %s test number %s', (_, number) => {
    expect(luhnValid(number)).toBe(true);
  });

  it.each(TEST_NUMBERS)(
    'rejects the %s test number %s with its last digit changed',
    (_, number) => {
      const typo = number.slice(0, -1) + ((Number(number.at(-1)) + 5) % 10);
      expect(luhnValid(typo)).toBe(false);
    },
  );

  it('rejects two swapped neighbouring digits', () => {
    expect(luhnValid('4242424242424224')).toBe(false);
  });

  it.each(['', '42a2', '4242 4242 4242 4242', '-4242'])(
    'rejects %j, which is not only digits',
    (text) => {
      expect(luhnValid(text)).toBe(false);
    },
  );
});

describe('test numbers', () => {
  it.each(TEST_NUMBERS)('detects %s and accepts %s', (brand, number) => {
    expect(detectBrand(number).brand).toBe(brand);
    expect(cardNumberProblem(number)).toBeNull();
  });

  it('accepts a UnionPay number without a valid Luhn digit', () => {
    expect(luhnValid('6200000000000006')).toBe(false);
    expect(cardNumberProblem('6200000000000006')).toBeNull();
  });
});
