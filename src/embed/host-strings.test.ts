import { describe, expect, it } from 'vitest';
import { hostStrings } from './host-strings';

describe('hostStrings', () => {
  it('speaks the element’s locale by its language subtag', () => {
    expect(hostStrings('de-CH', ['en-US'])).toMatchObject({ lang: 'de', cancel: 'Abbrechen' });
    expect(hostStrings('ja', [])).toMatchObject({ lang: 'ja', dir: 'ltr' });
    expect(hostStrings('ar-EG', [])).toMatchObject({ lang: 'ar', dir: 'rtl', cancel: 'إلغاء' });
  });

  it('falls back to the browser’s languages, then English, as the frame does', () => {
    expect(hostStrings('auto', ['it-IT', 'fr-CA']).lang).toBe('fr');
    expect(hostStrings(undefined, ['es-419']).lang).toBe('es');
    expect(hostStrings('zh-Hant', ['ko'])).toMatchObject({ lang: 'en', cancel: 'Cancel' });
    expect(hostStrings('not a tag', ['x', 'de']).lang).toBe('de');
  });

  it('has every word in every language, none of them empty or left in English', () => {
    const english = hostStrings('en', []);
    for (const lang of ['de', 'fr', 'es', 'ja', 'ar']) {
      const words = hostStrings(lang, []);
      expect(Object.keys(words).sort(), lang).toEqual(Object.keys(english).sort());
      for (const [key, text] of Object.entries(words)) {
        expect(text.trim(), `${lang}.${key}`).not.toBe('');
        if (key !== 'dir') expect(text, `${lang}.${key}`).not.toBe(english[key as 'cancel']);
      }
    }
  });
});
