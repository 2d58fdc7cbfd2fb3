import { defineComponent, h, onBeforeUnmount, ref } from 'vue';
import type { PayframeEventMap } from '../../src/embed/events';
import type { PayframeCheckoutElement } from '../../src/embed/payframe-checkout.element';
import { APPEARANCE, MESSAGES } from './shop-api';

/**
 * One checkout, as a Vue component: give it a `key` per token, so a new token is a new element.
 * `h('payframe-checkout', …)` makes a plain element (a template would need `isCustomElement` in
 * the compiler's options): Vue sets `token`, `mode` and `appearance` as properties since the
 * element has them, and `onPayframeSuccess` listens to `payframe-success`.
 */
export const Checkout = defineComponent({
  props: { token: { type: String, required: true } },
  emits: {
    paid: (_paymentId: string) => true,
    /** The checkout ended without a payment; it says why. */
    ended: (_message: string) => true,
    message: (_message: string) => true,
  },
  setup(props, { emit }) {
    const element = ref<PayframeCheckoutElement>();
    // Vue unmounts a component once (it has no rehearsal like React's StrictMode): the element
    // ends for good here, before Vue takes it out of the page.
    onBeforeUnmount(() => element.value?.destroy());
    return () =>
      h('payframe-checkout', {
        ref: element,
        token: props.token,
        mode: 'inline',
        appearance: APPEARANCE,
        onPayframeSuccess: (event: PayframeEventMap['payframe-success']) =>
          emit('paid', event.detail.paymentId),
        onPayframeFailure: ({ detail: { error } }: PayframeEventMap['payframe-failure']) =>
          error.retryable
            ? emit('message', MESSAGES.retry(error.message))
            : emit('ended', MESSAGES.failed(error.message)),
        onPayframeCancel: () => emit('ended', MESSAGES.canceled),
        onPayframeError: ({ detail }: PayframeEventMap['payframe-error']) =>
          // A refused appearance keeps the default look; anything else ends this try.
          detail.code === 'invalid_appearance'
            ? emit('message', detail.message)
            : emit('ended', MESSAGES.error(detail.message)),
      });
  },
});
