import { describe, expect, it } from 'vitest';
import { BRANDS, type CardBrand } from './brands';
import { cardNumberProblem, formatCardNumber, normalizeCardNumber } from './card-number';
import { luhnValid } from './luhn';

/** A number of the given length starting with `prefix`, completed with a valid check digit. */
function cardNumber(prefix: string, length: number): string {
  const body = prefix.padEnd(length - 1, '0');
  const check = [...'0123456789'].find((digit) => luhnValid(body + digit));
  return body + check;
}

const PREFIX_OF: Record<Exclude<CardBrand, 'unknown'>, string> = {
  visa: '4242',
  mastercard: '5555',
  amex: '3782',
  discover: '6011',
  diners: '3056',
  jcb: '3530',
  unionpay: '6200',
  maestro: '6759',
  mir: '2200',
  elo: '636297',
  hipercard: '606282',
};

describe('normalizeCardNumber', () => {
  it('strips the spaces and dashes people type or paste', () => {
    expect(normalizeCardNumber(' 4242-4242 4242\t4242 ')).toBe('4242424242424242');
  });
});

describe('cardNumberProblem', () => {
  describe.each(Object.entries(PREFIX_OF))('%s', (brand, prefix) => {
    const { lengths } = BRANDS[brand as CardBrand];
    it.each([11, 12, 13, 14, 15, 16, 17, 18, 19, 20])('at %i digits', (length) => {
      const expected = lengths.includes(length) ? null : 'wrong_length';
      expect(cardNumberProblem(cardNumber(prefix, length))).toBe(expected);
    });
  });

  it('takes 12 to 19 digits of an unknown brand', () => {
    expect(cardNumberProblem(cardNumber('9', 11))).toBe('wrong_length');
    expect(cardNumberProblem(cardNumber('9', 12))).toBeNull();
    expect(cardNumberProblem(cardNumber('9', 19))).toBeNull();
    expect(cardNumberProblem(cardNumber('9', 20))).toBe('wrong_length');
  });

  it('names the problem', () => {
    expect(cardNumberProblem('')).toBe('empty');
    expect(cardNumberProblem(' - ')).toBe('empty');
    expect(cardNumberProblem('4242 42x2')).toBe('not_digits');
    expect(cardNumberProblem('424242424242')).toBe('wrong_length');
    expect(cardNumberProblem('4242424242424241')).toBe('failed_checksum');
  });

  it('accepts formatted numbers', () => {
    expect(cardNumberProblem('4242 4242 4242 4242')).toBeNull();
    expect(cardNumberProblem('3782-822463-10005')).toBeNull();
  });

  it('checks the Luhn digit of every brand but UnionPay', () => {
    for (const [brand, prefix] of Object.entries(PREFIX_OF)) {
      const valid = cardNumber(prefix, 16 - Number(brand === 'amex'));
      const typo = valid.slice(0, -1) + ((Number(valid.at(-1)) + 1) % 10);
      expect(cardNumberProblem(typo), brand).toBe(brand === 'unionpay' ? null : 'failed_checksum');
    }
  });
});

describe('formatCardNumber', () => {
  it.each([
    ['visa 13', '4222222222222', '4222 2222 2222 2'],
    ['visa 16', '4242424242424242', '4242 4242 4242 4242'],
    ['visa 19', '4000000000000000006', '4000 0000 0000 0000 006'],
    ['mastercard', '5555555555554444', '5555 5555 5555 4444'],
    ['mastercard 2-series', '2223003122003222', '2223 0031 2200 3222'],
    ['amex', '378282246310005', '3782 822463 10005'],
    ['discover', '6011111111111117', '6011 1111 1111 1117'],
    ['discover 19', '6011000000000000004', '6011 0000 0000 0000 004'],
    ['diners 14', '36227206271667', '3622 720627 1667'],
    ['diners 16', '3056930009020004', '3056 9300 0902 0004'],
    ['jcb', '3530111333300000', '3530 1113 3330 0000'],
    ['unionpay 16', '6200000000000005', '6200 0000 0000 0005'],
    ['unionpay 19', '6205500000000000004', '6205 5000 0000 0000 004'],
    ['maestro 12', '675964982643', '6759 6498 2643'],
    ['maestro 16', '6759649826438453', '6759 6498 2643 8453'],
    ['mir', '2200000000000004', '2200 0000 0000 0004'],
    ['elo', '6362970000457013', '6362 9700 0045 7013'],
    ['hipercard', '6062826786276634', '6062 8267 8627 6634'],
    ['unknown', '9999888877776666555', '9999 8888 7777 6666 555'],
  ])('groups %s', (_, digits, formatted) => {
    expect(formatCardNumber(digits)).toBe(formatted);
  });

  it('groups partial numbers as they are typed', () => {
    expect(formatCardNumber('42424')).toBe('4242 4');
    expect(formatCardNumber('37828')).toBe('3782 8');
    expect(formatCardNumber('3782822463')).toBe('3782 822463');
    expect(formatCardNumber('37828224631')).toBe('3782 822463 1');
    expect(formatCardNumber('3622720627166')).toBe('3622 720627 166');
  });

  it('regroups a Diners number in fours once it grows past 14 digits', () => {
    expect(formatCardNumber('36227206271667')).toBe('3622 720627 1667');
    expect(formatCardNumber('362272062716670')).toBe('3622 7206 2716 670');
  });

  it('ignores what is not a digit', () => {
    expect(formatCardNumber('4242-4242 4242 4242')).toBe('4242 4242 4242 4242');
    expect(formatCardNumber(' 4242abc4242 ')).toBe('4242 4242');
    expect(formatCardNumber('')).toBe('');
  });

  it("drops digits beyond the brand's longest length", () => {
    expect(formatCardNumber('3782822463100059')).toBe('3782 822463 10005');
    expect(formatCardNumber('55555555555544441')).toBe('5555 5555 5555 4444');
    expect(formatCardNumber('42424242424242424242')).toBe('4242 4242 4242 4242 424');
  });
});
