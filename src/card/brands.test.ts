import { describe, expect, it } from 'vitest';
import { BRANDS, CardBrand, IIN_RANGES, detectBrand } from './brands';

const brandOf = (digits: string) => detectBrand(digits).brand;

/** The prefix one below or above a range end, same length (`300` → `299`). */
const step = (prefix: string, by: number) =>
  String(Number(prefix) + by).padStart(prefix.length, '0');

/**
 * Every range as the networks publish it, with the brand expected just below its first prefix and
 * just above its last. Written out by hand rather than derived from the table under test.
 */
const RANGES: [range: string, brand: CardBrand, below: CardBrand, above: CardBrand][] = [
  ['4', 'visa', 'unknown', 'unknown'],
  ['51-55', 'mastercard', 'unknown', 'unknown'],
  ['2221-2720', 'mastercard', 'unknown', 'unknown'],
  ['34', 'amex', 'unknown', 'unknown'],
  ['37', 'amex', 'diners', 'diners'],
  ['6011', 'discover', 'unknown', 'unknown'],
  ['644-649', 'discover', 'unknown', 'discover'],
  ['65', 'discover', 'unknown', 'unknown'],
  ['300-305', 'diners', 'unknown', 'unknown'],
  ['3095', 'diners', 'unknown', 'unknown'],
  ['36', 'diners', 'unknown', 'amex'],
  ['38-39', 'diners', 'amex', 'visa'],
  ['3528-3589', 'jcb', 'unknown', 'unknown'],
  ['62', 'unionpay', 'unknown', 'unknown'],
  ['81', 'unionpay', 'unknown', 'unknown'],
  ['5018', 'maestro', 'unknown', 'unknown'],
  ['5020', 'maestro', 'unknown', 'unknown'],
  ['5038', 'maestro', 'unknown', 'unknown'],
  ['5893', 'maestro', 'unknown', 'unknown'],
  ['6304', 'maestro', 'unknown', 'unknown'],
  ['6759', 'maestro', 'unknown', 'unknown'],
  ['6761-6763', 'maestro', 'unknown', 'unknown'],
  ['2200-2204', 'mir', 'unknown', 'unknown'],
  ['401178-401179', 'elo', 'visa', 'visa'],
  ['431274', 'elo', 'visa', 'visa'],
  ['438935', 'elo', 'visa', 'visa'],
  ['451416', 'elo', 'visa', 'visa'],
  ['457393', 'elo', 'visa', 'visa'],
  ['457631-457632', 'elo', 'visa', 'visa'],
  ['504175', 'elo', 'unknown', 'unknown'],
  ['506699-506778', 'elo', 'unknown', 'unknown'],
  ['509000-509999', 'elo', 'unknown', 'mastercard'],
  ['627780', 'elo', 'unionpay', 'unionpay'],
  ['636297', 'elo', 'unknown', 'unknown'],
  ['636368', 'elo', 'unknown', 'unknown'],
  ['650031-650033', 'elo', 'discover', 'discover'],
  ['650035-650051', 'elo', 'discover', 'discover'],
  ['650405-650439', 'elo', 'discover', 'discover'],
  ['650485-650538', 'elo', 'discover', 'discover'],
  ['650541-650598', 'elo', 'discover', 'discover'],
  ['650700-650718', 'elo', 'discover', 'discover'],
  ['650720-650727', 'elo', 'discover', 'discover'],
  ['650901-650978', 'elo', 'discover', 'discover'],
  ['651652-651679', 'elo', 'discover', 'discover'],
  ['655000-655019', 'elo', 'discover', 'discover'],
  ['655021-655058', 'elo', 'discover', 'discover'],
  ['606282', 'hipercard', 'unknown', 'unknown'],
  ['3841', 'hipercard', 'diners', 'diners'],
];

describe('detectBrand', () => {
  describe.each(RANGES)('%s', (range, brand, below, above) => {
    const [first = '', last = first] = range.split('-');
    it(`is ${brand} from its first prefix ${first} to its last ${last}`, () => {
      expect(brandOf(first)).toBe(brand);
      expect(brandOf(last)).toBe(brand);
      expect(brandOf(`${first}0000000000`)).toBe(brand);
      expect(brandOf(`${last}9999999999`)).toBe(brand);
    });

    it(`is ${below} just below (${step(first, -1)}) and ${above} just above (${step(last, 1)})`, () => {
      expect(brandOf(step(first, -1))).toBe(below);
      expect(brandOf(step(last, 1))).toBe(above);
    });
  });

  it('knows every brand but unknown by at least one range', () => {
    const detected = new Set(RANGES.map(([, brand]) => brand));
    expect([...detected, 'unknown'].sort()).toEqual(Object.values(CardBrand).sort());
  });

  it('has no prefix claimed by two brands at the same length', () => {
    for (const a of IIN_RANGES) {
      for (const b of IIN_RANGES) {
        if (a === b || a.digits !== b.digits) continue;
        expect(a.first > b.last || b.first > a.last, `${a.brand} ${a.first} / ${b.brand}`).toBe(
          true,
        );
      }
    }
  });

  it.each([
    ['', 'unknown'],
    ['3', 'unknown'],
    ['35', 'unknown'],
    ['352', 'unknown'],
    ['2', 'unknown'],
    ['22', 'unknown'],
    ['222', 'unknown'],
    ['5', 'unknown'],
    ['50', 'unknown'],
    ['6', 'unknown'],
    ['60', 'unknown'],
    ['64', 'unknown'],
    ['8', 'unknown'],
  ])('waits for enough digits to tell: %j is %s', (digits, brand) => {
    expect(brandOf(digits)).toBe(brand);
  });

  it.each([
    ['4011', 'visa'],
    ['40117', 'visa'],
    ['401178', 'elo'],
    ['38', 'diners'],
    ['384', 'diners'],
    ['3841', 'hipercard'],
    ['6500', 'discover'],
    ['650031', 'elo'],
    ['6277', 'unionpay'],
    ['627780', 'elo'],
  ])('lets the most specific prefix win while typing: %s is %s', (digits, brand) => {
    expect(brandOf(digits)).toBe(brand);
  });

  it('reads the co-branded UnionPay–Discover range 622126–622925 as UnionPay', () => {
    expect(brandOf('622126')).toBe('unionpay');
    expect(brandOf('622925')).toBe('unionpay');
  });

  it('looks only at the leading digits', () => {
    expect(brandOf('4242 4242')).toBe('visa');
    expect(brandOf(' 4242')).toBe('unknown');
    expect(brandOf('x4')).toBe('unknown');
  });
});

describe('brand rules', () => {
  it.each([
    ['visa', 'Visa', [13, 16, 19], 3],
    ['mastercard', 'Mastercard', [16], 3],
    ['amex', 'American Express', [15], 4],
    ['discover', 'Discover', [16, 17, 18, 19], 3],
    ['diners', 'Diners Club', [14, 15, 16, 17, 18, 19], 3],
    ['jcb', 'JCB', [16, 17, 18, 19], 3],
    ['unionpay', 'UnionPay', [16, 17, 18, 19], 3],
    ['maestro', 'Maestro', [12, 13, 14, 15, 16, 17, 18, 19], 3],
    ['mir', 'Mir', [16, 17, 18, 19], 3],
    ['elo', 'Elo', [16], 3],
    ['hipercard', 'Hipercard', [16, 19], 3],
    ['unknown', '', [12, 13, 14, 15, 16, 17, 18, 19], 3],
  ] as const)(
    '%s is named %j, %j digits long, with a %i-digit CVC',
    (brand, name, lengths, cvc) => {
      expect(BRANDS[brand]).toMatchObject({ brand, name, lengths, cvcLength: cvc });
    },
  );

  it('needs a Luhn check digit from every brand but UnionPay', () => {
    const without = Object.values(BRANDS).filter((rules) => !rules.luhn);
    expect(without.map((rules) => rules.brand)).toEqual(['unionpay']);
  });
});
