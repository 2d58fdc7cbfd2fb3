import { catalogEntry } from '../../protocol/errors';
import type { PaymentStatus } from '../../protocol/payments';
import type { RebillPayment, RebillResult } from '../../protocol/payment-operations';
import type { AuthorizationAnswer } from '../acquirer/acquirer';
import type { AppRecord } from '../store/records';
import { isExpired } from '../../card';
import { invoiceTotal } from './invoices';
import { changePayment, newTransaction, type Decide } from './payment-change';
import { getPayment } from './payments';
import { assertTransition, CAPTURED_STATUSES, DISPUTE_STATUSES } from './payment-states';
import { PayframeError } from './payframe-error';
import type { Services } from './services';

/**
 * Records a rebill the acquirer approved (RB): more money taken from the same card. The charge
 * happened, so it is recorded even if the payment was disputed meanwhile; a fully refunded payment is
 * only partly refunded afterwards.
 */
export function decideRebill(amount: number, reference: string): Decide {
  return (current, now) => {
    const from = current.payment.status as PaymentStatus;
    // Checked before the charge; since then a captured payment can only have been disputed.
    if (!CAPTURED_STATUSES.includes(from) && !DISPUTE_STATUSES.includes(from)) {
      throw new PayframeError('payment_not_rebillable');
    }
    const to: PaymentStatus = from === 'refunded' ? 'partially_refunded' : from;
    if (to !== from) assertTransition(from, to);
    return {
      status: to,
      transaction: newTransaction(current, 'RB', amount, now, reference),
      event: 'payment.rebilled',
    };
  };
}

/** Charges the payment's card again for additional items, without the shopper (no CVC). */
export async function rebillPayment(
  services: Services,
  app: AppRecord,
  id: string,
  body: RebillPayment,
): Promise<RebillResult> {
  const amount = invoiceTotal(body);
  const payment = await services.store.findPayment(app.id, id);
  if (!payment) throw new PayframeError('payment_not_found', `No payment ${id}.`);
  if (!CAPTURED_STATUSES.includes(payment.status as PaymentStatus)) {
    throw new PayframeError('payment_not_rebillable');
  }
  const card = await services.store.findVaultCard(app.id, payment.vault_card_id);
  if (!card) throw new PayframeError('payment_not_rebillable', 'The card is no longer stored.');
  const answer = await chargeStoredCard(services, card, amount, payment.currency);
  if (!answer.approved) {
    const entry = catalogEntry(answer.code);
    return {
      status: 'failed',
      error: { code: answer.code, message: entry.title, retryable: entry.retryable },
      payment: await getPayment(services, app, id),
    };
  }
  const updated = await changePayment(services, app, id, decideRebill(amount, answer.reference));
  const transaction = updated.transactions.findLast((t) => t.type === 'RB');
  return { status: 'succeeded', transaction_id: transaction?.id ?? '', payment: updated };
}

async function chargeStoredCard(
  services: Services,
  card: { pan_ciphertext: string; exp_month: number; exp_year: number },
  amount: number,
  currency: string,
): Promise<AuthorizationAnswer> {
  const expiry = { month: card.exp_month, year: card.exp_year };
  if (isExpired(expiry, new Date(services.now()))) {
    return { approved: false, code: 'expired_card', reference: '' };
  }
  try {
    return await services.acquirer.authorize({
      pan: services.vault.decrypt(card.pan_ciphertext),
      expMonth: card.exp_month,
      expYear: card.exp_year,
      amount,
      currency,
      capture: true,
    });
  } catch {
    return { approved: false, code: 'processing_error', reference: '' };
  }
}
