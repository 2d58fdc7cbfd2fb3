import { html, nothing, type TemplateResult } from 'lit';
import type { CheckoutSummary } from '../protocol/checkout';
import type { ChallengeView } from './checkout-state';
import type { Strings } from './i18n';
import { alertIcon, successIcon } from './icons';
import { NESTED_FRAME_SANDBOX } from './nested-frame';

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

/** The iframe's name, which the form posting `creq` targets. */
export const challengeFrameName = (paymentId: string) => `payframe-challenge-${paymentId}`;

/**
 * The issuer's challenge: who is paid how much, the issuer's page in a nested iframe of the window
 * size the confirm asked for (covered until the page says it shows), and a way out.
 */
export function challengeView(
  view: ChallengeView,
  strings: Strings,
  summary: CheckoutSummary,
  amount: string,
  onCancel: () => void,
): TemplateResult {
  const s = strings.challenge;
  return html`<section class="challenge">
    <header class="summary">
      <h1 class="challenge-title" tabindex="-1">${s.title}</h1>
      <p class="merchant">${s.detail(summary.merchant.name, amount)}</p>
    </header>
    <div class="challenge-frame" data-size=${view.windowSize}>
      <iframe
        class="challenge-window"
        name=${challengeFrameName(view.paymentId)}
        title=${s.frame}
        sandbox=${NESTED_FRAME_SANDBOX}
      ></iframe>
      ${
        view.ready
          ? nothing
          : html`<div class="loading challenge-loading">
              <span class="spinner" aria-hidden="true"></span><span>${s.connecting}</span>
            </div>`
      }
    </div>
    ${
      view.message
        ? html`<p class="decline" role="alert">${alertIcon(16)}<span>${view.message}</span></p>`
        : nothing
    }
    <button type="button" class="secondary" @click=${onCancel}>${s.cancel}</button>
  </section>`;
}
