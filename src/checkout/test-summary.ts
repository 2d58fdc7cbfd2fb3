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
};
