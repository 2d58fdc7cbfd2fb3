import { describe, expect, it } from 'vitest';
import { contrastFailures, contrastRatio, mix, parseHex } from './contrast';
import { PALETTES, type Palette } from './palette';

const base = (palette: Palette) => ({
  primary: parseHex(palette.primary),
  onPrimary: parseHex(palette.onPrimary),
  primaryShade: parseHex(palette.primaryShade),
  text: parseHex(palette.text),
  background: parseHex(palette.background),
  danger: parseHex(palette.danger),
});

describe('contrastRatio', () => {
  it.each([
    ['#000000', '#ffffff', 21],
    ['#ffffff', '#ffffff', 1],
    ['#777777', '#ffffff', 4.48],
    ['#767676', '#ffffff', 4.54],
    ['#fff', '#000', 21],
  ])('%s on %s is %d:1', (a, b, ratio) => {
    expect(contrastRatio(parseHex(a), parseHex(b))).toBeCloseTo(ratio, 2);
    expect(contrastRatio(parseHex(b), parseHex(a))).toBeCloseTo(ratio, 2);
  });

  it('mixes like color-mix(in srgb)', () => {
    expect(mix(parseHex('#000000'), parseHex('#ffffff'), 25)).toEqual([191.25, 191.25, 191.25]);
  });
});

describe('default palettes', () => {
  it.each(Object.entries(PALETTES))('%s meets WCAG AA in every pair the UI draws', (_, palette) => {
    expect(contrastFailures(base(palette))).toEqual([]);
  });

  it('would catch a palette that does not', () => {
    const pale = { ...PALETTES.light, text: '#9aa0ad', primary: '#a5b4fc' };
    expect(contrastFailures(base(pale)).map((f) => `${f.foreground}/${f.background}`)).toEqual([
      'text/background',
      'text/subtle',
      'textSecondary/background',
      'placeholder/background',
      'onPrimary/primary',
      'onPrimary/primaryHover',
      'primary/background',
      'border/background',
    ]);
  });
});
