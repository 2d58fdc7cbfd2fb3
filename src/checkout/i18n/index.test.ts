import { describe, expect, it } from 'vitest';
import { baseLocale, resolveLocale } from '.';

describe('baseLocale', () => {
  it('keeps language, script and region, drops extensions and variants', () => {
    expect(baseLocale('en-GB')).toBe('en-GB');
    expect(baseLocale('zh-Hant-TW')).toBe('zh-Hant-TW');
    expect(baseLocale('de-CH-1996-u-co-phonebk')).toBe('de-CH');
    expect(baseLocale(resolveLocale('auto').locale)).toMatch(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/);
  });
});
