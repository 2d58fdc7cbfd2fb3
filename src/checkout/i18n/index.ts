import { en, type Strings } from './en';

export type { Strings };

/** Locales with a strings file, by language; English is the fallback. */
const LOCALES: Record<string, Strings> = { en };

/**
 * Resolves a requested locale (`auto` means the browser's) to a valid BCP 47 tag for Intl and the
 * strings for its language (`en-GB` → `en`), falling back to English for anything unknown or
 * malformed, since a bad tag would make Intl throw.
 */
export function resolveLocale(requested: string | undefined): { locale: string; strings: Strings } {
  const wanted = requested === 'auto' || !requested ? navigator.language : requested;
  let locale: string;
  try {
    locale = Intl.getCanonicalLocales(wanted)[0] ?? 'en';
  } catch {
    locale = 'en';
  }
  const strings = LOCALES[locale.split('-')[0]?.toLowerCase() ?? ''];
  return strings ? { locale, strings } : { locale: 'en', strings: en };
}

/**
 * A resolved locale without extensions or variants (`en-GB`, `zh-Hant-TW`): what the confirm
 * request passes on, so the issuer's challenge page can speak the shopper's language.
 */
export function baseLocale(locale: string): string {
  const { language, script, region } = new Intl.Locale(locale);
  return [language, script, region].filter(Boolean).join('-');
}
