export interface Expiry {
  month: number;
  /** Four-digit year. */
  year: number;
}

/**
 * Parses what people type for an expiry date: `1/27`, `01/27`, `01 / 2027`, `0127`, `012027`.
 * Returns null when it cannot be read as a month and year.
 */
export function parseExpiry(input: string): Expiry | null {
  const text = input.trim();
  let month: string | undefined;
  let year: string | undefined;
  const separated = /^(\d{1,2})\s*[/\-.\s]\s*(\d{2}|\d{4})$/.exec(text);
  const compact = /^(\d{2})(\d{2}|\d{4})$/.exec(text);
  if (separated) [, month, year] = separated;
  else if (compact) [, month, year] = compact;
  if (month === undefined || year === undefined) return null;
  const m = Number(month);
  const y = year.length === 2 ? 2000 + Number(year) : Number(year);
  if (m < 1 || m > 12) return null;
  return { month: m, year: y };
}

/** A card is usable through the last day of its expiry month. */
export function isExpired(expiry: Expiry, now: Date): boolean {
  const thisYear = now.getUTCFullYear();
  const thisMonth = now.getUTCMonth() + 1;
  return expiry.year < thisYear || (expiry.year === thisYear && expiry.month < thisMonth);
}

/** Cards are not issued with more than 20 years of validity; anything further is a typo. */
export function isTooFarAhead(expiry: Expiry, now: Date): boolean {
  return expiry.year > now.getUTCFullYear() + 20;
}
