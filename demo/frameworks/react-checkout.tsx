import type { Ref } from 'react';
import type { PayframeEventMap } from '../../src/embed/events';
import type { PayframeCheckoutElement } from '../../src/embed/payframe-checkout.element';
import type { Appearance } from '../../src/protocol/appearance';
import { APPEARANCE, MESSAGES, paymentUrl } from './shop-api';

type Listener<K extends keyof PayframeEventMap> = (event: PayframeEventMap[K]) => void;

/**
 * `<payframe-checkout>` in JSX. React 19 sets a prop as a property when the element has one (it is
 * defined by then: see `loadPayframe`), and adds `on…` props as listeners of the event named after
 * `on`, case kept: `onpayframe-success` listens to `payframe-success`.
 */
interface PayframeCheckoutAttributes {
  ref?: Ref<PayframeCheckoutElement>;
  token: string;
  mode?: 'inline' | 'overlay' | 'popup' | 'redirect';
  locale?: string;
  appearance?: Appearance;
  'onpayframe-ready'?: Listener<'payframe-ready'>;
  'onpayframe-success'?: Listener<'payframe-success'>;
  'onpayframe-failure'?: Listener<'payframe-failure'>;
  'onpayframe-cancel'?: Listener<'payframe-cancel'>;
  'onpayframe-error'?: Listener<'payframe-error'>;
}

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- React's JSX types are a namespace
  namespace JSX {
    interface IntrinsicElements {
      'payframe-checkout': PayframeCheckoutAttributes;
    }
  }
}

let loading: Promise<unknown> | undefined;

/**
 * Imports `embed.mjs` from the payment origin once, which defines `<payframe-checkout>`. The app
 * awaits it before rendering the element, so React finds its properties and sets `appearance` as
 * the object it is, not as the text `[object Object]`.
 */
export function loadPayframe(): Promise<unknown> {
  loading ??= import(/* @vite-ignore */ `${paymentUrl}/embed.mjs`).catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

/**
 * React takes the element out of the page when the checkout unmounts (which already ends its
 * checkout); `destroy()` then makes that final. Not in the cleanup itself: in development,
 * StrictMode rehearses an unmount by calling the cleanup and then this ref again on the same
 * element, still in the page, and a destroyed element never mounts a checkout again.
 */
function destroyOnceRemoved(element: PayframeCheckoutElement | null) {
  if (!element) return;
  return () => queueMicrotask(() => !element.isConnected && element.destroy());
}

export interface CheckoutProps {
  token: string;
  onPaid: (paymentId: string) => void;
  /** The checkout ended without a payment; it says why. */
  onEnded: (message: string) => void;
  onMessage: (message: string) => void;
}

/** One checkout: give it a `key` per token, so a new token is a new element. */
export function Checkout({ token, onPaid, onEnded, onMessage }: CheckoutProps) {
  return (
    <payframe-checkout
      ref={destroyOnceRemoved}
      token={token}
      mode="inline"
      appearance={APPEARANCE}
      onpayframe-success={(event) => onPaid(event.detail.paymentId)}
      onpayframe-failure={({ detail: { error } }) =>
        error.retryable
          ? onMessage(MESSAGES.retry(error.message))
          : onEnded(MESSAGES.failed(error.message))
      }
      onpayframe-cancel={() => onEnded(MESSAGES.canceled)}
      onpayframe-error={({ detail }) =>
        // A refused appearance keeps the default look; anything else ends this try.
        detail.code === 'invalid_appearance'
          ? onMessage(detail.message)
          : onEnded(MESSAGES.error(detail.message))
      }
    />
  );
}
