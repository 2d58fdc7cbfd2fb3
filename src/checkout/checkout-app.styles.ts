import { css } from 'lit';

export const checkoutAppStyles = css`
  :host {
    display: block;
  }

  .card {
    box-sizing: border-box;
    max-width: 480px;
    margin: 0 auto;
    padding: calc(var(--_space) * 6) calc(var(--_space) * 5) calc(var(--_space) * 4);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  @media (max-width: 359px) {
    .card {
      padding: calc(var(--_space) * 5) calc(var(--_space) * 3.5) calc(var(--_space) * 3);
    }
  }

  .summary {
    margin-bottom: calc(var(--_space) * 6);
  }

  .merchant {
    margin: 0;
    color: var(--_muted);
    font-size: calc(var(--_font-size) * 0.9375);
    font-weight: 500;
    line-height: 1.4;
  }

  .amount {
    margin: 2px 0 0;
    font-size: calc(var(--_font-size) * 2);
    font-weight: 600;
    line-height: 1.2;
    letter-spacing: -0.01em;
    font-variant-numeric: tabular-nums;
    overflow-wrap: anywhere;
  }

  .description {
    margin: 6px 0 0;
    color: var(--_muted);
    font-size: calc(var(--_font-size) * 0.875);
    line-height: 1.45;
  }

  /* The hosted page's way back to the shop. */
  .return {
    margin: 12px 0 0;
    text-align: center;
    font-size: calc(var(--_font-size) * 0.875);
    color: var(--_muted);
  }
  .return a {
    color: var(--_text);
    text-decoration: underline;
  }

  /* Keeps its height when empty, so announcing "Processing…" does not move the page. */
  .status {
    min-height: 20px;
    margin: 10px 0 0;
    text-align: center;
    line-height: 20px;
    color: var(--_muted);
    font-size: calc(var(--_font-size) * 0.875);
  }

  .footer {
    display: flex;
    gap: 6px;
    align-items: center;
    justify-content: center;
    margin-top: 8px;
    color: var(--_muted);
    font-size: calc(var(--_font-size) * 0.75);
  }

  .loading {
    display: flex;
    gap: 10px;
    align-items: center;
    justify-content: center;
    min-height: 200px;
    color: var(--_muted);
    font-size: calc(var(--_font-size) * 0.875);
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
    font-size: calc(var(--_font-size) * 1.25);
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
    font-size: calc(var(--_font-size) * 0.9375);
    line-height: 1.5;
  }

  payframe-card-form[hidden] {
    display: none;
  }

  /* The issuer's 3DS-Method page: loaded, never seen. */
  .hidden-frame {
    position: absolute;
    width: 0;
    height: 0;
    border: 0;
  }

  .challenge {
    display: grid;
    gap: 12px;
    justify-items: center;
  }

  .challenge .summary {
    justify-self: stretch;
    margin-bottom: 4px;
  }

  .challenge-title {
    margin: 0;
    font-size: calc(var(--_font-size) * 1.25);
    font-weight: 600;
    line-height: 1.3;
  }

  .challenge-title:focus {
    outline: none;
  }

  .challenge .merchant {
    margin-top: 2px;
  }

  /* EMVCo challengeWindowSize: 01–04 fixed, 05 as wide as the card. */
  .challenge-frame {
    position: relative;
    justify-self: stretch;
    max-width: 100%;
    height: 600px;
    margin: 0 auto;
  }

  .challenge-frame[data-size='01'] {
    justify-self: center;
    width: 250px;
    height: 400px;
  }

  .challenge-frame[data-size='02'] {
    justify-self: center;
    width: 390px;
    height: 400px;
  }

  .challenge-frame[data-size='03'] {
    justify-self: center;
    width: 500px;
    height: 600px;
  }

  .challenge-frame[data-size='04'] {
    justify-self: center;
    width: 600px;
    height: 400px;
  }

  .challenge-window {
    display: block;
    width: 100%;
    height: 100%;
    border: 0;
  }

  /* Covers the blank frame until the issuer's page says it shows. */
  .challenge-loading {
    position: absolute;
    inset: 0;
    min-height: 0;
    background: var(--_surface);
  }

  .challenge .decline {
    justify-self: stretch;
  }

  .challenge .secondary {
    margin-top: 0;
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
    font-size: calc(var(--_font-size) * 0.9375);
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
