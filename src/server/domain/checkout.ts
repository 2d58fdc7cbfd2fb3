import type { CheckoutSummary, ConfirmCheckout, ConfirmResult } from '../../protocol/checkout';
import type { CaptureMode } from '../../protocol/invoices';
import type { InvoiceRecord } from '../store/records';
import { allowedOrigins } from './apps';
import { effectiveInvoiceStatus } from './invoices';
import { payInvoice } from './pay-invoice';
import { threeDsMethod } from './three-ds';
import { PayframeError } from './payframe-error';
import type { Services } from './services';

export async function loadCheckout(services: Services, token: string): Promise<InvoiceRecord> {
  const invoice = await services.store.findInvoiceByToken(token);
  if (!invoice) throw new PayframeError('checkout_not_found');
  return invoice;
}

/** What the frame may know: the invoice summary and where it may be embedded. */
export async function checkoutSummary(services: Services, token: string): Promise<CheckoutSummary> {
  const invoice = await loadCheckout(services, token);
  const app = await services.store.findApp(invoice.app_id);
  if (!app) throw new PayframeError('checkout_not_found');
  return {
    invoice_id: invoice.id,
    status: effectiveInvoiceStatus(invoice, services.now()),
    merchant: { name: app.name },
    amount: invoice.amount,
    currency: invoice.currency,
    description: invoice.description,
    allowed_origins: allowedOrigins(app),
    expires_at: new Date(invoice.checkout_expires_at).toISOString(),
    payment_id: invoice.paid_payment_id,
    success_url: invoice.success_url,
    cancel_url: invoice.cancel_url,
    three_ds_method: threeDsMethod(services, invoice.app_id),
  };
}

/** The shopper pays with the card the frame collected. */
export async function confirmCheckout(
  services: Services,
  token: string,
  body: ConfirmCheckout,
): Promise<ConfirmResult> {
  const invoice = await loadCheckout(services, token);
  const status = effectiveInvoiceStatus(invoice, services.now());
  if (status === 'expired') throw new PayframeError('checkout_expired');
  if (status !== 'open') throw new PayframeError('invoice_not_open');
  return payInvoice(services, invoice, body.card, invoice.capture as CaptureMode, {
    windowSize: body.challenge_window_size ?? '05',
    method: body.three_ds_method ?? 'U',
    locale: body.locale ?? 'en',
    shopperResultUrl: null,
  });
}
