import { en, type Strings } from './en';

export type { Strings };

/** Locales with a strings file; the first is the fallback. */
const LOCALES: Record<string, Strings> = { en };

/** Picks the strings for a BCP 47 tag by its language (`en-GB` → `en`), falling back to English. */
export function stringsFor(locale: string | undefined): { locale: string; strings: Strings } {
  const language = (locale ?? '').toLowerCase().split('-')[0] ?? '';
  const strings = LOCALES[language];
  return strings ? { locale: locale as string, strings } : { locale: 'en', strings: en };
}
