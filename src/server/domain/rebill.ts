import { catalogEntry } from '../../protocol/errors';
import type { RebillPayment, RebillResult } from '../../protocol/payment-operations';
import type { AuthorizationAnswer } from '../acquirer/acquirer';
import type { Payment, PaymentStatus } from '../../protocol/payments';
import type { AppRecord, TransactionRecord } from '../store/records';
import { isExpired } from '../../card';
import { invoiceTotal } from './invoices';
import { changePayment, newTransaction, type Decide } from './payment-change';
import { getPayment } from './payments';
import { assertTransition, CAPTURED_STATUSES } from './payment-states';
import { PayframeError } from './payframe-error';
import type { Services } from './services';

/**
 * Saves the rebill as a pending RB before the acquirer is called, so a charge whose answer is lost
 * (a crash, a database error, a timeout) is on record and a retry with the same Idempotency-Key
 * finds it instead of charging the card a second time.
 */
export function decidePendingRebill(
  amount: number,
  requestKey: string | null,
  found: (attempt: TransactionRecord, created: boolean) => void,
  /** The payment's saved card was detached: consent to charge it again was withdrawn. */
  cardDetached = false,
): Decide {
  return (current, now) => {
    const earlier = requestKey
      ? current.transactions.find((t) => t.type === 'RB' && t.request_key === requestKey)
      : undefined;
    if (earlier) {
      // A retry of the same request; a freed key reused with another amount is not.
      if (earlier.amount !== amount) throw new PayframeError('idempotency_key_reused');
      found(earlier, false);
      return { status: current.payment.status, transaction: null };
    }
    if (!CAPTURED_STATUSES.includes(current.payment.status as PaymentStatus)) {
      throw new PayframeError('payment_not_rebillable');
    }
    if (cardDetached) {
      throw new PayframeError(
        'payment_not_rebillable',
        'The customer removed the saved card this payment was made with.',
      );
    }
    const attempt = {
      ...newTransaction(current, 'RB', amount, now),
      status: 'pending' as const,
      request_key: requestKey,
    };
    found(attempt, true);
    return { status: current.payment.status, transaction: attempt };
  };
}

/**
 * Settles the pending RB with the acquirer's answer. An approved charge happened, so it is recorded
 * even if the payment was disputed meanwhile; a fully refunded payment is then only partly refunded.
 * A decline moves no money and changes nothing but the attempt.
 */
export function decideRebillAnswer(attemptId: string, answer: AuthorizationAnswer): Decide {
  return (current) => {
    const from = current.payment.status as PaymentStatus;
    if (!answer.approved) {
      return {
        status: from,
        transaction: null,
        settle: {
          id: attemptId,
          status: 'failed',
          acquirer_reference: answer.reference || null,
          failure_code: answer.code,
        },
      };
    }
    const to: PaymentStatus = from === 'refunded' ? 'partially_refunded' : from;
    if (to !== from) assertTransition(from, to);
    return {
      status: to,
      transaction: null,
      settle: {
        id: attemptId,
        status: 'succeeded',
        acquirer_reference: answer.reference,
        failure_code: null,
      },
      event: 'payment.rebilled',
    };
  };
}

/**
 * Charges the payment's card again for additional items, without the shopper (no CVC): saved as a
 * pending RB → call the acquirer with the RB's id as its reference → settle. A retry with the same
 * Idempotency-Key answers from the RB it finds, or asks the acquirer again under the same reference,
 * which answers the first charge's outcome rather than charging again.
 */
export async function rebillPayment(
  services: Services,
  app: AppRecord,
  id: string,
  body: RebillPayment,
  requestKey: string | null,
): Promise<RebillResult> {
  const amount = invoiceTotal(body);
  const payment = await services.store.findPayment(app.id, id);
  if (!payment) throw new PayframeError('payment_not_found', `No payment ${id}.`);
  const card = await services.store.findVaultCard(app.id, payment.vault_card_id);
  if (!card) throw new PayframeError('payment_not_rebillable', 'The card is no longer stored.');
  const method = payment.payment_method_id
    ? await services.store.findPaymentMethod(app.id, payment.payment_method_id)
    : undefined;
  // Judged before anything is saved: a retry of a saved attempt must ask the acquirer, since the
  // first call may have charged the card before it expired.
  const expired = isExpired(
    { month: card.exp_month, year: card.exp_year },
    new Date(services.now()),
  );
  let attempt: TransactionRecord | undefined;
  let created = false;
  await changePayment(
    services,
    app,
    id,
    decidePendingRebill(
      amount,
      requestKey,
      (found, isNew) => {
        attempt = found;
        created = isNew;
      },
      method !== undefined && method.detached_at !== null,
    ),
  );
  if (!attempt) throw new Error('The rebill was not saved.');
  if (attempt.status === 'pending') {
    const answer: AuthorizationAnswer =
      expired && created
        ? { approved: false, code: 'expired_card', reference: '' }
        : await chargeStoredCard(services, card, amount, payment.currency, attempt.id, requestKey);
    await changePayment(services, app, id, decideRebillAnswer(attempt.id, answer));
  }
  return rebillResult(await getPayment(services, app, id), attempt.id);
}

function rebillResult(payment: Payment, attemptId: string): RebillResult {
  const attempt = payment.transactions.find((t) => t.id === attemptId);
  if (attempt?.status === 'succeeded') {
    return { status: 'succeeded', transaction_id: attempt.id, payment };
  }
  const code = attempt?.failure_code ?? 'processing_error';
  const entry = catalogEntry(code);
  return {
    status: 'failed',
    transaction_id: attemptId,
    error: { code, message: entry.title, retryable: entry.retryable },
    payment,
  };
}

async function chargeStoredCard(
  services: Services,
  card: { pan_ciphertext: string; exp_month: number; exp_year: number },
  amount: number,
  currency: string,
  reference: string,
  requestKey: string | null,
): Promise<AuthorizationAnswer> {
  try {
    return await services.acquirer.authorize({
      pan: services.vault.decrypt(card.pan_ciphertext),
      expMonth: card.exp_month,
      expYear: card.exp_year,
      amount,
      currency,
      capture: true,
      reference,
      initiator: 'merchant',
    });
  } catch {
    // The charge may or may not have happened: the RB stays pending, counted as no money.
    throw new PayframeError(
      'internal_error',
      requestKey
        ? 'The acquirer did not answer; the rebill is pending. Retry with the same Idempotency-Key.'
        : 'The acquirer did not answer; the rebill is pending (settled from the acquirer within ' +
            'minutes) and, sent without an Idempotency-Key, cannot be retried safely.',
    );
  }
}
