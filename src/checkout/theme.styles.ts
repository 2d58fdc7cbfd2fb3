import { css } from 'lit';

/**
 * Design tokens. Each element maps the public `--payframe-*` custom properties onto private ones
 * with the defaults, so a theme can set any public property on the page or on the element and the
 * elements still work alone (in tests, or if a theme sets only some of them).
 */
export const theme = css`
  :host {
    --_primary: var(--payframe-color-primary, #3b5bdb);
    --_primary-hover: var(--payframe-color-primary-hover, #2f4ac0);
    --_on-primary: var(--payframe-color-on-primary, #fff);
    --_text: var(--payframe-color-text, #1a1f36);
    --_muted: var(--payframe-color-text-secondary, #5c6478);
    --_placeholder: var(--payframe-color-placeholder, #8792a2);
    --_border: var(--payframe-color-border, #d5dbe3);
    --_border-hover: var(--payframe-color-border-hover, #aab3c0);
    --_surface: var(--payframe-color-background, #fff);
    --_subtle: var(--payframe-color-subtle, #f6f8fa);
    --_danger: var(--payframe-color-danger, #c8102e);
    --_success: var(--payframe-color-success, #0f8a5f);
    --_radius: var(--payframe-border-radius, 8px);
    --_font: var(
      --payframe-font-family,
      system-ui,
      -apple-system,
      'Segoe UI',
      Roboto,
      'Helvetica Neue',
      Arial,
      sans-serif
    );
    --_ring: 0 0 0 3px color-mix(in srgb, var(--_primary) 28%, transparent);
    --_danger-ring: 0 0 0 3px color-mix(in srgb, var(--_danger) 22%, transparent);
    font-family: var(--_font);
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
    background: color-mix(in srgb, var(--_danger) 6%, var(--_surface));
    color: var(--_danger);
    font-size: 14px;
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
