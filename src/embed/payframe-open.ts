import type { Appearance } from '../protocol/appearance';
import type { ErrorCode } from '../protocol/error-codes';
import { OVERLAY_RESULT_MS } from './constants';
import { DisplayMode } from './display-modes';
import { openPopupWindow } from './popup-view';
import type { PayframeEventDetails } from './events';
import type { PayframeCheckoutElement } from './payframe-checkout.element';

/** The checkout token, or what will give it (the merchant's server may still be answering). */
export type TokenSource = string | Promise<string> | (() => string | Promise<string>);

export interface OpenOptions {
  token: TokenSource;
  /** `overlay` (default), `popup`, `redirect`, or `inline` into `container`. */
  mode?: 'overlay' | 'popup' | 'redirect' | 'inline';
  /** Where an inline checkout goes. */
  container?: Element;
  locale?: string;
  appearance?: Appearance;
}

/** How a checkout opened with `Payframe.open` ended: its one terminal event, as a value. */
export type CheckoutResult = (
  | ({ outcome: 'succeeded' } & PayframeEventDetails['payframe-success'])
  | ({ outcome: 'failed' } & PayframeEventDetails['payframe-failure'])
  | ({ outcome: 'canceled' } & PayframeEventDetails['payframe-cancel'])
) & {
  /** Set when the checkout was not shown as asked: `overlay` for a popup the browser blocked. */
  shownAs?: string;
};

/** An integration error (`payframe-error`): the checkout could not be shown. */
export class PayframeOpenError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'PayframeOpenError';
  }
}

/**
 * Opens a checkout without writing the element yourself, and resolves with how it ended. Retryable
 * declines do not settle it (the shopper may try another card). A redirect leaves the page, so its
 * promise never settles; the hosted page returns to the invoice's `success_url` or `cancel_url`.
 */
export async function open(options: OpenOptions): Promise<CheckoutResult> {
  const mode = options.mode ?? DisplayMode.overlay;
  if (mode === DisplayMode.inline && !options.container) {
    throw new PayframeOpenError('invalid_request', 'An inline checkout needs a container.');
  }
  const source = options.token;
  // In the click, before any wait: a window opened later would be blocked.
  const popup = mode === DisplayMode.popup ? openPopupWindow() : undefined;
  let token: unknown;
  try {
    token = await (typeof source === 'function' ? source() : source);
  } catch (error) {
    popup?.close();
    throw new PayframeOpenError(
      'invalid_request',
      `The checkout token could not be had: ${String(error)}`,
    );
  }
  if (typeof token !== 'string' || !token) {
    popup?.close();
    throw new PayframeOpenError('invalid_request', 'The checkout token is empty.');
  }
  const el = document.createElement('payframe-checkout') as PayframeCheckoutElement;
  // The shopper closed the window while the shop was still preparing the checkout.
  if (popup?.closed) return { outcome: 'canceled', invoiceId: null };
  el.mode = mode;
  el.token = token;
  el.popupWindow = popup;
  if (options.locale) el.locale = options.locale;
  if (options.appearance) el.appearance = options.appearance;
  const settled = new Promise<CheckoutResult>((resolve, reject) => {
    const finish = (result: CheckoutResult, delay = 0) => {
      resolve(el.shownAs && el.shownAs !== mode ? { ...result, shownAs: el.shownAs } : result);
      if (mode !== DisplayMode.inline) setTimeout(() => el.remove(), delay);
    };
    el.addEventListener('payframe-success', (e) =>
      finish({ outcome: 'succeeded', ...e.detail }, OVERLAY_RESULT_MS + 100),
    );
    el.addEventListener('payframe-failure', (e) => {
      if (!e.detail.error.retryable) {
        finish({ outcome: 'failed', ...e.detail }, OVERLAY_RESULT_MS + 100);
      }
    });
    el.addEventListener('payframe-cancel', (e) => finish({ outcome: 'canceled', ...e.detail }));
    el.addEventListener('payframe-error', (e) => {
      // A refused appearance leaves the default look; the checkout goes on.
      if (e.detail.code === 'invalid_appearance')
        return console.warn('[payframe]', e.detail.message);
      reject(new PayframeOpenError(e.detail.code, e.detail.message));
      el.remove();
    });
  });
  (options.container ?? document.body).append(el);
  try {
    await el.open();
  } catch (error) {
    el.remove();
    popup?.close();
    throw new PayframeOpenError(
      'frame_load_failed',
      `The checkout could not open: ${String(error)}`,
    );
  }
  return settled;
}
