import type { CheckoutStatus, CheckoutStatusEvent } from '../../protocol/checkout-events';
import { catalogEntry, type ErrorCode } from '../../protocol/errors';
import type { ResultMessage } from '../../protocol/frame-messages';
import type { CheckoutStatusRecord } from '../store/records';

/** Where a checkout stands, as its status stream tells the page. */
export interface CheckoutState {
  /** The `status` event's data. */
  status: CheckoutStatusEvent;
  /** The `result` event's data once the checkout has ended for the shopper, else null. */
  result: ResultMessage | null;
}

const error = (code: ErrorCode) => {
  const entry = catalogEntry(code);
  return { code, message: entry.title, retryable: entry.retryable };
};

/** An ended checkout: the result the frame would send, and the status that carries it too. */
function ended(
  status: CheckoutStatus,
  invoiceId: string,
  outcome: 'succeeded' | 'failed',
  details: { paymentId?: string | null; code?: ErrorCode } = {},
): CheckoutState {
  const paymentId = details.paymentId ?? undefined;
  const failure = details.code ? error(details.code) : undefined;
  return {
    status: {
      status,
      invoice_id: invoiceId,
      ...(paymentId ? { payment_id: paymentId } : {}),
      outcome,
      ...(failure ? { error: failure } : {}),
    },
    result: {
      type: 'result',
      outcome,
      invoiceId,
      ...(paymentId ? { paymentId } : {}),
      ...(failure ? { error: failure } : {}),
    },
  };
}

const going = (status: CheckoutStatusEvent): CheckoutState => ({ status, result: null });

/**
 * The checkout's state from the database alone, with the frame's rules (checkout-state.ts), so
 * the stream and the frame end a checkout the same way: paid → `succeeded`; canceled or expired
 * → `failed` with `invoice_not_open` or `checkout_expired`; locked by failed attempts, or an
 * attempt failed in a way no retry mends → `failed`, not retryable. A decline the shopper may
 * retry leaves it open. An attempt holding the invoice is followed to its end even past the
 * checkout window, since it may still pay.
 */
export function checkoutState(
  record: CheckoutStatusRecord,
  now: number,
  maxFailedAttempts: number,
): CheckoutState {
  const { invoice, attempt } = record;
  const invoiceId = invoice.id;
  switch (invoice.status) {
    case 'paid':
      return ended('paid', invoiceId, 'succeeded', { paymentId: invoice.paid_payment_id });
    case 'canceled':
      return ended('canceled', invoiceId, 'failed', { code: 'invoice_not_open' });
    case 'expired':
      return ended('expired', invoiceId, 'failed', { code: 'checkout_expired' });
  }
  if (invoice.processing_payment_id) {
    return going({
      status: attempt?.status === 'requires_action' ? 'requires_action' : 'processing',
      invoice_id: invoiceId,
      payment_id: invoice.processing_payment_id,
    });
  }
  if (now >= invoice.checkout_expires_at) {
    return ended('expired', invoiceId, 'failed', { code: 'checkout_expired' });
  }
  if (record.failedAttempts >= maxFailedAttempts) {
    return ended('open', invoiceId, 'failed', { code: 'too_many_attempts' });
  }
  if (attempt?.status === 'failed' && attempt.error_code) {
    const failure = error(attempt.error_code as ErrorCode);
    if (!failure.retryable) {
      return ended('open', invoiceId, 'failed', { paymentId: attempt.id, code: failure.code });
    }
    return going({
      status: 'open',
      invoice_id: invoiceId,
      payment_id: attempt.id,
      outcome: 'failed',
      error: failure,
    });
  }
  return going({ status: 'open', invoice_id: invoiceId });
}
