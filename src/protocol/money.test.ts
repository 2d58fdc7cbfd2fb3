import { describe, expect, it } from 'vitest';
import {
  amountSchema,
  currencyExponent,
  currencySchema,
  formatMoney,
  minorUnitsToDecimal,
} from './money';

describe('money', () => {
  it('takes the minor-unit exponent from Intl', () => {
    expect(currencyExponent('JPY')).toBe(0);
    expect(currencyExponent('EUR')).toBe(2);
    expect(currencyExponent('KWD')).toBe(3);
  });

  it('formats integer minor units per currency and locale', () => {
    expect(formatMoney(1999, 'EUR', 'en')).toBe('€19.99');
    expect(formatMoney(1999, 'EUR', 'de').replace(/\s/g, ' ')).toBe('19,99 €');
    expect(formatMoney(500, 'JPY', 'en')).toBe('¥500');
    expect(formatMoney(1234, 'KWD', 'en')).toContain('1.234');
  });

  it('places the decimal point in the digits of the minor units, without dividing', () => {
    expect(minorUnitsToDecimal(1999, 2)).toBe('19.99');
    expect(minorUnitsToDecimal(5, 2)).toBe('0.05');
    expect(minorUnitsToDecimal(1, 3)).toBe('0.001');
    expect(minorUnitsToDecimal(500, 0)).toBe('500');
    expect(minorUnitsToDecimal(-1050, 2)).toBe('-10.50');
    expect(minorUnitsToDecimal(99_999_999_999, 2)).toBe('999999999.99');
    expect(() => minorUnitsToDecimal(1.5, 2)).toThrow(RangeError);
  });

  it('formats the largest amount to the last minor unit', () => {
    expect(formatMoney(99_999_999_999, 'EUR', 'en')).toBe('€999,999,999.99');
    expect(formatMoney(99_999_999_999, 'KWD', 'en')).toContain('99,999,999.999');
    expect(formatMoney(1, 'KWD', 'en')).toContain('0.001');
  });

  it('accepts ISO 4217 codes only', () => {
    expect(currencySchema.safeParse('EUR').success).toBe(true);
    for (const bad of ['eur', 'EUX', 'EURO', '', 42]) {
      expect(currencySchema.safeParse(bad).success).toBe(false);
    }
  });

  it('accepts integer minor units only', () => {
    expect(amountSchema.safeParse(0).success).toBe(true);
    for (const bad of [1.5, -1, 1e12, '100', Number.NaN]) {
      expect(amountSchema.safeParse(bad).success).toBe(false);
    }
  });
});
