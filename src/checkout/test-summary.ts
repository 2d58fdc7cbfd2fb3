import type { CheckoutSummary } from '../protocol/checkout';

/** An open checkout summary as `GET /v1/checkout/{token}` answers it, for the frame's tests. */
export const openSummary: CheckoutSummary = {
  invoice_id: 'inv_1',
  status: 'open',
  merchant: { name: 'Demo Shop' },
  amount: 1999,
  currency: 'EUR',
  description: 'Order #1001',
  allowed_origins: ['http://localhost:5173'],
  expires_at: '2030-01-01T00:00:00Z',
  payment_id: null,
  success_url: null,
  cancel_url: null,
  three_ds_method: null,
  customer: null,
};

/** The same checkout for an invoice that names a customer who has saved no card yet. */
export const customerSummary: CheckoutSummary = { ...openSummary, customer: { saved_cards: [] } };

/** A returning customer's checkout: two saved cards, newest first, as the server lists them. */
export const returningSummary: CheckoutSummary = {
  ...openSummary,
  customer: {
    saved_cards: [
      { id: 'pm_visa4242aa', brand: 'visa', last4: '4242', exp_month: 12, exp_year: 2030 },
      { id: 'pm_amex0005bb', brand: 'amex', last4: '0005', exp_month: 3, exp_year: 2031 },
    ],
  },
};
