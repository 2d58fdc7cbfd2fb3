import { css } from 'lit';

export const cardFormStyles = css`
  :host {
    display: block;
  }

  form {
    display: grid;
    gap: 16px;
    margin: 0;
  }

  .row {
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
    gap: 12px;
  }

  .field {
    display: grid;
    gap: 6px;
    min-width: 0;
  }

  label {
    font-size: 14px;
    font-weight: 500;
    line-height: 1.3;
  }

  .control {
    position: relative;
  }

  input {
    box-sizing: border-box;
    width: 100%;
    min-height: 44px;
    margin: 0;
    padding: 10px 12px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: inherit;
    font: inherit;
    font-size: 16px;
    line-height: 1.4;
    box-shadow: 0 1px 1px rgb(0 0 0 / 0.03);
    transition:
      border-color 0.15s ease,
      box-shadow 0.15s ease;
    appearance: none;
  }

  input::placeholder {
    color: var(--_placeholder);
    opacity: 1;
  }

  input:hover {
    border-color: var(--_border-hover);
  }

  input:focus {
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

  #number {
    padding-right: 56px;
    font-variant-numeric: tabular-nums;
  }

  .brand {
    position: absolute;
    top: 50%;
    right: 12px;
    display: flex;
    transform: translateY(-50%);
    pointer-events: none;
  }

  .error {
    margin: 0;
    color: var(--_danger);
    font-size: 13px;
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
    padding: 12px 16px;
    border: 0;
    border-radius: var(--_radius);
    background: var(--_primary);
    color: var(--_on-primary);
    font: inherit;
    font-size: 16px;
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
