import { z } from 'zod/mini';

/**
 * The merchant's appearance for the checkout frame: a theme and a few variables. Every value ends
 * up in a CSS custom property inside the frame, so each is held to a pattern that can only spell a
 * colour, a length or a list of font family names: no `;`, `}`, `url(`, `var(`, comment or escape
 * can get through, and no remote font can be named (a family name is never a URL).
 */
export const Theme = { light: 'light', dark: 'dark', auto: 'auto' } as const;
export type Theme = (typeof Theme)[keyof typeof Theme];

const NUMBER = String.raw`(?:\d{1,3}(?:\.\d{1,4})?|\.\d{1,4})`;
const ARG = `${NUMBER}%?`;

/** `name(a, b, c)`, `name(a, b, c, alpha)`, `name(a b c)` or `name(a b c / alpha)`. */
function colorFunction(name: string, first: string): RegExp {
  const commas = `\\( *${first}(?: *, *${ARG}){2,3} *\\)`;
  const spaces = `\\( *${first}(?: +${ARG}){2}(?: *\\/ *${ARG})? *\\)`;
  return new RegExp(`^${name}a?(?:${commas}|${spaces})$`, 'i');
}

const COLOR_PATTERNS = [
  /^#(?:[0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i,
  colorFunction('rgb', ARG),
  colorFunction('hsl', `${NUMBER}(?:deg)?`),
];

const color = z
  .string()
  .check(
    z.refine(
      (value) => value.length <= 64 && COLOR_PATTERNS.some((pattern) => pattern.test(value)),
    ),
  );

const LENGTH = new RegExp(`^(${NUMBER})(px|rem|em)$|^0$`);

/** A length in px, rem or em (both counted as 16px here) between `min` and `max` pixels. */
function length(min: number, max: number) {
  return z.string().check(
    z.refine((value) => {
      const match = LENGTH.exec(value);
      if (!match) return false;
      const px = Number(match[1] ?? 0) * (match[2] === 'px' || !match[2] ? 1 : 16);
      return px >= min && px <= max;
    }),
  );
}

const WORDS = '[A-Za-z][A-Za-z0-9-]*(?: +[A-Za-z][A-Za-z0-9-]*)*';
const QUOTED = `'[A-Za-z0-9 -]+'|"[A-Za-z0-9 -]+"`;
const FAMILY = `(?:${WORDS}|${QUOTED})`;
const FONT_FAMILY = new RegExp(`^ *${FAMILY} *(?:, *${FAMILY} *)*$`);
/** Not family names: they would make the whole `font-family` declaration invalid. */
const CSS_WIDE = /^(?:inherit|initial|unset|revert|revert-layer|default)$/i;

const fontFamily = z
  .string()
  .check(
    z.refine(
      (value) =>
        value.length <= 200 &&
        FONT_FAMILY.test(value) &&
        !value.split(',').some((name) => CSS_WIDE.test(name.trim())),
    ),
  );

export const appearanceVariablesSchema = z.strictObject({
  colorPrimary: z.optional(color),
  colorBackground: z.optional(color),
  colorText: z.optional(color),
  colorTextSecondary: z.optional(color),
  colorBorder: z.optional(color),
  colorDanger: z.optional(color),
  borderRadius: z.optional(length(0, 32)),
  fontFamily: z.optional(fontFamily),
  fontSizeBase: z.optional(length(12, 24)),
  spacingUnit: z.optional(length(2, 12)),
});
export type AppearanceVariables = z.infer<typeof appearanceVariablesSchema>;
export type AppearanceVariable = keyof AppearanceVariables;

export const appearanceSchema = z.strictObject({
  theme: z.optional(z.enum(Theme)),
  variables: z.optional(appearanceVariablesSchema),
});
export type Appearance = z.infer<typeof appearanceSchema>;

export type ParsedAppearance = { ok: true; appearance: Appearance } | { ok: false; reason: string };

/**
 * Checks an appearance from the host page; the reason names the first offending field, never its
 * value, and is what `payframe-error` `invalid_appearance` carries.
 */
export function parseAppearance(value: unknown): ParsedAppearance {
  const result = appearanceSchema.safeParse(value);
  if (result.success) return { ok: true, appearance: result.data };
  const issue = result.error.issues[0];
  const at = ['appearance', ...(issue?.path ?? [])].join('.');
  if (issue?.code === 'unrecognized_keys') {
    return { ok: false, reason: `${at} has unknown keys: ${issue.keys.join(', ')}` };
  }
  if (issue?.code === 'invalid_type') {
    return {
      ok: false,
      reason: `${at} must be ${issue.expected === 'object' ? 'an' : 'a'} ${issue.expected}`,
    };
  }
  return { ok: false, reason: `${at} is not an allowed value` };
}
