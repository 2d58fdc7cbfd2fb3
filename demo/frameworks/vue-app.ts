import { createApp, defineComponent, h, reactive, type PropType } from 'vue';
import {
  cartLines,
  completeOrder,
  createCheckout,
  formatMoney,
  loadCatalog,
  MESSAGES,
  type Catalog,
  type Stage,
} from './shop-api';
import { Checkout } from './vue-checkout';

/** The demo shop as a Vue 3 app (render functions, no template compiler): pick coffee, pay
 * inline, see the order the server confirmed. */
const App = defineComponent({
  props: { catalog: { type: Object as PropType<Catalog>, required: true } },
  setup(props) {
    const state = reactive({
      cart: new Map<string, number>(),
      stage: { name: 'cart' } as Stage,
      message: '',
      busy: false,
    });

    const add = (sku: string) => {
      state.cart.set(sku, (state.cart.get(sku) ?? 0) + 1);
      if (state.stage.name === 'paid') state.stage = { name: 'cart' };
    };

    /** A new order for the cart: a new token, so Vue mounts a new checkout element. */
    const checkOut = async () => {
      state.busy = true;
      state.message = '';
      try {
        state.stage = { name: 'paying', ...(await createCheckout(state.cart)) };
      } catch {
        state.message = MESSAGES.unavailable;
      } finally {
        state.busy = false;
      }
    };

    const paid = async (orderId: string, paymentId: string) => {
      state.message = MESSAGES.confirming;
      const amount = await completeOrder(orderId, paymentId);
      if (amount === null) {
        state.message = MESSAGES.notConfirmed;
        return;
      }
      state.message = '';
      state.cart.clear();
      state.stage = { name: 'paid', orderId, paymentId, amount };
    };

    const ended = (message: string) => {
      state.message = message;
      state.stage = { name: 'cart' };
    };

    const product = (item: Catalog['products'][number]) =>
      h('li', { key: item.sku, class: 'product' }, [
        h('h3', item.name),
        h('p', item.description),
        h('p', { class: 'price' }, formatMoney(item.price, props.catalog.currency)),
        h(
          'button',
          {
            type: 'button',
            'aria-label': `Add ${item.name} to order`,
            disabled: state.stage.name === 'paying',
            onClick: () => add(item.sku),
          },
          'Add to order',
        ),
      ]);

    const checkout = (stage: Stage) =>
      stage.name === 'paying'
        ? [
            h(Checkout, {
              key: stage.token,
              token: stage.token,
              onPaid: (paymentId: string) => void paid(stage.orderId, paymentId),
              onEnded: ended,
              onMessage: (message: string) => (state.message = message),
            }),
            h('div', { class: 'actions' }, [
              h(
                'button',
                { type: 'button', class: 'link-button', onClick: () => ended('') },
                'Change cart',
              ),
              h(
                'button',
                { type: 'button', class: 'link-button', disabled: state.busy, onClick: checkOut },
                'Start over',
              ),
            ]),
          ]
        : [
            h(
              'button',
              {
                type: 'button',
                class: 'checkout-button',
                disabled: state.cart.size === 0 || state.busy,
                onClick: checkOut,
              },
              'Checkout',
            ),
          ];

    const confirmation = (stage: Stage) =>
      stage.name === 'paid' &&
      h('section', { id: 'confirmation', class: 'confirmation', 'aria-live': 'polite' }, [
        h('h2', 'Thank you — order confirmed'),
        h('p', [
          'Order ',
          h('strong', { class: 'confirmation-order' }, stage.orderId),
          ' (',
          h(
            'span',
            { class: 'confirmation-amount' },
            formatMoney(stage.amount, props.catalog.currency),
          ),
          ') is paid and on its way.',
        ]),
        h('p', { class: 'small' }, [
          'Payment ',
          h('code', stage.paymentId),
          ", validated by the shop's server.",
        ]),
      ]);

    return () => {
      const { lines, total } = cartLines(props.catalog, state.cart);
      return h('main', { class: 'layout' }, [
        h('section', { 'aria-labelledby': 'products-title' }, [
          h('h1', { id: 'products-title' }, 'Fresh from the roaster'),
          h('ul', { class: 'products' }, props.catalog.products.map(product)),
        ]),
        h('aside', { class: 'cart', 'aria-labelledby': 'cart-title' }, [
          h('h2', { id: 'cart-title' }, 'Your order'),
          h(
            'ul',
            { class: 'cart-lines' },
            lines.map(({ product: item, quantity }) =>
              h('li', { key: item.sku }, `${quantity} × ${item.name}`),
            ),
          ),
          h('p', { class: 'total' }, [h('span', 'Total'), ' ', h('strong', total)]),
          ...checkout(state.stage),
          h('p', { class: 'shop-message', role: 'status' }, state.message),
        ]),
        confirmation(state.stage),
      ]);
    };
  },
});

const catalog = await loadCatalog();
createApp(App, { catalog }).mount('#app');
