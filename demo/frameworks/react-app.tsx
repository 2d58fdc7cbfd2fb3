import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Checkout, loadPayframe } from './react-checkout';
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

/** The demo shop as a React 19 app: pick coffee, pay inline, see the order the server confirmed. */
function App({ catalog }: { catalog: Catalog }) {
  const [cart, setCart] = useState<ReadonlyMap<string, number>>(new Map());
  const [stage, setStage] = useState<Stage>({ name: 'cart' });
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const { lines, total } = cartLines(catalog, cart);

  const add = (sku: string) => {
    setCart(new Map(cart).set(sku, (cart.get(sku) ?? 0) + 1));
    if (stage.name === 'paid') setStage({ name: 'cart' });
  };

  /** A new order for the cart: a new token, so React mounts a new checkout element. */
  const checkOut = async () => {
    setBusy(true);
    setMessage('');
    try {
      // The host script loads with the first checkout, while the shop's server makes the token.
      const [order] = await Promise.all([createCheckout(cart), loadPayframe()]);
      setStage({ name: 'paying', ...order });
    } catch {
      setMessage(MESSAGES.unavailable);
    } finally {
      setBusy(false);
    }
  };

  const paid = async (orderId: string, paymentId: string) => {
    setMessage(MESSAGES.confirming);
    const amount = await completeOrder(orderId, paymentId);
    if (amount === null) return setMessage(MESSAGES.notConfirmed);
    setMessage('');
    setCart(new Map());
    setStage({ name: 'paid', orderId, paymentId, amount });
  };

  const ended = (text: string) => {
    setMessage(text);
    setStage({ name: 'cart' });
  };

  return (
    <main className="layout">
      <section aria-labelledby="products-title">
        <h1 id="products-title">Fresh from the roaster</h1>
        <ul className="products">
          {catalog.products.map((product) => (
            <li key={product.sku} className="product">
              <h3>{product.name}</h3>
              <p>{product.description}</p>
              <p className="price">{formatMoney(product.price, catalog.currency)}</p>
              <button
                type="button"
                aria-label={`Add ${product.name} to order`}
                disabled={stage.name === 'paying'}
                onClick={() => add(product.sku)}
              >
                Add to order
              </button>
            </li>
          ))}
        </ul>
      </section>
      <aside className="cart" aria-labelledby="cart-title">
        <h2 id="cart-title">Your order</h2>
        <ul className="cart-lines">
          {lines.map(({ product, quantity }) => (
            <li key={product.sku}>
              {quantity} × {product.name}
            </li>
          ))}
        </ul>
        <p className="total">
          <span>Total</span> <strong>{total}</strong>
        </p>
        {stage.name === 'paying' ? (
          <>
            <Checkout
              key={stage.token}
              token={stage.token}
              onPaid={(paymentId) => void paid(stage.orderId, paymentId)}
              onEnded={ended}
              onMessage={setMessage}
            />
            <div className="actions">
              <button type="button" className="link-button" onClick={() => ended('')}>
                Change cart
              </button>
              <button type="button" className="link-button" disabled={busy} onClick={checkOut}>
                Start over
              </button>
            </div>
          </>
        ) : (
          <button
            type="button"
            className="checkout-button"
            disabled={lines.length === 0 || busy}
            onClick={checkOut}
          >
            Checkout
          </button>
        )}
        <p className="shop-message" role="status">
          {message}
        </p>
      </aside>
      {stage.name === 'paid' && (
        <section id="confirmation" className="confirmation" aria-live="polite">
          <h2>Thank you — order confirmed</h2>
          <p>
            Order <strong className="confirmation-order">{stage.orderId}</strong> (
            <span className="confirmation-amount">
              {formatMoney(stage.amount, catalog.currency)}
            </span>
            ) is paid and on its way.
          </p>
          <p className="small">
            Payment <code>{stage.paymentId}</code>, validated by the shop's server.
          </p>
        </section>
      )}
    </main>
  );
}

const root = document.getElementById('app');
if (root) {
  const catalog = await loadCatalog();
  createRoot(root).render(
    <StrictMode>
      <App catalog={catalog} />
    </StrictMode>,
  );
}
