import { describe, expect, it } from 'vitest';
import { cardholderNameProblem } from './name';

describe('cardholderNameProblem', () => {
  it.each([
    ['Latin', 'Ada Lovelace'],
    ['an apostrophe', "Conan O'Brien"],
    ['a typographic apostrophe', 'D’Angelo Russell'],
    ['a hyphen', 'Jean-Luc Picard'],
    ['a dot', 'Martin Luther King Jr.'],
    ['initials', 'J. R. R. Tolkien'],
    ['accents', 'José Álvarez Núñez'],
    ['a decomposed accent', 'Jose\u0301 Zoe\u0308'],
    ['Polish', 'Łukasz Żółw'],
    ['Vietnamese', 'Nguyễn Thị Ngọc Trâm'],
    ['Greek', 'Αλέξανδρος Παπαδόπουλος'],
    ['Cyrillic', 'Юлия Петрова'],
    ['Arabic', 'محمد عبد الله'],
    ['Hebrew', 'דוד כהן'],
    ['Devanagari with vowel signs', 'अनिल कुमार'],
    ['Thai', 'สมชาย ใจดี'],
    ['Japanese kanji with an ideographic space', '山田\u3000太郎'],
    ['katakana with a middle dot', 'ジョン・スミス'],
    ['Chinese', '王小明'],
    ['Korean', '김민준'],
    ['two letters', 'Bo'],
    ['a no-break space', 'Ada\u00a0Lovelace'],
  ])('accepts %s: %j', (_, name) => {
    expect(cardholderNameProblem(name)).toBeNull();
  });

  it('judges the name without the spaces around it', () => {
    expect(cardholderNameProblem('  Ada Lovelace  ')).toBeNull();
    expect(cardholderNameProblem(' A ')).toBe('too_short');
  });

  it.each(['', '   ', '\u3000', '\t\n'])('reports %j as empty', (name) => {
    expect(cardholderNameProblem(name)).toBe('empty');
  });

  it.each([
    ['a card number', '4242 4242 4242 4242'],
    ['one digit', 'Ada Lovelace 2'],
    ['Arabic-Indic digits', 'محمد ٤٢'],
    ['full-width digits', '山田 ４２'],
    ['a Roman numeral character', 'Henry Ⅷ'],
  ])('reports %s as having digits: %j', (_, name) => {
    expect(cardholderNameProblem(name)).toBe('has_digits');
  });

  it.each([
    ['an at sign', 'ada@example.com'],
    ['an underscore', 'Ada_Lovelace'],
    ['markup', '<b>Ada</b>'],
    ['a comma', 'Lovelace, Ada'],
    ['an emoji', 'Ada 😀'],
    ['a line break', 'Ada\nLovelace'],
    ['no letter at all', ". '-"],
  ])('reports %s as invalid characters: %j', (_, name) => {
    expect(cardholderNameProblem(name)).toBe('invalid_characters');
  });

  it.each(['A', '李', 'É'])('reports the single letter %j as too short', (name) => {
    expect(cardholderNameProblem(name)).toBe('too_short');
  });

  it('takes up to 100 characters', () => {
    expect(cardholderNameProblem('a'.repeat(100))).toBeNull();
    expect(cardholderNameProblem('a'.repeat(101))).toBe('too_long');
  });
});
