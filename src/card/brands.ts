/**
 * Card brands known to the foundation. Detection is by IIN prefix; the richer table (Discover,
 * Diners, JCB, UnionPay, Maestro, Mir, Elo, Hipercard) belongs to the card-entry issue.
 */
export const CardBrand = {
  visa: 'visa',
  mastercard: 'mastercard',
  amex: 'amex',
  unknown: 'unknown',
} as const;
export type CardBrand = (typeof CardBrand)[keyof typeof CardBrand];

export interface BrandRules {
  brand: CardBrand;
  /** Valid total lengths of the card number. */
  lengths: readonly number[];
  /** Digit-group sizes used when displaying the number. */
  gaps: readonly number[];
  cvcLength: number;
}

const RULES: Record<CardBrand, BrandRules> = {
  visa: { brand: 'visa', lengths: [13, 16, 19], gaps: [4, 4, 4, 4, 3], cvcLength: 3 },
  mastercard: { brand: 'mastercard', lengths: [16], gaps: [4, 4, 4, 4], cvcLength: 3 },
  amex: { brand: 'amex', lengths: [15], gaps: [4, 6, 5], cvcLength: 4 },
  unknown: {
    brand: 'unknown',
    lengths: [12, 13, 14, 15, 16, 17, 18, 19],
    gaps: [4, 4, 4, 4, 3],
    cvcLength: 3,
  },
};

function isMastercard(digits: string): boolean {
  const two = Number(digits.slice(0, 2));
  if (two >= 51 && two <= 55) return true;
  const four = Number(digits.slice(0, 4));
  return digits.length >= 4 && four >= 2221 && four <= 2720;
}

/** Detects the brand from the leading digits of a (possibly incomplete) card number. */
export function detectBrand(digits: string): BrandRules {
  if (digits.startsWith('4')) return RULES.visa;
  if (/^3[47]/.test(digits)) return RULES.amex;
  if (isMastercard(digits)) return RULES.mastercard;
  return RULES.unknown;
}
