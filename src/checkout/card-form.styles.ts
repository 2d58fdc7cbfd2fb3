import { css } from 'lit';

export const cardFormStyles = css`
  :host {
    display: block;
  }

  form {
    display: grid;
    gap: calc(var(--_space) * 4);
    margin: 0;
  }

  .row {
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
    gap: calc(var(--_space) * 3);
  }

  .field {
    display: grid;
    gap: calc(var(--_space) * 1.5);
    min-width: 0;
  }

  label {
    font-size: calc(var(--_font-size) * 0.875);
    font-weight: 500;
    line-height: 1.3;
  }

  .control {
    position: relative;
  }

  .control input {
    box-sizing: border-box;
    width: 100%;
    min-height: 44px;
    margin: 0;
    padding: calc(var(--_space) * 2.5) calc(var(--_space) * 3);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: inherit;
    font: inherit;
    /* Never below 16px: iOS zooms the page into a smaller input. */
    font-size: max(16px, var(--_font-size));
    line-height: 1.4;
    box-shadow: 0 1px 1px rgb(0 0 0 / 0.03);
    transition:
      border-color 0.15s ease,
      box-shadow 0.15s ease;
    appearance: none;
  }

  .control input::placeholder {
    color: var(--_placeholder);
    opacity: 1;
  }

  .control input:hover,
  .choice:hover {
    border-color: var(--_border-hover);
  }

  .control input:focus {
    border-color: var(--_primary);
    box-shadow: var(--_ring);
    /* Transparent, not none: forced-colors mode paints it, so the focus stays visible there. */
    outline: 2px solid transparent;
  }

  input[aria-invalid='true'] {
    border-color: var(--_danger);
  }

  input[aria-invalid='true']:focus {
    box-shadow: var(--_danger-ring);
  }

  input[readonly] {
    background: var(--_subtle);
  }

  /*
   * Card digits read left to right in every language (dir="ltr" on the input), but the form still
   * mirrors: in a right-to-left page they line up with the labels on the right and the brand icon
   * moves to the left. The input's own direction is always ltr, so its sides are written
   * physically here and chosen by the page's direction.
   */
  #number {
    padding-right: 56px;
    font-variant-numeric: tabular-nums;
  }

  :host(:dir(rtl)) input[dir='ltr'] {
    text-align: right;
  }

  :host(:dir(rtl)) #number {
    padding-right: calc(var(--_space) * 3);
    padding-left: 56px;
  }

  /* A saved card's security code: as wide as the new card's, beside its expiry date. */
  .short input {
    width: calc(50% - var(--_space) * 1.5);
  }

  /* The saved cards and "Use a new card": one radio group, each option a bordered row. */
  fieldset {
    display: grid;
    gap: calc(var(--_space) * 2);
    min-width: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }

  /* Like the fields' labels. */
  legend {
    margin-bottom: calc(var(--_space) * 1.5);
    padding: 0;
    font-size: calc(var(--_font-size) * 0.875);
    font-weight: 500;
  }

  .choice {
    display: flex;
    gap: calc(var(--_space) * 3);
    align-items: center;
    min-height: 44px;
    box-sizing: border-box;
    padding: calc(var(--_space) * 2) calc(var(--_space) * 3);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    font-size: var(--_font-size);
    font-weight: 400;
    cursor: pointer;
  }

  .choice:has(:checked) {
    border-color: var(--_primary);
    box-shadow: inset 0 0 0 1px var(--_primary);
  }

  .choice svg {
    flex: none;
  }

  small,
  .hint {
    display: block;
    margin: 0;
    color: var(--_muted);
    font-size: calc(var(--_font-size) * 0.8125);
  }

  [type='radio'],
  [type='checkbox'] {
    flex: none;
    width: 18px;
    height: 18px;
    margin: 0;
    accent-color: var(--_primary);
  }

  /* The consent: box, label beside it, what it allows under the label. */
  .check {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 4px 10px;
    align-items: center;
  }

  .hint {
    grid-column: 2;
  }

  .brand {
    position: absolute;
    top: 50%;
    inset-inline-end: 12px;
    display: flex;
    transform: translateY(-50%);
    pointer-events: none;
  }

  .error {
    margin: 0;
    color: var(--_danger);
    font-size: calc(var(--_font-size) * 0.8125);
    line-height: 1.4;
  }

  button {
    display: flex;
    gap: 8px;
    align-items: center;
    justify-content: center;
    width: 100%;
    min-height: 48px;
    margin-top: 4px;
    padding: calc(var(--_space) * 3) calc(var(--_space) * 4);
    border: 0;
    border-radius: var(--_radius);
    background: var(--_primary);
    color: var(--_on-primary);
    font: inherit;
    font-size: var(--_font-size);
    font-weight: 600;
    cursor: pointer;
    box-shadow: 0 1px 2px rgb(0 0 0 / 0.12);
    transition:
      background-color 0.15s ease,
      box-shadow 0.15s ease;
  }

  button:hover:not(:disabled) {
    background: var(--_primary-hover);
  }

  button:focus-visible {
    box-shadow:
      0 0 0 2px var(--_surface),
      0 0 0 4px var(--_primary);
    outline: 2px solid transparent;
  }

  button:disabled {
    cursor: progress;
    opacity: 0.75;
  }
`;
