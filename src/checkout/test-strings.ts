import { ar } from './i18n/ar';
import { de } from './i18n/de';
import { en, type Strings } from './i18n/en';
import { es } from './i18n/es';
import { fr } from './i18n/fr';
import { ja } from './i18n/ja';
import type { Language } from './i18n';

/** Every language's strings at once, for tests (the frame itself loads one language at a time). */
export const STRINGS: Record<Language, Strings> = { en, de, fr, es, ja, ar };
