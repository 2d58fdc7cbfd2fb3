import { describe, expect, it } from 'vitest';
import { formatAmount, formattingLocale } from './format-amount';

describe('formatAmount', () => {
  it('uses the currency exponent from Intl', () => {
    expect(formatAmount(123456, 'EUR', 'en')).toBe('€1,234.56');
    expect(formatAmount(123456, 'JPY', 'en')).toBe('¥123,456');
    expect(formatAmount(123456, 'KWD', 'en')).toBe('KWD\u00a0123.456');
  });

  it('keeps small amounts exact', () => {
    expect(formatAmount(5, 'EUR', 'en')).toBe('€0.05');
    expect(formatAmount(0, 'USD', 'en')).toBe('$0.00');
  });

  it('keeps amounts beyond float precision exact', () => {
    expect(formatAmount(Number.MAX_SAFE_INTEGER, 'USD', 'en')).toBe('$90,071,992,547,409.91');
  });

  it('falls back to the plain amount for a currency Intl refuses', () => {
    expect(formatAmount(100, 'E1!', 'en')).toBe('100 E1!');
  });
});

describe('formattingLocale', () => {
  it('keeps the region of a locale in the chosen language', () => {
    expect(formattingLocale('de-CH', 'de')).toBe('de-CH');
  });

  it('uses the language when the locale is of another language or not a valid tag', () => {
    expect(formattingLocale('pt-BR', 'en')).toBe('en');
    expect(formattingLocale('auto', 'en')).toBe('en');
  });
});
