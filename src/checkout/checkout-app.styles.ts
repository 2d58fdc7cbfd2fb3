import { css } from 'lit';

export const checkoutAppStyles = css`
  :host {
    display: block;
  }

  .card {
    box-sizing: border-box;
    max-width: 480px;
    margin: 0 auto;
    padding: 24px 20px 16px;
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  @media (max-width: 359px) {
    .card {
      padding: 20px 14px 12px;
    }
  }

  .summary {
    margin-bottom: 24px;
  }

  .merchant {
    margin: 0;
    color: var(--_muted);
    font-size: 15px;
    font-weight: 500;
    line-height: 1.4;
  }

  .amount {
    margin: 2px 0 0;
    font-size: 32px;
    font-weight: 600;
    line-height: 1.2;
    letter-spacing: -0.01em;
    font-variant-numeric: tabular-nums;
    overflow-wrap: anywhere;
  }

  .description {
    margin: 6px 0 0;
    color: var(--_muted);
    font-size: 14px;
    line-height: 1.45;
  }

  /* Keeps its height when empty, so announcing "Processing…" does not move the page. */
  .status {
    min-height: 20px;
    margin: 10px 0 0;
    text-align: center;
    line-height: 20px;
    color: var(--_muted);
    font-size: 14px;
  }

  .footer {
    display: flex;
    gap: 6px;
    align-items: center;
    justify-content: center;
    margin-top: 8px;
    color: var(--_muted);
    font-size: 12px;
  }

  .loading {
    display: flex;
    gap: 10px;
    align-items: center;
    justify-content: center;
    min-height: 200px;
    color: var(--_muted);
    font-size: 14px;
  }

  .notice {
    display: grid;
    justify-items: center;
    gap: 8px;
    padding: 24px 0 8px;
    text-align: center;
  }

  .notice-icon {
    display: flex;
    margin-bottom: 4px;
  }

  .success .notice-icon {
    color: var(--_success);
  }

  .danger .notice-icon {
    color: var(--_danger);
  }

  .notice h1 {
    margin: 0;
    font-size: 20px;
    font-weight: 600;
    line-height: 1.3;
  }

  .notice h1:focus {
    outline: none;
  }

  .notice p {
    max-width: 36ch;
    margin: 0;
    color: var(--_muted);
    font-size: 15px;
    line-height: 1.5;
  }

  .secondary {
    min-height: 44px;
    margin-top: 12px;
    padding: 10px 20px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
    font-size: 15px;
    font-weight: 500;
    cursor: pointer;
  }

  .secondary:hover {
    border-color: var(--_border-hover);
  }

  .secondary:focus-visible {
    border-color: var(--_primary);
    box-shadow: var(--_ring);
    outline: 2px solid transparent;
  }
`;
