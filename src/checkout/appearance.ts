import {
  appearanceVariablesSchema,
  parseAppearance,
  type AppearanceVariable,
  type AppearanceVariables,
  type ParsedAppearance,
} from '../protocol/appearance';
import {
  contrastFailures,
  contrastRatio,
  mix,
  parseHex,
  type ContrastFailure,
  type Rgb,
} from './contrast';
import { PALETTES, colorProperty, customProperty } from './palette';

/** Every variable, so those not given are removed again. */
const VARIABLES = Object.keys(appearanceVariablesSchema.shape) as AppearanceVariable[];

/** What `CSS.supports` checks a variable's value as. */
const checkedAs = (name: AppearanceVariable) =>
  name.startsWith('color') ? 'color' : name === 'fontFamily' ? 'font-family' : 'padding';

const entries = (variables: AppearanceVariables) =>
  Object.entries(variables) as [AppearanceVariable, string][];

/**
 * The protocol's patterns, then the browser's own parser: a value the patterns allow but this
 * browser cannot use would otherwise silently unset every property it feeds. Absent (or null)
 * is the default look.
 */
export function checkAppearance(value: unknown): ParsedAppearance {
  if (value === undefined || value === null) return { ok: true, appearance: {} };
  const parsed = parseAppearance(value);
  if (!parsed.ok) return parsed;
  for (const [name, css] of entries(parsed.appearance.variables ?? {})) {
    if (!CSS.supports(checkedAs(name), css)) {
      return { ok: false, reason: `appearance.variables.${name} is not supported by this browser` };
    }
  }
  return parsed;
}

/**
 * Sets the variables on `root` as custom properties, through the CSSOM (never as style text), and
 * removes those not given. `em` becomes `rem`, so sizes do not compound from element to element.
 * Text on the primary colour is white or dark, whichever reads better on it, and its hover shade
 * moves away from that text.
 */
export function applyVariables(root: HTMLElement, variables: AppearanceVariables = {}): void {
  for (const name of VARIABLES) {
    const value = variables[name]?.replace(/(^|[^r])em$/, '$1rem');
    if (value) root.style.setProperty(customProperty(name), value);
    else root.style.removeProperty(customProperty(name));
  }
  const primary = resolveColor(variables.colorPrimary, [255, 255, 255]);
  const derived = primary && onPrimaryColors(primary);
  for (const name of ['onPrimary', 'primaryShade'] as const) {
    if (derived) root.style.setProperty(colorProperty(name), derived[name]);
    else root.style.removeProperty(colorProperty(name));
  }
}

/**
 * Warnings for the merchant's colours, with the palette's for those not given, where a pair the UI
 * draws falls below WCAG AA. Contrast is the merchant's call: this only says so in the console.
 */
export function contrastWarnings(variables: AppearanceVariables, dark: boolean): string[] {
  if (!entries(variables).some(([name]) => name.startsWith('color'))) return [];
  const palette = PALETTES[dark ? 'dark' : 'light'];
  const background =
    resolveColor(variables.colorBackground, [255, 255, 255]) ?? parseHex(palette.background);
  const color = (value: string | undefined) => resolveColor(value, background);
  const given = color(variables.colorPrimary);
  const primary = given ?? parseHex(palette.primary);
  const { onPrimary, primaryShade } = given ? onPrimaryColors(given) : palette;
  const failures = contrastFailures({
    primary,
    onPrimary: parseHex(onPrimary),
    primaryShade: parseHex(primaryShade),
    text: color(variables.colorText) ?? parseHex(palette.text),
    background,
    danger: color(variables.colorDanger) ?? parseHex(palette.danger),
    textSecondary: color(variables.colorTextSecondary),
    border: color(variables.colorBorder),
  });
  return failures.map(
    (f) =>
      `appearance: ${NAMES[f.foreground]} on ${NAMES[f.background]} has a contrast of ` +
      `${f.ratio.toFixed(2)}:1, below the ${f.minimum}:1 WCAG AA asks for`,
  );
}

/** What the merchant knows each colour of a contrast pair by. */
const NAMES: Record<ContrastFailure['foreground' | 'background'], string> = {
  primary: 'colorPrimary',
  background: 'colorBackground',
  text: 'colorText',
  textSecondary: 'colorTextSecondary',
  border: 'colorBorder',
  danger: 'colorDanger',
  onPrimary: 'the Pay button text',
  primaryHover: 'colorPrimary on hover',
  placeholder: 'placeholders',
  subtle: 'the read-only field background',
  decline: 'the decline message background',
};

/**
 * For a merchant's primary colour: white text or the light palette's dark text, whichever reads
 * better on it, and the hover shade's direction away from that text (black or white).
 */
function onPrimaryColors(primary: Rgb): { onPrimary: string; primaryShade: string } {
  const dark = PALETTES.light.text;
  return contrastRatio(parseHex('#ffffff'), primary) >= contrastRatio(parseHex(dark), primary)
    ? { onPrimary: '#ffffff', primaryShade: '#000000' }
    : { onPrimary: dark, primaryShade: '#ffffff' };
}

let probe: CanvasRenderingContext2D | null | undefined;

/**
 * Any colour the appearance allows, as opaque sRGB: the browser's canvas parses it, and a
 * translucent one is laid over `under`, as it would be drawn.
 */
function resolveColor(value: string | undefined, under: Rgb): Rgb | undefined {
  if (!value) return undefined;
  probe ??= document.createElement('canvas').getContext('2d');
  if (!probe) return undefined;
  probe.fillStyle = '#000';
  probe.fillStyle = value;
  const resolved = String(probe.fillStyle);
  if (resolved.startsWith('#')) return parseHex(resolved);
  const [r = 0, g = 0, b = 0, alpha = 1] = (resolved.match(/[\d.]+/g) ?? []).map(Number);
  return mix([r, g, b], under, alpha * 100);
}
