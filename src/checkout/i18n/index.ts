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
