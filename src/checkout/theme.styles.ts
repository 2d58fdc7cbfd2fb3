import { css, unsafeCSS } from 'lit';
import { MIX, PALETTES, colorProperty, type Palette } from './palette';

/** `var(--payframe-color-…, <light default>)`, from the palette's constants (never from input). */
const light = (name: keyof Palette) =>
  unsafeCSS(`var(${colorProperty(name)}, ${PALETTES.light[name]})`);

/** The dark palette as `--payframe-color-…` declarations, under whatever the merchant set. */
const dark = unsafeCSS(
  Object.entries(PALETTES.dark)
    .map(([name, value]) => `${colorProperty(name as keyof Palette)}: ${value};`)
    .join(' '),
);

/**
 * Design tokens. Each element maps the public `--payframe-*` custom properties onto private ones
 * with the light defaults, so the elements also work alone (in tests). The merchant's appearance
 * sets the public ones on the checkout's root (appearance.ts), the dark palette sets them under
 * those (`colorSchemes`), and the shades below are mixed from whatever results, in CSS.
 */
export const theme = css`
  :host {
    --_primary: ${light('primary')};
    --_on-primary: ${light('onPrimary')};
    --_text: ${light('text')};
    --_surface: ${light('background')};
    --_danger: ${light('danger')};
    --_success: ${light('success')};
    --_muted: var(
      --payframe-color-text-secondary,
      color-mix(in srgb, var(--_text) ${MIX.textSecondary}%, var(--_surface))
    );
    --_placeholder: color-mix(in srgb, var(--_text) ${MIX.placeholder}%, var(--_surface));
    --_border: var(
      --payframe-color-border,
      color-mix(in srgb, var(--_text) ${MIX.border}%, var(--_surface))
    );
    --_border-hover: color-mix(in srgb, var(--_border) 70%, var(--_text));
    --_subtle: color-mix(in srgb, var(--_text) ${MIX.subtle}%, var(--_surface));
    --_primary-hover: color-mix(
      in srgb,
      var(--_primary) ${MIX.primaryHover}%,
      ${light('primaryShade')}
    );
    --_radius: var(--payframe-border-radius, 8px);
    /* Font sizes and spacing in the elements' styles are multiples of these two. */
    --_font-size: var(--payframe-font-size-base, 16px);
    --_space: var(--payframe-spacing-unit, 4px);
    /* The merchant's families first, then ours, so a font the shopper lacks falls back to it. */
    --_font:
      var(--payframe-font-family, system-ui), system-ui, -apple-system, 'Segoe UI', Roboto,
      'Helvetica Neue', Arial, sans-serif;
    --_ring: 0 0 0 3px color-mix(in srgb, var(--_primary) 28%, transparent);
    --_danger-ring: 0 0 0 3px color-mix(in srgb, var(--_danger) 22%, transparent);
    font-family: var(--_font);
    font-size: var(--_font-size);
    color: var(--_text);
    -webkit-font-smoothing: antialiased;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }

  /* A decline or error the shopper can act on (card form, challenge). */
  .decline {
    display: flex;
    gap: 8px;
    align-items: flex-start;
    margin: 0;
    padding: 10px 12px;
    border: 1px solid color-mix(in srgb, var(--_danger) 30%, transparent);
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_danger) ${MIX.decline}%, var(--_surface));
    color: var(--_danger);
    font-size: calc(var(--_font-size) * 0.875);
    line-height: 1.4;
  }

  .decline svg {
    flex: none;
    margin-top: 1px;
  }

  .spinner {
    width: 1em;
    height: 1em;
    box-sizing: border-box;
    border: 2px solid currentColor;
    border-right-color: transparent;
    border-radius: 50%;
    animation: spin 0.75s linear infinite;
  }

  @keyframes spin {
    to {
      transform: rotate(1turn);
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation-duration: 2.5s;
    }
  }
`;

/**
 * The checkout's themes, for its root element only: its `theme` attribute picks the palette, and
 * `color-scheme` follows so form controls and autofill match. `auto` follows the shopper's system.
 */
export const colorSchemes = css`
  :host([theme='dark']) {
    color-scheme: dark;
    ${dark}
  }

  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      color-scheme: dark;
      ${dark}
    }
  }
`;
