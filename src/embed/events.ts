import type { ErrorCode } from '../protocol/errors';

/**
 * The events `<payframe-checkout>` dispatches, all `bubbles: true, composed: true`. Exactly one
 * terminal event per checkout: `payframe-success`, `payframe-cancel`, or a `payframe-failure`
 * whose `error.retryable` is false. A retryable failure means the shopper may try another card.
 */
export interface PayframeEventDetails {
  /** The checkout frame is loaded and connected. */
  'payframe-ready': Record<string, never>;
  /** The payment went through; confirm it on your server with `POST /v1/payments/{id}/validate`. */
  'payframe-success': { invoiceId: string; paymentId: string };
  'payframe-failure': {
    invoiceId: string;
    paymentId?: string;
    error: { code: ErrorCode; message: string; retryable: boolean };
  };
  /**
   * The shopper canceled the checkout (closed the overlay, or `close()` was called while nothing
   * was under way). `invoiceId` is null when it was closed before the checkout had even loaded.
   */
  'payframe-cancel': { invoiceId: string | null };
  /** An integration problem: unsupported mode, frame failed to load, unknown payment origin. */
  'payframe-error': { code: ErrorCode; message: string };
}

export type PayframeEventName = keyof PayframeEventDetails;

export type PayframeEventMap = {
  [K in PayframeEventName]: CustomEvent<PayframeEventDetails[K]>;
};

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- interface merging
  interface HTMLElementEventMap extends PayframeEventMap {}
}

export function payframeEvent<K extends PayframeEventName>(
  name: K,
  detail: PayframeEventDetails[K],
): PayframeEventMap[K] {
  return new CustomEvent(name, { detail, bubbles: true, composed: true }) as PayframeEventMap[K];
}
