/**
 * Card brands and their number rules. The brand is detected from the issuer identification number
 * (IIN) prefix while the shopper types; the longest matching prefix wins, so an Elo range inside
 * Visa's `4` or a Hipercard range inside Diners' `38` takes over as soon as its digits are typed.
 * Ranges and lengths follow the networks' public documentation; see docs/card-rules.md.
 */
export const CardBrand = {
  visa: 'visa',
  mastercard: 'mastercard',
  amex: 'amex',
  discover: 'discover',
  diners: 'diners',
  jcb: 'jcb',
  unionpay: 'unionpay',
  maestro: 'maestro',
  mir: 'mir',
  elo: 'elo',
  hipercard: 'hipercard',
  unknown: 'unknown',
} as const;
export type CardBrand = (typeof CardBrand)[keyof typeof CardBrand];

export interface BrandRules {
  brand: CardBrand;
  /** The brand's own name, written the same in every language; empty when unknown. */
  name: string;
  /** Valid total lengths of the card number, ascending. */
  lengths: readonly number[];
  /**
   * Digit-group sizes used when displaying the number. A number longer than their sum (a 16-digit
   * Diners card) is shown in fours instead.
   */
  gaps: readonly number[];
  cvcLength: number;
  /** Whether the last digit is a Luhn check digit every valid number passes. */
  luhn: boolean;
}

/** Groups for all but Amex and 14-digit Diners: 4-4-4-4, and 4-4-4-4-3 for 19 digits. */
export const FOURS: readonly number[] = [4, 4, 4, 4, 3];

const lengthsFrom = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

const rules = (
  brand: CardBrand,
  name: string,
  lengths: readonly number[],
  more: Partial<BrandRules> = {},
): BrandRules => ({ brand, name, lengths, gaps: FOURS, cvcLength: 3, luhn: true, ...more });

export const BRANDS: Readonly<Record<CardBrand, BrandRules>> = {
  visa: rules('visa', 'Visa', [13, 16, 19]),
  mastercard: rules('mastercard', 'Mastercard', [16]),
  amex: rules('amex', 'American Express', [15], { gaps: [4, 6, 5], cvcLength: 4 }),
  discover: rules('discover', 'Discover', lengthsFrom(16, 19)),
  diners: rules('diners', 'Diners Club', lengthsFrom(14, 19), { gaps: [4, 6, 4] }),
  jcb: rules('jcb', 'JCB', lengthsFrom(16, 19)),
  // Older UnionPay cards were issued without a Luhn check digit; the issuer is the judge.
  unionpay: rules('unionpay', 'UnionPay', lengthsFrom(16, 19), { luhn: false }),
  maestro: rules('maestro', 'Maestro', lengthsFrom(12, 19)),
  mir: rules('mir', 'Mir', lengthsFrom(16, 19)),
  elo: rules('elo', 'Elo', [16]),
  hipercard: rules('hipercard', 'Hipercard', [16, 19]),
  unknown: rules('unknown', '', lengthsFrom(12, 19)),
};

/**
 * IIN prefixes per brand: a prefix, or `first-last` for a range of prefixes of the same length.
 * 622126–622925 (UnionPay cards that Discover also accepts) stays UnionPay, the issuing network.
 */
const PREFIXES: Partial<Record<CardBrand, string>> = {
  visa: '4',
  mastercard: '51-55 2221-2720',
  amex: '34 37',
  discover: '6011 644-649 65',
  diners: '300-305 3095 36 38 39',
  jcb: '3528-3589',
  unionpay: '62 81',
  maestro: '5018 5020 5038 5893 6304 6759 6761-6763',
  mir: '2200-2204',
  elo:
    '401178 401179 431274 438935 451416 457393 457631 457632 504175 506699-506778 ' +
    '509000-509999 627780 636297 636368 650031-650033 650035-650051 650405-650439 ' +
    '650485-650538 650541-650598 650700-650718 650720-650727 650901-650978 651652-651679 ' +
    '655000-655019 655021-655058',
  hipercard: '606282 3841',
};

interface IinRange {
  brand: CardBrand;
  first: number;
  last: number;
  /** Number of leading digits the range is about. */
  digits: number;
}

/** Every range, longest prefixes first, so the first match is the most specific. */
export const IIN_RANGES: readonly IinRange[] = Object.entries(PREFIXES)
  .flatMap(([brand, list]) =>
    list.split(' ').map((range) => {
      const [first = '', last = first] = range.split('-');
      return { brand: brand as CardBrand, first: +first, last: +last, digits: first.length };
    }),
  )
  .sort((a, b) => b.digits - a.digits);

/**
 * Detects the brand from the leading digits of a (possibly incomplete) card number. Until enough
 * digits are typed to tell (`3` could be Amex, Diners or JCB), the brand is `unknown`.
 */
export function detectBrand(digits: string): BrandRules {
  const lead = /^\d*/.exec(digits)?.[0] ?? '';
  const range = IIN_RANGES.find(({ first, last, digits: n }) => {
    const prefix = lead.length >= n ? Number(lead.slice(0, n)) : NaN;
    return prefix >= first && prefix <= last;
  });
  return BRANDS[range?.brand ?? 'unknown'];
}
