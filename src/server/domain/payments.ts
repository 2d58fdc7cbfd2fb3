import type {
  Payment,
  ValidatePayment,
  ValidationReason,
  ValidationResult,
} from '../../protocol/payments';
import type { CreatedPayment, CreatePayment } from '../../protocol/payment-operations';
import type { AppRecord } from '../store/records';
import { effectiveInvoiceStatus, getInvoice } from './invoices';
import { payInvoice } from './pay-invoice';
import { AUTHORIZATION_WINDOW_MS } from './back-office';
import { SUCCEEDED_STATUSES } from './payment-states';
import { paymentDetailsView } from './payment-view';
import { PayframeError } from './payframe-error';
import type { Services } from './services';

export async function getPayment(
  services: Services,
  app: Pick<AppRecord, 'id'>,
  id: string,
): Promise<Payment> {
  const details = await services.store.findPaymentDetails(app.id, id);
  if (!details) throw new PayframeError('payment_not_found', `No payment ${id}.`);
  return paymentDetailsView(details);
}

/**
 * The merchant's server asks: is this payment what I expect to have been paid? It fulfils only on
 * `valid: true`; every mismatch is named.
 */
export async function validatePayment(
  services: Services,
  app: AppRecord,
  id: string,
  expected: ValidatePayment,
): Promise<ValidationResult> {
  const payment = await getPayment(services, app, id);
  const now = services.now();
  const reasons: ValidationReason[] = [];
  if (payment.amount !== expected.amount) reasons.push('amount_mismatch');
  if (payment.currency !== expected.currency) reasons.push('currency_mismatch');
  if (payment.order_id !== expected.order_id) reasons.push('order_id_mismatch');
  if (payment.status === 'partially_refunded' || payment.status === 'refunded') {
    reasons.push('payment_refunded');
  } else if (payment.status === 'disputed' || payment.status === 'dispute_lost') {
    reasons.push('payment_disputed');
  } else if (!SUCCEEDED_STATUSES.includes(payment.status) || authorizationLapsed(payment, now)) {
    reasons.push('payment_not_succeeded');
  }
  return { valid: reasons.length === 0, reasons, payment };
}

/** An authorization past its capture window is no longer money the merchant can count on. */
function authorizationLapsed(payment: Payment, now: number): boolean {
  const authorization = payment.transactions.find((t) => t.type === 'PA');
  return (
    payment.status === 'authorized' &&
    authorization !== undefined &&
    now >= Date.parse(authorization.created_at) + AUTHORIZATION_WINDOW_MS
  );
}

/**
 * `POST /v1/payments`: a PCI-DSS compliant merchant's server pays an invoice with card data it
 * collected. Same vault, states and invariants as the frame's confirm.
 */
export async function createPayment(
  services: Services,
  app: AppRecord,
  body: CreatePayment,
): Promise<CreatedPayment> {
  const invoice = await getInvoice(services, app, body.invoice);
  const status = effectiveInvoiceStatus(invoice, services.now());
  if (status === 'expired') throw new PayframeError('invoice_expired');
  if (status !== 'open') throw new PayframeError('invoice_not_open');
  const result = await payInvoice(
    services,
    invoice,
    { kind: 'new', input: body.card, save: false },
    body.type === 'DB' ? 'automatic' : 'manual',
    {
      windowSize: body.challenge_window_size ?? '05',
      // The merchant's own page ran no 3DS-Method step.
      method: 'U',
      locale: 'en',
      shopperResultUrl: body.shopper_result_url ?? null,
    },
  );
  const payment = await getPayment(services, app, result.payment_id);
  return { ...payment, action: result.status === 'requires_action' ? result.action : null };
}
