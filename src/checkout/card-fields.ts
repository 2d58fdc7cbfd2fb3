import {
  cardNumberProblem,
  cardholderNameProblem,
  detectBrand,
  expiryProblem as expiryRuleProblem,
  normalizeCardNumber,
  parseExpiry,
  type ExpiryProblem,
} from '../card';
import { BRANDS, type BrandRules, type CardBrand } from '../card/brands';
import type { CheckoutSummary, ConfirmCheckout } from '../protocol/checkout';
import type { Strings } from './i18n';

/**
 * The card form's rules as pure functions, so the element only wires events to them and tests can
 * check every rule without a browser.
 */
export const CardField = { number: 'number', expiry: 'expiry', cvc: 'cvc', name: 'name' } as const;
export type CardField = (typeof CardField)[keyof typeof CardField];
export const CARD_FIELDS = Object.values(CardField);

/** Keys of the strings that are plain text (not functions or groups). */
type TextKey = { [K in keyof Strings]: Strings[K] extends string ? K : never }[keyof Strings];

interface FieldSpec {
  label: TextKey;
  placeholder: TextKey;
  /** Names and autocomplete tokens that browsers' autofill and password managers recognise. */
  name: string;
  autocomplete: string;
  numeric: boolean;
}

export const FIELDS: Record<CardField, FieldSpec> = {
  number: {
    label: 'cardNumber',
    placeholder: 'numberPlaceholder',
    name: 'cardnumber',
    autocomplete: 'cc-number',
    numeric: true,
  },
  expiry: {
    label: 'expiry',
    placeholder: 'expiryPlaceholder',
    name: 'exp-date',
    autocomplete: 'cc-exp',
    numeric: true,
  },
  cvc: {
    label: 'cvc',
    placeholder: 'cvcPlaceholder',
    name: 'cvc',
    autocomplete: 'cc-csc',
    numeric: true,
  },
  name: {
    label: 'name',
    placeholder: 'namePlaceholder',
    name: 'ccname',
    autocomplete: 'cc-name',
    numeric: false,
  },
};

export type CardValues = Record<CardField, string>;
export type CardInput = NonNullable<ConfirmCheckout['card']>;
export type SavedCard = NonNullable<CheckoutSummary['customer']>['saved_cards'][number];
export type FieldProblem = keyof Strings['invalid'];

const digitsOf = (text: string) => text.replace(/\D/g, '');

function numberProblem(number: string): FieldProblem | null {
  const problem = cardNumberProblem(number);
  if (problem === null) return null;
  if (problem === 'empty') return 'number_empty';
  const digits = normalizeCardNumber(number);
  const shortest = Math.min(...detectBrand(digits).lengths);
  return problem === 'wrong_length' && digits.length < shortest
    ? 'number_incomplete'
    : 'number_invalid';
}

const EXPIRY_PROBLEMS: Record<ExpiryProblem, FieldProblem> = {
  empty: 'expiry_empty',
  incomplete: 'expiry_incomplete',
  invalid: 'expiry_invalid',
  invalid_month: 'expiry_invalid',
  past: 'expiry_past',
  too_far: 'expiry_invalid',
};

function expiryProblem(expiry: string, now: Date): FieldProblem | null {
  const problem = expiryRuleProblem(expiry, now);
  return problem ? EXPIRY_PROBLEMS[problem] : null;
}

/** The rules of a saved card's brand as the server names it (`visa`); unknown for any other. */
export const savedCardRules = (brand: string): BrandRules =>
  BRANDS[Object.hasOwn(BRANDS, brand) ? (brand as CardBrand) : 'unknown'];

/** The CVC length of the typed number's brand: 4 for Amex, 3 for every other. */
export const cvcLength = (number: string) => detectBrand(normalizeCardNumber(number)).cvcLength;

function cvcProblem(cvc: string, length: number): FieldProblem | null {
  if (cvc === '') return 'cvc_empty';
  if (/^\d+$/.test(cvc) && cvc.length === length) return null;
  return cvc.length < length ? 'cvc_incomplete' : 'cvc_invalid';
}

/**
 * The problem with one field, given all values. The CVC length depends on the card's brand: the
 * typed number's, or `cvcDigits` for a saved card, whose number the frame never sees.
 */
export function fieldProblem(
  field: CardField,
  values: CardValues,
  now: Date,
  cvcDigits = cvcLength(values.number),
): FieldProblem | null {
  switch (field) {
    case 'number':
      return numberProblem(values.number);
    case 'expiry':
      return expiryProblem(values.expiry, now);
    case 'cvc':
      return cvcProblem(values.cvc, cvcDigits);
    case 'name':
      // One message asks for the name as on the card, whatever else was typed (a card number).
      return cardholderNameProblem(values.name) ? 'name_empty' : null;
  }
}

/** Every field's problem, or the card exactly as the confirm endpoint takes it. */
export function validateCard(
  values: CardValues,
  now: Date,
):
  | { ok: true; card: CardInput }
  | { ok: false; problems: Partial<Record<CardField, FieldProblem>> } {
  const problems: Partial<Record<CardField, FieldProblem>> = {};
  for (const field of CARD_FIELDS) {
    const problem = fieldProblem(field, values, now);
    if (problem) problems[field] = problem;
  }
  const expiry = parseExpiry(values.expiry, now);
  if (Object.keys(problems).length > 0 || !expiry) return { ok: false, problems };
  return {
    ok: true,
    card: {
      number: normalizeCardNumber(values.number),
      exp_month: expiry.month,
      exp_year: expiry.year,
      cvc: values.cvc,
      name: values.name.trim(),
    },
  };
}

/**
 * Formats what the shopper typed or pasted as `MM / YY`. A leading 2–9 or `1/` can only be a
 * one-digit month, so it is padded; `01/2027` and `2027-01` (autofill, paste) keep the year's
 * last two digits. The trailing separator is left off while deleting, otherwise backspace could
 * never remove it.
 */
export function formatExpiry(raw: string, deleting: boolean): string {
  const monthYear = /^\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*$/.exec(raw);
  const yearMonth = /^\s*(\d{4})\s*[/-]\s*(\d{1,2})\s*$/.exec(raw);
  const month = monthYear?.[1] ?? yearMonth?.[2];
  const year = monthYear?.[2] ?? yearMonth?.[1];
  let digits: string;
  if (month && year) {
    digits = month.padStart(2, '0') + year.slice(2);
  } else {
    digits = digitsOf(raw);
    if (/^\s*\d\s*[/.-]/.test(raw) || /^[2-9]/.test(digits)) digits = `0${digits}`;
  }
  digits = digits.slice(0, 4);
  if (digits.length > 2) return `${digits.slice(0, 2)} / ${digits.slice(2)}`;
  return digits.length === 2 && !deleting ? `${digits} / ` : digits;
}

/** Keeps only the digits of a security code, at most four. */
export function formatCvc(raw: string): string {
  return digitsOf(raw).slice(0, 4);
}

/**
 * Where the caret goes after reformatting: at the end if it was at the end (typing, paste), else
 * after the same number of digits as before, so editing the middle of a number does not jump.
 */
export function caretAfterFormat(raw: string, caret: number, formatted: string): number {
  if (caret >= raw.length) return formatted.length;
  const wanted = digitsOf(raw.slice(0, caret)).length;
  let position = 0;
  for (let seen = 0; position < formatted.length && seen < wanted; position++) {
    if (/\d/.test(formatted[position] ?? '')) seen++;
  }
  return position;
}

/**
 * Backspace right after a group gap deletes only the space, which formatting would put straight
 * back; treat it as deleting the digit before the gap instead.
 */
export function deleteAcrossGap(
  raw: string,
  caret: number,
  previous: string,
): { raw: string; caret: number } {
  if (caret === 0 || digitsOf(raw) !== digitsOf(previous)) return { raw, caret };
  let at = caret - 1;
  while (at > 0 && !/\d/.test(raw[at] ?? '')) at--;
  return { raw: raw.slice(0, at) + raw.slice(at + 1), caret: at };
}
