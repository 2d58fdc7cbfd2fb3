import { ar } from './ar';
import { de } from './de';
import { en, type Strings } from './en';
import { es } from './es';
import { fr } from './fr';
import { ja } from './ja';

export type { Strings };

/** Languages the frame speaks; `locale` values in any other language fall through (see below). */
export const LANGUAGES = ['en', 'de', 'fr', 'es', 'ja', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * All languages ship in the frame bundle: the five besides English add about 5 KB brotli, inside
 * the frame's budget (DESIGN §11), and the first render needs no second request and never shows
 * English first. Should the budget tighten, these become `import()` chunks loaded by language.
 */
export const STRINGS: Record<Language, Strings> = { en, de, fr, es, ja, ar };

const isLanguage = (value: string): value is Language =>
  (LANGUAGES as readonly string[]).includes(value);

/** The canonical form of `tag` when its language has strings; null for any other or a bad tag. */
function supportedLocale(tag: string): string | null {
  try {
    const locale = Intl.getCanonicalLocales(tag)[0];
    return locale && isLanguage(new Intl.Locale(locale).language) ? locale : null;
  } catch {
    return null;
  }
}

/**
 * The frame's locale: the one the host asked for (its `locale` attribute) when its language is
 * supported; otherwise, and for `auto` or none, the first of the shopper's browser languages
 * whose language is supported; otherwise English. Matching is by language subtag, and the whole
 * tag is kept for formatting, so `de-CH` gets German strings and Swiss number formats.
 */
export function chooseLocale(
  requested: string | undefined,
  browserLanguages: readonly string[],
): string {
  const wanted =
    requested && requested !== 'auto' ? [requested, ...browserLanguages] : browserLanguages;
  for (const tag of wanted) {
    const locale = supportedLocale(tag);
    if (locale) return locale;
  }
  return 'en';
}

/** The language whose strings a locale chosen by `chooseLocale` uses. */
export function languageOf(locale: string): Language {
  const { language } = new Intl.Locale(locale);
  return isLanguage(language) ? language : 'en';
}

/** Chooses the locale against this browser's languages, with its strings. */
export function resolveLocale(
  requested: string | undefined,
  browserLanguages: readonly string[] = navigator.languages.length
    ? navigator.languages
    : [navigator.language],
): { locale: string; strings: Strings } {
  const locale = chooseLocale(requested, browserLanguages);
  return { locale, strings: STRINGS[languageOf(locale)] };
}

/**
 * A resolved locale without extensions or variants (`en-GB`, `zh-Hant-TW`): what the confirm
 * request passes on, so the issuer's challenge page can speak the shopper's language.
 */
export function baseLocale(locale: string): string {
  const { language, script, region } = new Intl.Locale(locale);
  return [language, script, region].filter(Boolean).join('-');
}
