import { z } from 'zod/mini';

let currencyCodes: Set<string> | undefined;

/** True for an ISO 4217 code this runtime's Intl knows, e.g. `EUR`. */
export function isCurrency(code: string): boolean {
  currencyCodes ??= new Set(Intl.supportedValuesOf('currency'));
  return currencyCodes.has(code);
}

/**
 * Currency formats by locale and currency. Making an `Intl.NumberFormat` is costly (locale data is
 * loaded and resolved each time) and the frame formats the same amount on every render. Bounded:
 * on a server the locales come from requests.
 */
const formats = new Map<string, Intl.NumberFormat>();
const MAX_FORMATS = 64;

function currencyFormat(locale: string | undefined, currency: string): Intl.NumberFormat {
  const key = `${locale ?? ''}|${currency}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    if (formats.size >= MAX_FORMATS) formats.clear();
    formats.set(key, format);
  }
  return format;
}

/** Number of minor-unit digits for a currency (JPY 0, EUR 2, KWD 3), taken from Intl. */
export function currencyExponent(currency: string): number {
  return currencyFormat('en', currency).resolvedOptions().maximumFractionDigits ?? 2;
}

/**
 * Integer minor units as an exact decimal string (`1999`, exponent 2 → `"19.99"`): the point is
 * placed in the digits, never by dividing, so no amount is ever a binary fraction.
 */
export function minorUnitsToDecimal(amount: number, exponent: number): string {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`not integer minor units: ${amount}`);
  const digits = String(Math.abs(amount)).padStart(exponent + 1, '0');
  const sign = amount < 0 ? '-' : '';
  if (exponent === 0) return sign + digits;
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

/** Formats integer minor units for display, e.g. `formatMoney(1999, 'EUR', 'de')` → `19,99 €`. */
export function formatMoney(amount: number, currency: string, locale?: string): string {
  const decimal = minorUnitsToDecimal(amount, currencyExponent(currency));
  // Intl takes the decimal string as is (a StringNumericLiteral), keeping every digit exact.
  return currencyFormat(locale, currency).format(decimal as Intl.StringNumericLiteral);
}

export const currencySchema = z
  .string()
  .check(
    z.refine(
      (code) => /^[A-Z]{3}$/.test(code) && isCurrency(code),
      'expected an ISO 4217 currency code',
    ),
  );

/** Largest amount accepted anywhere: well inside Number.MAX_SAFE_INTEGER and a PostgreSQL bigint. */
export const MAX_AMOUNT = 99_999_999_999;

/** A non-negative integer number of minor units. */
export const amountSchema = z.int().check(z.minimum(0), z.maximum(MAX_AMOUNT));
