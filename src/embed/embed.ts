/**
 * Entry of `embed.js`, the script merchants load from the payment server. Loading it defines
 * `<payframe-checkout>`; its exports become the `window.Payframe` global of the IIFE build.
 */
import './define';

export { version } from '../../package.json';
export { PayframeCheckoutElement } from './payframe-checkout.element';
export { open, PayframeOpenError, type CheckoutResult, type OpenOptions } from './payframe-open';
