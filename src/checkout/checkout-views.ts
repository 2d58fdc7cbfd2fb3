import { html, nothing, type TemplateResult } from 'lit';
import type { CheckoutSummary } from '../protocol/checkout';
import type { Strings } from './i18n';
import { alertIcon, successIcon } from './icons';

/**
 * The app's views other than the form, as plain template functions of their data, so the app
 * element stays about wiring and each view can be rendered on its own in tests.
 */
export function summaryView(summary: CheckoutSummary, amount: string): TemplateResult {
  return html`<header class="summary" part="summary">
    <h1 class="merchant">${summary.merchant.name}</h1>
    <p class="amount">${amount}</p>
    ${summary.description ? html`<p class="description">${summary.description}</p>` : nothing}
  </header>`;
}

export type Tone = 'success' | 'danger';

/** A final screen: icon, heading (focusable, so it can take focus when it replaces the form). */
export function noticeView(
  tone: Tone,
  title: string,
  message: string,
  action?: { label: string; onClick: () => void },
): TemplateResult {
  return html`<section class="notice ${tone}" part="notice">
    <span class="notice-icon">${tone === 'success' ? successIcon : alertIcon(48)}</span>
    <h1 tabindex="-1">${title}</h1>
    <p>${message}</p>
    ${
      action
        ? html`<button type="button" class="secondary" @click=${action.onClick}>
            ${action.label}
          </button>`
        : nothing
    }
  </section>`;
}

export function loadingView(strings: Strings): TemplateResult {
  return html`<div class="loading">
    <span class="spinner" aria-hidden="true"></span><span>${strings.loading}</span>
  </div>`;
}
