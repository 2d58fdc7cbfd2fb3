import { describe, expect, it } from 'vitest';
import {
  caretAfterFormat,
  deleteAcrossGap,
  fieldProblem,
  formatCvc,
  formatExpiry,
  savedCardRules,
  validateCard,
  type CardValues,
} from './card-fields';

const now = new Date('2026-03-15T12:00:00Z');
const valid: CardValues = {
  number: '4242 4242 4242 4242',
  expiry: '03 / 26',
  cvc: '123',
  name: 'Ada Lovelace',
};

describe('formatExpiry', () => {
  it.each([
    ['1', '1'],
    ['12', '12 / '],
    ['123', '12 / 3'],
    ['1234', '12 / 34'],
    ['12345', '12 / 34'],
    ['4', '04 / '],
    ['1/', '01 / '],
    ['1/2', '01 / 2'],
    ['01/2027', '01 / 27'],
    ['2027-01', '01 / 27'],
    ['1 / 2030', '01 / 30'],
    ['0', '0'],
  ])('formats %j as %j', (raw, formatted) => {
    expect(formatExpiry(raw, false)).toBe(formatted);
  });

  it('leaves the separator off while deleting, so backspace can remove it', () => {
    expect(formatExpiry('12 /', true)).toBe('12');
    expect(formatExpiry('12 / ', true)).toBe('12');
  });
});

describe('formatCvc', () => {
  it('keeps at most four digits', () => {
    expect(formatCvc('1a2 3-45')).toBe('1234');
  });
});

describe('caretAfterFormat', () => {
  it('stays at the end when typing at the end', () => {
    expect(caretAfterFormat('42424', 5, '4242 4')).toBe(6);
  });

  it('stays after the same digit when editing in the middle', () => {
    // Typed a 9 after the second digit of "4242 4242".
    expect(caretAfterFormat('429424242', 3, '4294 2424 2')).toBe(3);
    expect(caretAfterFormat('4242 94242', 6, '4242 9424 2')).toBe(6);
  });
});

describe('deleteAcrossGap', () => {
  it('deletes the digit before a gap when only the gap was deleted', () => {
    expect(deleteAcrossGap('42424242', 4, '4242 4242')).toEqual({ raw: '4244242', caret: 3 });
  });

  it('leaves an ordinary deletion alone', () => {
    expect(deleteAcrossGap('4242 424', 8, '4242 4242')).toEqual({ raw: '4242 424', caret: 8 });
  });
});

describe('fieldProblem', () => {
  it('tells an incomplete number from an invalid one', () => {
    expect(fieldProblem('number', { ...valid, number: '' }, now)).toBe('number_empty');
    expect(fieldProblem('number', { ...valid, number: '4242 4242' }, now)).toBe(
      'number_incomplete',
    );
    expect(fieldProblem('number', { ...valid, number: '4242 4242 4242 4241' }, now)).toBe(
      'number_invalid',
    );
  });

  it('accepts the current month and rejects the month before', () => {
    expect(fieldProblem('expiry', valid, now)).toBeNull();
    expect(fieldProblem('expiry', { ...valid, expiry: '02 / 26' }, now)).toBe('expiry_past');
  });

  it('rejects an incomplete expiry, month 13 and a year too far ahead', () => {
    expect(fieldProblem('expiry', { ...valid, expiry: '12 / 2' }, now)).toBe('expiry_incomplete');
    expect(fieldProblem('expiry', { ...valid, expiry: '13 / 27' }, now)).toBe('expiry_invalid');
    expect(fieldProblem('expiry', { ...valid, expiry: '01 / 99' }, now)).toBe('expiry_invalid');
  });

  it('wants four CVC digits for American Express and three for Visa', () => {
    const amex = { ...valid, number: '3782 822463 10005' };
    expect(fieldProblem('cvc', { ...amex, cvc: '123' }, now)).toBe('cvc_incomplete');
    expect(fieldProblem('cvc', { ...amex, cvc: '1234' }, now)).toBeNull();
    expect(fieldProblem('cvc', { ...valid, cvc: '1234' }, now)).toBe('cvc_invalid');
  });

  it('wants a name that is not only spaces', () => {
    expect(fieldProblem('name', { ...valid, name: '   ' }, now)).toBe('name_empty');
  });

  it('asks for the name again when a card number was typed into it', () => {
    expect(fieldProblem('name', { ...valid, name: '4242 4242 4242 4242' }, now)).toBe('name_empty');
    expect(fieldProblem('name', { ...valid, name: '山田　太郎' }, now)).toBeNull();
  });

  it('takes the new brands with their own lengths and security codes', () => {
    const elo = { ...valid, number: '6362 9700 0045 7013' };
    expect(fieldProblem('number', elo, now)).toBeNull();
    expect(fieldProblem('number', { ...valid, number: '3622 720627 1667' }, now)).toBeNull();
    expect(fieldProblem('number', { ...valid, number: '6205 5000 0000 0000 004' }, now)).toBeNull();
    expect(fieldProblem('cvc', { ...elo, cvc: '1234' }, now)).toBe('cvc_invalid');
  });
});

describe('a saved card', () => {
  it('takes its rules from the brand the server names, unknown for any other', () => {
    expect(savedCardRules('amex')).toMatchObject({ name: 'American Express', cvcLength: 4 });
    expect(savedCardRules('visa')).toMatchObject({ name: 'Visa', cvcLength: 3 });
    expect(savedCardRules('constructor')).toMatchObject({ brand: 'unknown', cvcLength: 3 });
  });

  it('judges its security code by its brand’s length, whatever number the form holds', () => {
    const empty = { ...valid, number: '' };
    expect(fieldProblem('cvc', { ...empty, cvc: '123' }, now, 4)).toBe('cvc_incomplete');
    expect(fieldProblem('cvc', { ...empty, cvc: '1234' }, now, 4)).toBeNull();
    expect(fieldProblem('cvc', { ...empty, cvc: '1234' }, now, 3)).toBe('cvc_invalid');
    expect(fieldProblem('cvc', { ...empty, cvc: '' }, now, 3)).toBe('cvc_empty');
  });
});

describe('validateCard', () => {
  it('returns the card as the confirm endpoint takes it', () => {
    expect(validateCard({ ...valid, name: ' Ada Lovelace ' }, now)).toEqual({
      ok: true,
      card: {
        number: '4242424242424242',
        exp_month: 3,
        exp_year: 2026,
        cvc: '123',
        name: 'Ada Lovelace',
      },
    });
  });

  it('returns every field problem and no card', () => {
    expect(validateCard({ number: '4242', expiry: '', cvc: '1', name: '' }, now)).toEqual({
      ok: false,
      problems: {
        number: 'number_incomplete',
        expiry: 'expiry_empty',
        cvc: 'cvc_incomplete',
        name: 'name_empty',
      },
    });
  });
});
