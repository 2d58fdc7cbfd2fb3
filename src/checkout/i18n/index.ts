import { en, type Strings } from './en';

export type { Strings };

/** Languages the frame speaks; `locale` values in any other language fall through (see below). */
export const LANGUAGES = ['en', 'de', 'fr', 'es', 'ja', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * English ships in the frame's bundle; every other language is its own chunk, fetched when the
 * checkout is asked to speak it (DESIGN §11 counts the frame with the one language loaded). The
 * frame waits for that chunk before it shows the form, so the form never shows in English first
 * (only the loading screen can, while the chunk comes).
 */
const LOADERS: Record<Exclude<Language, 'en'>, () => Promise<Strings>> = {
  de: () => import('./de').then((m) => m.de),
  fr: () => import('./fr').then((m) => m.fr),
  es: () => import('./es').then((m) => m.es),
  ja: () => import('./ja').then((m) => m.ja),
  ar: () => import('./ar').then((m) => m.ar),
};

const loaded = new Map<Language, Promise<Strings>>([['en', Promise.resolve(en)]]);

/**
 * A language's strings, fetched once. A chunk that fails to load (the network dropped) is not
 * kept, so the next call tries again; the caller falls back to English meanwhile.
 */
export function loadStrings(language: Language): Promise<Strings> {
  let strings = loaded.get(language);
  if (!strings) {
    strings = LOADERS[language as Exclude<Language, 'en'>]();
    loaded.set(language, strings);
    strings.catch(() => loaded.delete(language));
  }
  return strings;
}

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

/**
 * Chooses the locale against this browser's languages and loads its strings; rejects when the
 * language's chunk cannot be fetched (the caller decides what to show instead).
 */
export async function resolveLocale(
  requested: string | undefined,
  browserLanguages: readonly string[] = navigator.languages.length
    ? navigator.languages
    : [navigator.language],
): Promise<{ locale: string; strings: Strings }> {
  const locale = chooseLocale(requested, browserLanguages);
  return { locale, strings: await loadStrings(languageOf(locale)) };
}

/**
 * A resolved locale without extensions or variants (`en-GB`, `zh-Hant-TW`): what the confirm
 * request passes on, so the issuer's challenge page can speak the shopper's language.
 */
export function baseLocale(locale: string): string {
  const { language, script, region } = new Intl.Locale(locale);
  return [language, script, region].filter(Boolean).join('-');
}
