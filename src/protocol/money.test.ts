import { describe, expect, it } from 'vitest';
import { amountSchema, currencyExponent, currencySchema, formatMoney } from './money';

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
