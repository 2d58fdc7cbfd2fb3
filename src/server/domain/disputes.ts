import type { PaymentStatus } from '../../protocol/payments';
import { newTransaction, type Decide } from './payment-change';
import { paymentAmounts } from './payment-amounts';
import { assertTransition, CAPTURED_STATUSES } from './payment-states';
import { PayframeError } from './payframe-error';

/**
 * The shopper's bank takes money back (CB): at most what was captured and not refunded; omit the
 * amount to dispute all of it. Test mode simulates what an acquirer would report.
 */
export function decideChargeback(amount: number | undefined): Decide {
  return (current, now) => {
    const from = current.payment.status as PaymentStatus;
    const { captured, refunded } = paymentAmounts(current.transactions);
    const disputable = captured - refunded;
    if (!CAPTURED_STATUSES.includes(from) || disputable === 0) {
      throw new PayframeError('payment_not_disputable');
    }
    const take = amount ?? disputable;
    if (take > disputable) {
      throw new PayframeError('amount_exceeds_captured', `At most ${disputable} can be disputed.`);
    }
    assertTransition(from, 'disputed');
    return {
      status: 'disputed',
      transaction: newTransaction(current, 'CB', take, now),
      event: 'payment.disputed',
    };
  };
}

/** The merchant won the dispute: the money charged back returns (CR). */
export function decideChargebackReversal(): Decide {
  return (current, now) => {
    if (current.payment.status !== 'disputed') throw new PayframeError('payment_not_disputed');
    assertTransition('disputed', 'dispute_reversed');
    const { disputed } = paymentAmounts(current.transactions);
    return {
      status: 'dispute_reversed',
      transaction: newTransaction(current, 'CR', disputed, now),
      event: 'payment.dispute_reversed',
    };
  };
}

/** The merchant lost the dispute: the chargeback stands and no money moves. */
export function decideDisputeLost(): Decide {
  return (current) => {
    if (current.payment.status !== 'disputed') throw new PayframeError('payment_not_disputed');
    assertTransition('disputed', 'dispute_lost');
    return { status: 'dispute_lost', transaction: null, event: 'payment.dispute_lost' };
  };
}
