import { FOURS, detectBrand } from './brands';
import { luhnValid } from './luhn';

/** Strips spaces and dashes a shopper may type or paste. */
export function normalizeCardNumber(input: string): string {
  return input.replace(/[\s-]/g, '');
}

/**
 * Groups the digits for display according to the brand's gap pattern (Amex 4-6-5, 14-digit
 * Diners 4-6-4, others 4-4-4-4 and 4-4-4-4-3), dropping digits beyond the brand's longest length.
 */
export function formatCardNumber(input: string): string {
  const digits = input.replace(/\D/g, '');
  const { gaps: brandGaps, lengths } = detectBrand(digits);
  const shown = digits.slice(0, lengths[lengths.length - 1]);
  const gaps = shown.length > brandGaps.reduce((a, b) => a + b) ? FOURS : brandGaps;
  const parts: string[] = [];
  let at = 0;
  for (const size of gaps) {
    if (at >= shown.length) break;
    parts.push(shown.slice(at, at + size));
    at += size;
  }
  return parts.join(' ');
}

export type CardNumberProblem = 'empty' | 'not_digits' | 'wrong_length' | 'failed_checksum';

/**
 * Checks a card number; returns the problem, or null when it can be submitted. The Luhn check is
 * skipped for brands whose numbers need not carry one (UnionPay).
 */
export function cardNumberProblem(input: string): CardNumberProblem | null {
  const digits = normalizeCardNumber(input);
  if (digits === '') return 'empty';
  if (!/^\d+$/.test(digits)) return 'not_digits';
  const { lengths, luhn } = detectBrand(digits);
  if (!lengths.includes(digits.length)) return 'wrong_length';
  if (luhn && !luhnValid(digits)) return 'failed_checksum';
  return null;
}
