import { PayframeCheckoutElement } from './payframe-checkout.element';

export const TAG_NAME = 'payframe-checkout';

// A page that loads embed.js twice keeps the first definition instead of throwing.
if (!customElements.get(TAG_NAME)) customElements.define(TAG_NAME, PayframeCheckoutElement);

declare global {
  interface HTMLElementTagNameMap {
    'payframe-checkout': PayframeCheckoutElement;
  }
}
