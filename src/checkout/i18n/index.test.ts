import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../protocol/money';
import { en } from './en';
import { STRINGS } from '../test-strings';
import { LANGUAGES, baseLocale, chooseLocale, loadStrings, resolveLocale } from '.';

describe('chooseLocale', () => {
  it('takes the locale the host asked for over the browser’s languages', () => {
    expect(chooseLocale('de', ['fr-FR', 'en'])).toBe('de');
    expect(chooseLocale('ar-EG', ['en-US'])).toBe('ar-EG');
  });

  it('uses the first of the browser’s languages that the frame speaks for auto or none', () => {
    expect(chooseLocale('auto', ['it-IT', 'fr-CA', 'de'])).toBe('fr-CA');
    expect(chooseLocale(undefined, ['ja-JP', 'en'])).toBe('ja-JP');
    expect(chooseLocale('', ['es-419'])).toBe('es-419');
  });

  it('matches by language subtag and keeps the whole tag for formatting', async () => {
    expect(chooseLocale('DE-at', [])).toBe('de-AT');
    expect(await resolveLocale('de-CH', [])).toEqual({ locale: 'de-CH', strings: STRINGS.de });
    expect((await resolveLocale('ar-SA', [])).strings.dir).toBe('rtl');
  });

  it('passes over an unsupported or malformed locale to the browser’s, then English', () => {
    expect(chooseLocale('it', ['es-ES'])).toBe('es-ES');
    expect(chooseLocale('not a tag', ['x', 'ja'])).toBe('ja');
    expect(chooseLocale('zh-Hant-TW', ['ko', 'pt-BR'])).toBe('en');
    expect(chooseLocale('auto', [])).toBe('en');
  });
});

describe('loadStrings', () => {
  it('loads each language once, as its own module', async () => {
    for (const lang of LANGUAGES) {
      const first = loadStrings(lang);
      expect(loadStrings(lang)).toBe(first);
      expect(await first).toEqual(STRINGS[lang]);
    }
  });
});

describe('baseLocale', () => {
  it('keeps language, script and region, drops extensions and variants', async () => {
    expect(baseLocale('en-GB')).toBe('en-GB');
    expect(baseLocale('zh-Hant-TW')).toBe('zh-Hant-TW');
    expect(baseLocale('de-CH-1996-u-co-phonebk')).toBe('de-CH');
    expect(baseLocale((await resolveLocale('auto')).locale)).toMatch(
      /^[a-z]{2,3}(-[A-Za-z0-9]+)*$/,
    );
  });
});

type Leaf = string | ((...args: string[]) => string);

/** Every message by its path (`invalid.cvc_empty`), so languages can be compared key by key. */
function leaves(value: object, prefix = ''): Map<string, Leaf> {
  const found = new Map<string, Leaf>();
  for (const [key, child] of Object.entries(value)) {
    const path = prefix + key;
    if (typeof child === 'object' && child !== null) {
      for (const [p, leaf] of leaves(child as object, `${path}.`)) found.set(p, leaf);
    } else {
      found.set(path, child as Leaf);
    }
  }
  return found;
}

/** What a message is: text, or a function of so many arguments. */
const kind = (leaf: Leaf) => (typeof leaf === 'function' ? `function/${leaf.length}` : typeof leaf);

const ARGS = ['⟨first⟩', '⟨second⟩'];
const render = (leaf: Leaf) => (typeof leaf === 'function' ? leaf(...ARGS) : leaf);

describe('strings', () => {
  const english = leaves(en);

  it.each(LANGUAGES)('%s has every message English has, of the same kind, and no other', (lang) => {
    const messages = leaves(STRINGS[lang]);
    expect([...messages.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [path, leaf] of english) expect(kind(messages.get(path)!), path).toBe(kind(leaf));
  });

  it.each(LANGUAGES)('%s leaves no message empty and shows every argument', (lang) => {
    for (const [path, leaf] of leaves(STRINGS[lang])) {
      expect(render(leaf).trim(), path).not.toBe('');
      if (typeof leaf === 'function') {
        for (const arg of ARGS.slice(0, leaf.length)) expect(render(leaf), path).toContain(arg);
      }
    }
  });

  /** Format hints, the dir flag and a line of only its arguments: the same in every script. */
  const LATIN_ANYWHERE = ['dir', 'numberPlaceholder', 'cvcPlaceholder', 'challenge.detail'];

  it.each([
    ['ja', /[\u3040-\u30ff\u4e00-\u9fff]/, ['expiryPlaceholder', 'namePlaceholder']],
    ['ar', /[\u0600-\u06ff]/, []],
  ] as const)('%s writes every message in its own script', (lang, script, latin) => {
    for (const [path, leaf] of leaves(STRINGS[lang])) {
      if (LATIN_ANYWHERE.includes(path) || (latin as readonly string[]).includes(path)) continue;
      expect(render(leaf), path).toMatch(script);
    }
  });

  it('only Arabic reads right to left', () => {
    for (const lang of LANGUAGES) expect(STRINGS[lang].dir).toBe(lang === 'ar' ? 'rtl' : 'ltr');
  });
});

/** Intl's output with every kind of space as a plain one and without bidi marks. */
const plain = (text: string) => text.replace(/[\u200e\u200f\u061c]/g, '').replace(/\s/g, ' ');

describe('amounts in each language', () => {
  it.each([
    ['en', '€19.99', '¥500', 'KWD 1.234'],
    ['de', '19,99 €', '500 ¥', '1,234 KWD'],
    ['fr', '19,99 €', '500 JPY', '1,234 KWD'],
    ['es', '19,99 €', '500 JPY', '1,234 KWD'],
    ['ja', '€19.99', '￥500', 'KWD 1.234'],
    ['ar', '19.99 €', '500 JP¥', '1.234 د.ك.'],
  ])('%s formats EUR, JPY and KWD from minor units', (locale, eur, jpy, kwd) => {
    expect(plain(formatMoney(1999, 'EUR', locale))).toBe(eur);
    expect(plain(formatMoney(500, 'JPY', locale))).toBe(jpy);
    expect(plain(formatMoney(1234, 'KWD', locale))).toBe(kwd);
  });

  it('follows the region of the chosen locale', () => {
    expect(plain(formatMoney(123456, 'CHF', 'de-CH'))).toMatch(/^CHF 1['’]234\.56$/);
    expect(plain(formatMoney(1999, 'EUR', 'ar-EG'))).toBe('١٩٫٩٩ €');
  });
});
