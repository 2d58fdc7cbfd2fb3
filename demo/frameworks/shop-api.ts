import type { Appearance } from '../../src/protocol/appearance';

/**
 * What the React and Vue example pages ask the shop's server, the same endpoints as the shop's
 * own page: the catalog, a checkout token for a cart (the server prices it), and the validation of
 * a payment before the order counts as paid.
 */
export interface Product {
  sku: string;
  name: string;
  description: string;
  /** Minor units of the catalog's currency. */
  price: number;
}

export interface Catalog {
  currency: string;
  products: Product[];
}

/** A checkout the shop's server opened for one order. */
export interface OpenCheckout {
  orderId: string;
  token: string;
}

/** The payment server's origin, which the shop's server writes into the page. */
export const paymentUrl = document.documentElement.dataset.paymentUrl ?? '';

/** The shop's colours in the checkout frame: an object, which only a property can carry. */
export const APPEARANCE: Appearance = { theme: 'light', variables: { colorPrimary: '#6b3e26' } };

export const MESSAGES = {
  unavailable: 'Checkout is unavailable right now. Please try again.',
  confirming: 'Confirming your order…',
  notConfirmed: 'We could not confirm this payment. Please contact us.',
  canceled: 'Checkout closed. Your order is still here when you are ready.',
  retry: (message: string) => `${message} You can try another card.`,
  failed: (message: string) => `Payment failed: ${message}`,
  error: (message: string) => `Checkout could not start: ${message}`,
} as const;

export async function loadCatalog(): Promise<Catalog> {
  const response = await fetch('/api/products');
  if (!response.ok) throw new Error(`catalog: HTTP ${response.status}`);
  return (await response.json()) as Catalog;
}

export async function createCheckout(cart: ReadonlyMap<string, number>): Promise<OpenCheckout> {
  const response = await fetch('/api/checkout', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ items: [...cart].map(([sku, quantity]) => ({ sku, quantity })) }),
  });
  if (!response.ok) throw new Error(`checkout: HTTP ${response.status}`);
  const body = (await response.json()) as { order_id: string; token: string };
  return { orderId: body.order_id, token: body.token };
}

/**
 * The shop's server validates the payment with the payment server; only then is the order paid.
 * Resolves with the order's amount, as the server priced it, or null when it is not valid.
 */
export async function completeOrder(orderId: string, paymentId: string): Promise<number | null> {
  const response = await fetch(`/api/orders/${encodeURIComponent(orderId)}/complete`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ payment_id: paymentId }),
  });
  if (!response.ok) return null;
  const result = (await response.json()) as { valid: boolean; order: { amount: number } };
  return result.valid ? result.order.amount : null;
}

/** Amounts are integer minor units; the currency's exponent comes from Intl (JPY 0, EUR 2). */
export function formatMoney(amount: number, currency: string): string {
  const format = new Intl.NumberFormat('en', { style: 'currency', currency });
  return format.format(amount / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
}

/** The cart's lines in catalog order, and its total for display (the server prices the order). */
export function cartLines(catalog: Catalog, cart: ReadonlyMap<string, number>) {
  const lines = catalog.products
    .filter((product) => cart.get(product.sku))
    .map((product) => ({ product, quantity: cart.get(product.sku) ?? 0 }));
  const total = lines.reduce((sum, line) => sum + line.product.price * line.quantity, 0);
  return { lines, total: lines.length ? formatMoney(total, catalog.currency) : '—' };
}

/** Where the shopper is: choosing coffee, paying a checkout, or looking at the confirmed order. */
export type Stage =
  | { name: 'cart' }
  | ({ name: 'paying' } & OpenCheckout)
  | { name: 'paid'; orderId: string; paymentId: string; amount: number };
