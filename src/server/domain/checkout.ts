import type { CheckoutSummary, ConfirmCheckout, ConfirmResult } from '../../protocol/checkout';
import type { CaptureMode } from '../../protocol/invoices';
import type { InvoiceRecord } from '../store/records';
import { allowedOrigins } from './apps';
import { effectiveInvoiceStatus } from './invoices';
import { isExpired } from '../../card';
import { payInvoice, type CardSource } from './pay-invoice';
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
    customer: invoice.customer_id
      ? { saved_cards: await offeredCards(services, invoice.app_id, invoice.customer_id) }
      : null,
  };
}

/** The customer's saved cards the frame may offer: unexpired ones, newest first, no fingerprint. */
async function offeredCards(services: Services, appId: string, customerId: string) {
  const now = new Date(services.now());
  const cards = await services.store.listSavedCards(appId, customerId);
  return cards
    .filter((c) => !isExpired({ month: c.exp_month, year: c.exp_year }, now))
    .map((c) => ({
      id: c.id,
      brand: c.brand,
      last4: c.last4,
      exp_month: c.exp_month,
      exp_year: c.exp_year,
    }));
}

/**
 * A new card (saved with the shopper's consent only when the invoice names a customer), or one the
 * invoice's customer saved before, with its security code typed again.
 */
async function cardSource(
  services: Services,
  invoice: InvoiceRecord,
  body: ConfirmCheckout,
): Promise<CardSource> {
  if (body.card) {
    return { kind: 'new', input: body.card, save: body.save_card === true };
  }
  const wanted = body.saved_card;
  if (!wanted) throw new PayframeError('invalid_request', 'Send either card or saved_card.');
  const card = await services.store.findSavedCard(invoice.app_id, wanted.id);
  if (!card || !invoice.customer_id || card.customer_id !== invoice.customer_id) {
    throw new PayframeError('payment_method_not_found');
  }
  return { kind: 'saved', card, cvc: wanted.cvc };
}

/** The shopper pays with the card the frame collected, or a saved one. */
export async function confirmCheckout(
  services: Services,
  token: string,
  body: ConfirmCheckout,
): Promise<ConfirmResult> {
  const invoice = await loadCheckout(services, token);
  const status = effectiveInvoiceStatus(invoice, services.now());
  if (status === 'expired') throw new PayframeError('checkout_expired');
  if (status !== 'open') throw new PayframeError('invoice_not_open');
  return payInvoice(
    services,
    invoice,
    await cardSource(services, invoice, body),
    invoice.capture as CaptureMode,
    {
      windowSize: body.challenge_window_size ?? '05',
      method: body.three_ds_method ?? 'U',
      locale: body.locale ?? 'en',
      shopperResultUrl: null,
    },
  );
}
