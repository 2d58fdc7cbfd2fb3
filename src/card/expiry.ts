export interface Expiry {
  month: number;
  /** Four-digit year. */
  year: number;
}

/**
 * What can be wrong with a typed expiry date: nothing typed, not all of it typed yet (`12 / 2`),
 * not a date at all (`ab/cd`), month 0 or 13 and above, a month already over, or further ahead
 * than any card is issued for.
 */
export type ExpiryProblem =
  'empty' | 'incomplete' | 'invalid' | 'invalid_month' | 'past' | 'too_far';

/** Cards are not issued with more than 20 years of validity; anything further is a typo. */
const MAX_YEARS_AHEAD = 20;

/**
 * Month first: `1/27`, `01/27`, `01 / 2027`, `1 27`, `01-2027`, `01.27`; or compact, with a
 * two-digit month: `0127`, `012027`.
 */
const MONTH_FIRST = /^(\d{1,2})\s*[/.\s-]\s*(\d{2}|\d{4})$|^(\d{2})(\d{2}|\d{4})$/;
/** Year first, as `<input type=month>` and some autofill give it: `2027-01`, `2027/1`. */
const YEAR_FIRST = /^(\d{4})\s*[/-]\s*(\d{1,2})$/;
/** The start of one of the forms above, missing only digits. */
const PARTIAL = /^\d{1,5}$|^\d{1,2}\s*[/.\s-]\s*\d{0,3}$|^\d{4}\s*[/-]$/;

/**
 * A two-digit year is the one in the hundred years that start twenty years ago: a card that
 * expired in the last twenty years reads as past, anything else as too far ahead, and the century
 * turns over by itself (`03` read in 2095 is 2103).
 */
function fullYear(year: string, now: Date): number {
  if (year.length === 4) return Number(year);
  const first = now.getUTCFullYear() - 20;
  return first + ((((Number(year) - first) % 100) + 100) % 100);
}

function read(input: string, now: Date): Expiry | ExpiryProblem {
  const text = input.trim();
  if (text === '') return 'empty';
  const monthFirst = MONTH_FIRST.exec(text);
  const yearFirst = YEAR_FIRST.exec(text);
  let month: string | undefined;
  let year: string | undefined;
  if (monthFirst) [month, year] = monthFirst.slice(1).filter(Boolean);
  else if (yearFirst) [, year, month] = yearFirst;
  if (month === undefined || year === undefined) {
    return PARTIAL.test(text) ? 'incomplete' : 'invalid';
  }
  const m = Number(month);
  if (m < 1 || m > 12) return 'invalid_month';
  return { month: m, year: fullYear(year, now) };
}

/**
 * Reads what people type or autofill for an expiry date (see `MONTH_FIRST` and `YEAR_FIRST`).
 * Returns null when it cannot be read as a month and year; whether that date is still good is
 * for `expiryProblem`.
 */
export function parseExpiry(input: string, now: Date): Expiry | null {
  const result = read(input, now);
  return typeof result === 'string' ? null : result;
}

/**
 * A card is usable through the last day of its expiry month, wherever the shopper is: the month
 * is over only once it is over in the last time zone (UTC−12), so nobody west of Greenwich is
 * turned away on the evening of the last day.
 */
export function isExpired(expiry: Expiry, now: Date): boolean {
  return now.getTime() >= Date.UTC(expiry.year, expiry.month, 1, 12);
}

export function isTooFarAhead(expiry: Expiry, now: Date): boolean {
  return expiry.year > now.getUTCFullYear() + MAX_YEARS_AHEAD;
}

/** The problem with a typed expiry date, or null when the card is usable at `now`. */
export function expiryProblem(input: string, now: Date): ExpiryProblem | null {
  const expiry = read(input, now);
  if (typeof expiry === 'string') return expiry;
  if (isExpired(expiry, now)) return 'past';
  return isTooFarAhead(expiry, now) ? 'too_far' : null;
}
