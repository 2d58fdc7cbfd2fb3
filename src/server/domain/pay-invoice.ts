import { catalogEntry } from '../../protocol/errors';
import { newId } from '../../protocol/ids';
import type { ConfirmResult } from '../../protocol/checkout';
import type { CaptureMode } from '../../protocol/invoices';
import type { CardInput } from '../../protocol/payment-operations';
import type { AuthorizationAnswer } from '../acquirer/acquirer';
import type { InvoiceRecord, NewEvent, PaymentRecord, TransactionRecord } from '../store/records';
import { checkCard } from './card-check';
import { assertTransition } from './payment-states';
import { paymentView } from './payment-view';
import { PayframeError } from './payframe-error';
import type { Services } from './services';

/**
 * One attempt to pay an open invoice with a card, shared by the frame's confirm and the
 * server-to-server API: validate → save the attempt → call the acquirer → apply its answer. The
 * attempt is saved before the call, so a crash mid-call leaves a visible `processing` payment.
 * The caller has checked that the invoice is open.
 */
export async function payInvoice(
  services: Services,
  invoice: InvoiceRecord,
  input: CardInput,
  capture: CaptureMode,
): Promise<ConfirmResult> {
  const now = services.now();
  const card = checkCard(input, new Date(now));
  if ((await services.store.countFailedPayments(invoice.id)) >= services.config.maxFailedAttempts) {
    throw new PayframeError('too_many_attempts');
  }
  const vaultCard = {
    id: newId('vc'),
    app_id: invoice.app_id,
    fingerprint: services.vault.fingerprint(card.pan),
    brand: card.brand,
    last4: card.pan.slice(-4),
    exp_month: input.exp_month,
    exp_year: input.exp_year,
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
    capture,
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
      expMonth: input.exp_month,
      expYear: input.exp_year,
      cvc: input.cvc,
      amount: invoice.amount,
      currency: invoice.currency,
      capture: capture === 'automatic',
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
  const automatic = payment.capture === 'automatic';
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
