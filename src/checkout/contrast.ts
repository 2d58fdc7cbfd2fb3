import { MIX } from './palette';

/** sRGB channels, 0–255. */
export type Rgb = readonly [number, number, number];

export function parseHex(hex: string): Rgb {
  const digits = hex.replace('#', '');
  const full = digits.length === 3 ? [...digits].map((d) => d + d).join('') : digits;
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as unknown as Rgb;
}

/** `color-mix(in srgb, a percent%, b)`. */
export function mix(a: Rgb, b: Rgb, percent: number): Rgb {
  const p = percent / 100;
  return a.map((channel, i) => channel * p + b[i]! * (1 - p)) as unknown as Rgb;
}

/** WCAG 2 relative luminance. */
function luminance(color: Rgb): number {
  const [r, g, b] = color.map((channel) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as unknown as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio, from 1 to 21. */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** The colours the UI draws, the given ones and those the stylesheet mixes from them. */
export interface BaseColors {
  primary: Rgb;
  onPrimary: Rgb;
  primaryShade: Rgb;
  text: Rgb;
  background: Rgb;
  danger: Rgb;
  textSecondary?: Rgb | undefined;
  border?: Rgb | undefined;
}

/** What WCAG AA asks of each pair: 4.5:1 for text, 3:1 for input borders and the focus colour. */
const PAIRS = [
  ['text', 'background', 4.5],
  ['text', 'subtle', 4.5],
  ['textSecondary', 'background', 4.5],
  ['placeholder', 'background', 4.5],
  ['danger', 'background', 4.5],
  ['danger', 'decline', 4.5],
  ['onPrimary', 'primary', 4.5],
  ['onPrimary', 'primaryHover', 4.5],
  ['primary', 'background', 3],
  ['border', 'background', 3],
] as const;

type ColorName = (typeof PAIRS)[number][0 | 1];

export interface ContrastFailure {
  foreground: ColorName;
  background: ColorName;
  ratio: number;
  minimum: number;
}

/** Every pair below its WCAG AA minimum, derived colours mixed as theme.styles.ts mixes them. */
export function contrastFailures(base: BaseColors): ContrastFailure[] {
  const { text, background, primary, primaryShade, danger } = base;
  const colors: Record<ColorName, Rgb> = {
    ...base,
    textSecondary: base.textSecondary ?? mix(text, background, MIX.textSecondary),
    placeholder: mix(text, background, MIX.placeholder),
    border: base.border ?? mix(text, background, MIX.border),
    subtle: mix(text, background, MIX.subtle),
    primaryHover: mix(primary, primaryShade, MIX.primaryHover),
    decline: mix(danger, background, MIX.decline),
  };
  return PAIRS.flatMap(([foreground, background, minimum]) => {
    const ratio = contrastRatio(colors[foreground], colors[background]);
    return ratio < minimum ? [{ foreground, background, ratio, minimum }] : [];
  });
}
