// The demo shop's page script. It never sees card data: it asks its own server for a checkout
// token, mounts <payframe-checkout>, and lets its server validate the payment before confirming.
const state = {
  currency: 'EUR',
  products: [],
  quantities: new Map(),
  orderId: null,
  // Single use: the shop answers a repeated "buy again" with its first answer.
  purchaseToken: null,
};
const $ = (id) => document.getElementById(id);

// Amounts are integer minor units; the currency's exponent comes from Intl (JPY 0, EUR 2).
const money = (amount) => {
  const format = new Intl.NumberFormat('en', { style: 'currency', currency: state.currency });
  return format.format(amount / 10 ** format.resolvedOptions().maximumFractionDigits);
};

function renderProducts() {
  $('products').replaceChildren(
    ...state.products.map((product) => {
      const item = document.createElement('li');
      item.className = 'product';
      const title = document.createElement('h3');
      title.textContent = product.name;
      const text = document.createElement('p');
      text.textContent = product.description;
      const price = document.createElement('p');
      price.className = 'price';
      price.textContent = money(product.price);
      const add = document.createElement('button');
      add.type = 'button';
      add.textContent = 'Add to order';
      add.setAttribute('aria-label', `Add ${product.name} to order`);
      add.addEventListener('click', () => {
        state.quantities.set(product.sku, (state.quantities.get(product.sku) ?? 0) + 1);
        renderCart();
      });
      item.append(title, text, price, add);
      return item;
    }),
  );
}

function renderCart() {
  const lines = state.products.filter((p) => state.quantities.get(p.sku));
  $('cart-lines').replaceChildren(
    ...lines.map((p) => {
      const line = document.createElement('li');
      line.textContent = `${state.quantities.get(p.sku)} × ${p.name}`;
      return line;
    }),
  );
  // Display only: the shop's server computes the amount that is charged.
  const total = lines.reduce((sum, p) => sum + p.price * state.quantities.get(p.sku), 0);
  $('cart-total').textContent = lines.length ? money(total) : '—';
  $('checkout-button').disabled = lines.length === 0 || state.orderId !== null;
}

async function startCheckout() {
  // Busy rather than disabled: a disabled button would lose the focus the overlay gives back.
  if (state.orderId || $('checkout-button').getAttribute('aria-disabled') === 'true') return;
  $('checkout-button').setAttribute('aria-disabled', 'true');
  $('shop-message').textContent = '';
  // `?mode=overlay|popup|redirect`, `?locale=ar&theme=dark` on the shop's address show the
  // checkout that way (for trying it out); inline by default.
  const params = new URLSearchParams(location.search);
  const mode = params.get('mode') ?? 'inline';
  const items = [...state.quantities].map(([sku, quantity]) => ({ sku, quantity }));
  const order = fetch('/api/checkout', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ items }),
  }).then((response) => (response.ok ? response.json() : null));
  // A popup must open in this click, before the shop's server has answered: Payframe.open()
  // takes the token as a promise for that.
  if (mode === 'popup') return payInPopup(order, params.get('locale') ?? undefined);
  const answer = await order;
  if (!answer) {
    $('shop-message').textContent = 'Checkout is unavailable right now. Please try again.';
    $('checkout-button').removeAttribute('aria-disabled');
    return;
  }
  const { order_id, token } = answer;
  state.orderId = order_id;
  $('checkout-button').removeAttribute('aria-disabled');
  const checkout = document.createElement('payframe-checkout');
  checkout.setAttribute('token', token);
  checkout.setAttribute('mode', mode);
  if (params.get('locale')) checkout.setAttribute('locale', params.get('locale'));
  if (params.get('theme')) checkout.appearance = { theme: params.get('theme') };
  checkout.addEventListener('payframe-success', (event) => completeOrder(event.detail.paymentId));
  checkout.addEventListener('payframe-error', (event) => {
    $('shop-message').textContent = `Checkout could not start: ${event.detail.message}`;
    // A wrong appearance leaves the default look; anything else ends this try.
    if (event.detail.code === 'invalid_appearance') return;
    state.orderId = null;
    renderCart();
    checkout.remove();
  });
  checkout.addEventListener('payframe-cancel', () => {
    $('shop-message').textContent = 'Checkout closed. Your order is still here when you are ready.';
    state.orderId = null;
    renderCart();
    checkout.remove();
  });
  $('checkout-slot').replaceChildren(checkout);
  // An overlay shows itself on open(); a redirect leaves for the hosted page.
  if (mode === 'inline') renderCart();
  else await checkout.open();
}

async function payInPopup(order, locale) {
  const token = order.then((answer) => {
    if (!answer) throw new Error('checkout unavailable');
    state.orderId = answer.order_id;
    return answer.token;
  });
  try {
    const result = await window.Payframe.open({ token, mode: 'popup', locale });
    if (result.outcome === 'succeeded') return completeOrder(result.paymentId);
    $('shop-message').textContent =
      result.outcome === 'canceled'
        ? 'Checkout closed. Your order is still here when you are ready.'
        : `Payment failed: ${result.error.message}`;
  } catch (error) {
    $('shop-message').textContent = `Checkout could not start: ${error.message}`;
  } finally {
    $('checkout-button').removeAttribute('aria-disabled');
  }
  state.orderId = null;
  renderCart();
}

// Back from the hosted page (mode=redirect): `?order=…&invoice=…&payment=…`, or `&canceled=1`.
async function returnFromHostedPage() {
  const params = new URLSearchParams(location.search);
  const order = params.get('order');
  const payment = params.get('payment');
  if (!order) return;
  history.replaceState(null, '', location.pathname);
  if (params.get('canceled')) {
    $('shop-message').textContent = 'Payment canceled. Nothing was charged.';
    return;
  }
  // The address is no proof: the shop's server validates the payment before confirming.
  state.orderId = order;
  if (payment) await completeOrder(payment);
}

async function completeOrder(paymentId) {
  $('shop-message').textContent = 'Confirming your order…';
  const response = await fetch(`/api/orders/${encodeURIComponent(state.orderId)}/complete`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ payment_id: paymentId }),
  });
  const result = response.ok ? await response.json() : { valid: false };
  if (!result.valid) {
    $('shop-message').textContent = 'We could not confirm this payment. Please contact us.';
    return;
  }
  showConfirmation(result.order.id, paymentId, null);
  // An overlay shows its result a moment and closes itself; an inline checkout goes at once.
  const shown = $('checkout-slot').querySelector('payframe-checkout');
  if (shown?.getAttribute('mode') !== 'overlay') $('checkout-slot').replaceChildren();
  state.quantities.clear();
  state.orderId = null;
  renderCart();
}

function showConfirmation(orderId, paymentId, note) {
  $('shop-message').textContent = '';
  $('confirmation-order').textContent = orderId;
  $('confirmation-payment').textContent = paymentId;
  $('confirmation-note').textContent = note ?? '';
  $('confirmation-note').hidden = !note;
  $('confirmation').hidden = false;
  $('confirmation').scrollIntoView({ behavior: 'smooth' });
  void refreshAccount();
}

// A returning customer: their checkouts offer their saved cards, and "buy again" needs none.
function renderAccount(account) {
  $('sign-in').hidden = account.signed_in;
  $('account-details').hidden = !account.signed_in;
  $('account-status').textContent = account.signed_in
    ? `Signed in as ${account.name}.`
    : 'Guest checkout. Sign in to save a card and pay faster next time.';
  if (!account.signed_in) return;
  $('no-saved-cards').hidden = account.saved_cards.length > 0;
  $('saved-cards').replaceChildren(
    ...account.saved_cards.map((card) => {
      const item = document.createElement('li');
      const label = document.createElement('span');
      const brand = card.brand[0].toUpperCase() + card.brand.slice(1);
      const expiry = `${String(card.exp_month).padStart(2, '0')}/${String(card.exp_year).slice(-2)}`;
      label.textContent = `${brand} •••• ${card.last4}, expires ${expiry}`;
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'link-button';
      remove.textContent = 'Remove';
      remove.setAttribute('aria-label', `Remove ${brand} ending ${card.last4}`);
      remove.addEventListener('click', () =>
        accountRequest('/api/account/cards/remove', { pm: card.id }),
      );
      item.append(label, remove);
      return item;
    }),
  );
  $('buy-again').disabled = !account.can_buy_again;
  state.purchaseToken = account.purchase_token;
}

async function accountRequest(path, body = {}) {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.ok) renderAccount(await response.json());
}

async function refreshAccount() {
  const response = await fetch('/api/account').catch(() => null);
  if (response?.ok) renderAccount(await response.json());
}

async function buyAgain() {
  $('buy-again').disabled = true;
  $('shop-message').textContent = 'Charging your saved card…';
  const response = await fetch('/api/account/buy-again', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: state.purchaseToken }),
  });
  const result = response.ok ? await response.json() : { paid: false };
  if (!result.paid) {
    $('shop-message').textContent = `Could not buy again: ${result.message ?? 'please try later.'}`;
    void refreshAccount();
    return;
  }
  showConfirmation(
    result.order_id,
    result.payment_id,
    `Charged to your saved card (${result.card}) by the shop, without a checkout.`,
  );
}

// The shop server's webhook log, refreshed every two seconds.
async function refreshWebhookLog() {
  const response = await fetch('/api/webhooks/log').catch(() => null);
  if (!response?.ok) return;
  const { deliveries } = await response.json();
  $('webhook-empty').hidden = deliveries.length > 0;
  $('webhook-log').replaceChildren(
    ...deliveries.map((delivery) => {
      const item = document.createElement('li');
      const time = document.createElement('time');
      time.dateTime = delivery.received_at;
      time.textContent = new Date(delivery.received_at).toLocaleTimeString('en');
      const type = document.createElement('code');
      type.textContent = delivery.type;
      const summary = document.createElement('span');
      summary.className = 'summary';
      summary.textContent = `${delivery.summary} · ${delivery.id}`;
      const badge = document.createElement('span');
      badge.className = delivery.verified ? 'badge' : 'badge bad';
      badge.textContent = !delivery.verified
        ? 'rejected'
        : delivery.duplicate
          ? 'verified, repeat'
          : 'verified';
      item.append(time, type, summary, badge);
      return item;
    }),
  );
}
setInterval(refreshWebhookLog, 2000);
void refreshWebhookLog();

const catalog = await (await fetch('/api/products')).json();
state.currency = catalog.currency;
state.products = catalog.products;
renderProducts();
renderCart();
$('checkout-button').addEventListener('click', startCheckout);
void returnFromHostedPage();
$('sign-in').addEventListener('click', () => accountRequest('/api/account/sign-in'));
$('sign-out').addEventListener('click', () => accountRequest('/api/account/sign-out'));
$('buy-again').addEventListener('click', buyAgain);
void refreshAccount();
