import { fixture, html } from '@open-wc/testing-helpers';
import { expect, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { CheckoutSummary, ConfirmCheckout, ConfirmResult } from '../protocol/checkout';
import type { CancelReason, CheckoutApi } from './checkout-api';
import type { FrameToHost } from '../protocol/frame-messages';
import type { CheckoutApp } from './checkout-app.element';
import './define';
import { resolveLocale } from './i18n';
import { openSummary } from './test-summary';
import type { ThreeDsTiming } from './three-ds-timing';

/** Helpers for the checkout app's component tests. */

const never = <T>() => new Promise<T>(() => {});

/**
 * An in-memory checkout: answers the summary, and answers confirms, status checks and cancels with
 * whatever the test decides (by default never), recording each call.
 */
export function fakeApi(options: {
  summary?: CheckoutSummary;
  confirm?: () => Promise<ConfirmResult>;
  payment?: (paymentId: string) => Promise<ConfirmResult>;
  cancel?: (paymentId: string, reason: CancelReason) => Promise<ConfirmResult>;
}) {
  const confirms: { token: string; body: ConfirmCheckout }[] = [];
  const checks: string[] = [];
  const cancels: { paymentId: string; reason: CancelReason }[] = [];
  const api: CheckoutApi = {
    fetchSummary: async () => options.summary ?? openSummary,
    confirmCheckout: (token, body) => {
      confirms.push({ token, body });
      return options.confirm?.() ?? never();
    },
    fetchPayment: (_token, paymentId) => {
      checks.push(paymentId);
      return options.payment?.(paymentId) ?? never();
    },
    cancelChallenge: (_token, paymentId, reason) => {
      cancels.push({ paymentId, reason });
      return options.cancel?.(paymentId, reason) ?? never();
    },
  };
  return { api, confirms, checks, cancels };
}

/** Long enough never to run out within a test unless the test shortens one. */
export const slowTiming: ThreeDsTiming = {
  methodTimeoutMs: 60_000,
  acsReadyTimeoutMs: 60_000,
  pollIntervalMs: 60_000,
};

export async function mount(
  api: CheckoutApi,
  options: {
    where?: Pick<Location, 'pathname' | 'hash'>;
    timing?: Partial<ThreeDsTiming>;
    resolveLocale?: CheckoutApp['resolveLocale'];
  } = {},
) {
  const where = options.where ?? { pathname: '/checkout/ct_test1', hash: '' };
  const timing = { ...slowTiming, ...options.timing };
  const app = await fixture<CheckoutApp>(
    html`<payframe-checkout-app
      .api=${api}
      .where=${where}
      .timing=${timing}
      .resolveLocale=${options.resolveLocale ?? resolveLocale}
    ></payframe-checkout-app>`,
  );
  // Loading ends once the locale's strings and the summary are in (a few turns of the event loop).
  await vi.waitFor(() =>
    expect(app.shadowRoot?.querySelector('main[aria-busy="false"]')).toBeTruthy(),
  );
  await app.updateComplete;
  const ui = page.elementLocator(app);
  return { app, ui };
}

/** Two years ahead, so the expiry typed in these tests never lies in the past. */
export const EXP_YEAR = new Date().getFullYear() + 2;
export const EXP_YY = String(EXP_YEAR % 100).padStart(2, '0');

export async function payWith(
  ui: ReturnType<typeof page.elementLocator>,
  number = '4242424242424242',
) {
  await ui.getByLabelText('Card number').fill(number);
  await ui.getByLabelText('Expiry date').fill(`12 / ${EXP_YY}`);
  await ui.getByLabelText('Security code').fill('123');
  await ui.getByLabelText('Name on card').fill('Ada Lovelace');
  await userEvent.click(ui.getByRole('button', { name: /^Pay/ }));
}

export const deferred = <T>() => {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((yes, no) => ((resolve = yes), (reject = no)));
  return { promise, resolve, reject };
};

/**
 * The checkout app embedded in this very page, the test playing the host: it answers the
 * handshake with a real MessageChannel port, as `embed.js` does, and records what the frame sends.
 */
export async function embedInThisPage(
  channel: string,
  fake: ReturnType<typeof fakeApi> = fakeApi({
    summary: { ...openSummary, allowed_origins: [location.origin] },
  }),
) {
  const ready = new Promise<void>((resolve) => {
    const onReady = (event: MessageEvent) => {
      if ((event.data as { type?: string } | null)?.type !== 'payframe:frame-ready') return;
      window.removeEventListener('message', onReady);
      resolve();
    };
    window.addEventListener('message', onReady);
  });
  const where = {
    pathname: '/checkout/ct_test1',
    hash: `#origin=${encodeURIComponent(location.origin)}&channel=${channel}`,
  };
  const app = await fixture<CheckoutApp>(
    html`<payframe-checkout-app
      .api=${fake.api}
      .where=${where}
      .timing=${slowTiming}
      .hostWindow=${window}
    ></payframe-checkout-app>`,
  );
  await ready;
  const { port1, port2 } = new MessageChannel();
  const received: FrameToHost[] = [];
  port1.onmessage = (event) => received.push(event.data as FrameToHost);
  window.postMessage({ type: 'payframe:connect', channel }, location.origin, [port2]);
  await vi.waitFor(() => expect(received).toContainEqual({ type: 'ready' }));
  return { app, ui: page.elementLocator(app), port: port1, received, fake };
}
