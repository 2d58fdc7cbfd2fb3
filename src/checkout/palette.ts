import type { Theme } from '../protocol/appearance';

/**
 * The base colours of the frame's two palettes. Everything else (secondary text, placeholder,
 * borders, hover, rings) is mixed from them in the stylesheet, so a merchant who sets only a text
 * and a background colour still gets borders and secondary text that belong with them.
 * Both palettes meet WCAG AA: palette.test.ts checks every pair the UI draws.
 */
export interface Palette {
  primary: string;
  /** Text on the primary colour (the Pay button). */
  onPrimary: string;
  /** What the primary colour is mixed with on hover: away from `onPrimary`, for more contrast. */
  primaryShade: string;
  text: string;
  background: string;
  danger: string;
  success: string;
}

export const PALETTES: Record<Exclude<Theme, 'auto'>, Palette> = {
  light: {
    primary: '#3b5bdb',
    onPrimary: '#ffffff',
    primaryShade: '#000000',
    text: '#1a1f36',
    background: '#ffffff',
    danger: '#c8102e',
    success: '#0f8a5f',
  },
  dark: {
    primary: '#8ca3ff',
    onPrimary: '#0c1230',
    primaryShade: '#ffffff',
    text: '#e6e9f0',
    background: '#1b1f2b',
    danger: '#ff7a85',
    success: '#4fd1a1',
  },
};

/**
 * How much of the first colour goes into each derived one, as in
 * `color-mix(in srgb, first N%, second)`; shared by the stylesheet and the contrast checks.
 */
export const MIX = {
  /** text into background */
  textSecondary: 72,
  /** text into background */
  placeholder: 66,
  /** text into background: at least 3:1 against the background, as WCAG asks of input borders */
  border: 50,
  /** text into background, for read-only inputs */
  subtle: 4,
  /** primary into primaryShade */
  primaryHover: 85,
  /** danger into background, behind a decline message */
  decline: 6,
} as const;

/**
 * The custom property theme.styles.ts reads for a name: `--payframe-font-size-base` for the
 * variable `fontSizeBase`.
 */
export function customProperty(name: string): string {
  return `--payframe-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** `--payframe-color-on-primary` for a palette's `onPrimary`. */
export const colorProperty = (name: keyof Palette) => customProperty(`color-${name}`);
