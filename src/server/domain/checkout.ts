import { catalogEntry } from '../../protocol/errors';
import { newId } from '../../protocol/ids';
import type { CheckoutSummary, ConfirmCheckout, ConfirmResult } from '../../protocol/checkout';
import type { AuthorizationAnswer } from '../acquirer/acquirer';
import type { InvoiceRecord, NewEvent, PaymentRecord, TransactionRecord } from '../store/records';
import { allowedOrigins } from './apps';
import { checkCard } from './card-check';
import { effectiveInvoiceStatus } from './invoices';
import { assertTransition } from './payment-states';
import { paymentView } from './payment-view';
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
  };
}

/**
 * The shopper pays: validate → load → decide → save → call the acquirer → apply its answer.
 * The attempt is saved before the call, so a crash mid-call leaves a visible `processing` payment.
 */
export async function confirmCheckout(
  services: Services,
  token: string,
  body: ConfirmCheckout,
): Promise<ConfirmResult> {
  const now = services.now();
  const card = checkCard(body.card, new Date(now));
  const invoice = await loadCheckout(services, token);
  const status = effectiveInvoiceStatus(invoice, now);
  if (status === 'expired') throw new PayframeError('checkout_expired');
  if (status !== 'open') throw new PayframeError('invoice_not_open');
  if ((await services.store.countFailedPayments(invoice.id)) >= services.config.maxFailedAttempts) {
    throw new PayframeError('too_many_attempts');
  }

  const vaultCard = {
    id: newId('vc'),
    app_id: invoice.app_id,
    fingerprint: services.vault.fingerprint(card.pan),
    brand: card.brand,
    last4: card.pan.slice(-4),
    exp_month: body.card.exp_month,
    exp_year: body.card.exp_year,
    pan_ciphertext: services.vault.encrypt(card.pan),
    created_at: now,
  };
  const payment: PaymentRecord = {
    id: newId('pay'),
    app_id: invoice.app_id,
    invoice_id: invoice.id,
    status: 'processing',
    amount: invoice.amount,
    currency: invoice.currency,
    capture: invoice.capture,
    vault_card_id: vaultCard.id,
    brand: vaultCard.brand,
    last4: vaultCard.last4,
    exp_month: vaultCard.exp_month,
    exp_year: vaultCard.exp_year,
    error_code: null,
    created_at: now,
    updated_at: now,
  };
  const started = await services.store.startPayment(vaultCard, payment);
  if (started !== 'started') throw new PayframeError(started);

  let answer: AuthorizationAnswer;
  try {
    answer = await services.acquirer.authorize({
      pan: card.pan,
      expMonth: body.card.exp_month,
      expYear: body.card.exp_year,
      cvc: body.card.cvc,
      amount: invoice.amount,
      currency: invoice.currency,
      capture: invoice.capture === 'automatic',
    });
  } catch {
    answer = { approved: false, code: 'processing_error', reference: '' };
  }
  return applyAnswer(services, invoice, payment, answer);
}

async function applyAnswer(
  services: Services,
  invoice: InvoiceRecord,
  payment: PaymentRecord,
  answer: AuthorizationAnswer,
): Promise<ConfirmResult> {
  const now = services.now();
  const automatic = invoice.capture === 'automatic';
  const next = !answer.approved ? 'failed' : automatic ? 'captured' : 'authorized';
  assertTransition('processing', next);
  const transaction: TransactionRecord | null = answer.approved
    ? {
        id: newId('txn'),
        payment_id: payment.id,
        type: automatic ? 'DB' : 'PA',
        amount: payment.amount,
        currency: payment.currency,
        acquirer_reference: answer.reference,
        created_at: now,
      }
    : null;
  const errorCode = answer.approved ? null : answer.code;
  const updated: PaymentRecord = {
    ...payment,
    status: next,
    error_code: errorCode,
    updated_at: now,
  };
  const view = paymentView(updated, transaction ? [transaction] : [], invoice.order_id);
  const event = (type: string, data: unknown): NewEvent => ({
    id: newId('evt'),
    app_id: invoice.app_id,
    type,
    data: JSON.stringify(data),
    created_at: now,
  });
  const events = answer.approved
    ? [
        event(automatic ? 'payment.captured' : 'payment.authorized', view),
        event('payment.succeeded', view),
        event('invoice.paid', { invoice_id: invoice.id, payment_id: payment.id }),
      ]
    : [event('payment.failed', view)];
  await services.store.completePayment({
    paymentId: payment.id,
    invoiceId: invoice.id,
    status: next,
    errorCode,
    transaction,
    invoicePaid: answer.approved,
    events,
    now,
  });
  if (answer.approved) {
    return { status: 'succeeded', invoice_id: invoice.id, payment_id: payment.id };
  }
  const entry = catalogEntry(answer.code);
  return {
    status: 'failed',
    invoice_id: invoice.id,
    payment_id: payment.id,
    error: { code: answer.code, message: entry.title, retryable: entry.retryable },
  };
}
