import { detectBrand } from './brands';
import { luhnValid } from './luhn';

/** Strips spaces and dashes a shopper may type or paste. */
export function normalizeCardNumber(input: string): string {
  return input.replace(/[\s-]/g, '');
}

/** Groups the digits for display according to the brand's gap pattern. */
export function formatCardNumber(input: string): string {
  const digits = normalizeCardNumber(input).replace(/\D/g, '');
  const { gaps, lengths } = detectBrand(digits);
  const max = Math.max(...lengths);
  const parts: string[] = [];
  let at = 0;
  for (const size of gaps) {
    if (at >= digits.length || at >= max) break;
    parts.push(digits.slice(at, at + size));
    at += size;
  }
  return parts.join(' ');
}

export type CardNumberProblem = 'empty' | 'not_digits' | 'wrong_length' | 'failed_checksum';

/** Checks a card number; returns the problem, or null when it can be submitted. */
export function cardNumberProblem(input: string): CardNumberProblem | null {
  const digits = normalizeCardNumber(input);
  if (digits === '') return 'empty';
  if (!/^\d+$/.test(digits)) return 'not_digits';
  if (!detectBrand(digits).lengths.includes(digits.length)) return 'wrong_length';
  if (!luhnValid(digits)) return 'failed_checksum';
  return null;
}
