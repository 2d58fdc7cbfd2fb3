import { describe, expect, it } from 'vitest';
import { ACS_STRINGS, AcsLanguage, languageFor, languageFromAcceptLanguage } from './acs-i18n';

describe('languageFor', () => {
  it('takes the primary subtag of a locale', () => {
    expect(languageFor('de-DE')).toBe('de');
    expect(languageFor('ja_JP')).toBe('ja');
    expect(languageFor('AR')).toBe('ar');
  });

  it('has nothing for other languages', () => {
    expect(languageFor('pt-BR')).toBeUndefined();
    expect(languageFor('')).toBeUndefined();
  });
});

describe('languageFromAcceptLanguage', () => {
  it('picks the most wanted language we have', () => {
    expect(languageFromAcceptLanguage('pt-BR, fr;q=0.8, de;q=0.9')).toBe('de');
  });

  it('falls back to English', () => {
    expect(languageFromAcceptLanguage(undefined)).toBe('en');
    expect(languageFromAcceptLanguage('pt, fr;q=0')).toBe('en');
  });
});

describe('strings', () => {
  it('say how many attempts are left in every language', () => {
    for (const language of AcsLanguage) {
      expect(ACS_STRINGS[language].wrongCode(2), language).not.toBe(
        ACS_STRINGS[language].wrongCode(1),
      );
    }
    expect(ACS_STRINGS.ar.wrongCode(2)).toContain('محاولتان');
  });
});
