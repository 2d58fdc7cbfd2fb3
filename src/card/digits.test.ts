import { describe, expect, it } from 'vitest';
import { asciiDigits } from './digits';

describe('asciiDigits', () => {
  it.each([
    ['Arabic-Indic', '٤٢٤٢ ٤٢٤٢', '4242 4242'],
    ['Extended Arabic-Indic', '۰۱۲۳۴۵۶۷۸۹', '0123456789'],
    ['Devanagari', '०१२३४५६७८९', '0123456789'],
    ['full-width', '０１２３４５６７８９', '0123456789'],
  ])('rewrites %s digits as ASCII', (_, typed, ascii) => {
    expect(asciiDigits(typed)).toBe(ascii);
  });

  it('rewrites the full-width separators an input method types with an expiry or number', () => {
    expect(asciiDigits('１２／２７')).toBe('12/27');
    expect(asciiDigits('４２４２－４２４２\u3000４２')).toBe('4242-4242 42');
    expect(asciiDigits('１２．２７')).toBe('12.27');
  });

  it('keeps the length, so a caret position still points at the same character', () => {
    const typed = '٤٢٤٢ ４２a';
    expect(asciiDigits(typed)).toHaveLength(typed.length);
  });

  it('leaves ASCII, letters and other characters alone', () => {
    expect(asciiDigits('4242 abc / ñ 中')).toBe('4242 abc / ñ 中');
  });
});
