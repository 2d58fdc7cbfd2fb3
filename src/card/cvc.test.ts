import { describe, expect, it } from 'vitest';
import { cvcValid } from './cvc';

describe('cvcValid', () => {
  it.each([
    ['amex', '378282246310005', '1234', '123'],
    ['visa', '4242424242424242', '123', '1234'],
    ['mastercard', '5555555555554444', '123', '1234'],
    ['discover', '6011111111111117', '123', '1234'],
    ['diners', '36227206271667', '123', '1234'],
    ['jcb', '3530111333300000', '123', '1234'],
    ['unionpay', '6200000000000005', '123', '1234'],
    ['maestro', '6759649826438453', '123', '1234'],
    ['mir', '2200000000000004', '123', '1234'],
    ['elo', '6362970000457013', '123', '1234'],
    ['hipercard', '6062826786276634', '123', '1234'],
    ['an unknown brand', '9999888877776666', '123', '1234'],
  ])('takes %s codes like %s: %s, not %s', (_, number, good, bad) => {
    expect(cvcValid(good, number)).toBe(true);
    expect(cvcValid(bad, number)).toBe(false);
  });

  it('reads the brand from a formatted number', () => {
    expect(cvcValid('1234', '3782 822463 10005')).toBe(true);
  });

  it.each(['', '12', '12a', '1 3', '١٢٣'])('rejects %j', (cvc) => {
    expect(cvcValid(cvc, '4242424242424242')).toBe(false);
  });
});
