import { CardForm } from './card-form.element';
import { CheckoutApp } from './checkout-app.element';

/** Registration kept apart from the classes, so importing a class never defines an element. */
if (!customElements.get('payframe-card-form'))
  customElements.define('payframe-card-form', CardForm);
if (!customElements.get('payframe-checkout-app')) {
  customElements.define('payframe-checkout-app', CheckoutApp);
}

declare global {
  interface HTMLElementTagNameMap {
    'payframe-card-form': CardForm;
    'payframe-checkout-app': CheckoutApp;
  }
}
