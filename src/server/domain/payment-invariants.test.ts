import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PaymentStatus } from '../../protocol/payments';
import type { AuthorizationAnswer } from '../acquirer/acquirer';
import { applied, type PaymentWithTransactions, type TransactionRecord } from '../store/records';
import {
  AUTHORIZATION_WINDOW_MS,
  decideCapture,
  decideExpiry,
  decideRefund,
  decideVoid,
} from './back-office';
import { decideChargeback, decideChargebackReversal, decideDisputeLost } from './disputes';
import type { Decide } from './payment-change';
import { paymentAmounts } from './payment-amounts';
import { canTransition } from './payment-states';
import { PayframeError } from './payframe-error';
import { decidePendingRebill, decideRebillAnswer } from './rebill';

const HOUR = 60 * 60 * 1000;

/** One back-office operation, with the hours that pass before it. */
type Operation = { hours: number; name: string; decide: Decide };

const amount = fc.option(fc.integer({ min: 1, max: 1500 }), { nil: undefined });
const operation: fc.Arbitrary<Operation> = fc
  .tuple(
    fc.integer({ min: 0, max: 100 }),
    fc.oneof(
      amount.map((a) => ({ name: `capture ${a}`, decide: decideCapture(a) })),
      fc.constant({ name: 'void', decide: decideVoid() }),
      amount.map((a) => ({ name: `refund ${a}`, decide: decideRefund(a) })),
      fc.tuple(fc.integer({ min: 1, max: 500 }), fc.boolean()).map(([a, approved]) => ({
        name: `rebill ${a} ${approved ? 'approved' : 'declined'}`,
        decide: rebill(a, approved),
      })),
      amount.map((a) => ({ name: `chargeback ${a}`, decide: decideChargeback(a) })),
      fc.constant({ name: 'reversal', decide: decideChargebackReversal() }),
      fc.constant({ name: 'lost', decide: decideDisputeLost() }),
      fc.constant({ name: 'expiry', decide: decideExpiry() }),
    ),
  )
  .map(([hours, op]) => ({ hours, ...op }));

/**
 * A rebill as the server runs it: saved pending (which must move no money), then settled with the
 * acquirer's answer; the step's transaction is the settled attempt.
 */
function rebill(amount: number, approved: boolean): Decide {
  return (current, now) => {
    let attempt: TransactionRecord | undefined;
    const pending = decidePendingRebill(amount, null, (found) => (attempt = found))(current, now);
    const waiting = {
      payment: current.payment,
      transactions: applied(current.transactions, pending),
    };
    expect(paymentAmounts(waiting.transactions)).toEqual(paymentAmounts(current.transactions));
    const answer: AuthorizationAnswer = approved
      ? { approved: true, reference: 'ref' }
      : { approved: false, code: 'card_declined', reference: 'ref' };
    const settled = decideRebillAnswer(attempt!.id, answer)(waiting, now);
    const [transaction] = applied([attempt!], settled);
    return { ...settled, transaction: transaction!, settle: undefined };
  };
}

function startingPayment(automatic: boolean, authorized: number): PaymentWithTransactions {
  const transaction: TransactionRecord = {
    id: 'txn_start',
    payment_id: 'pay_1',
    type: automatic ? 'DB' : 'PA',
    amount: authorized,
    currency: 'EUR',
    acquirer_reference: null,
    status: 'succeeded',
    failure_code: null,
    request_key: null,
    created_at: 0,
  };
  return {
    payment: {
      id: 'pay_1',
      app_id: 'app_1',
      invoice_id: 'inv_1',
      status: automatic ? 'captured' : 'authorized',
      amount: authorized,
      currency: 'EUR',
      capture: automatic ? 'automatic' : 'manual',
      vault_card_id: 'vc_1',
      brand: 'visa',
      last4: '4242',
      exp_month: 12,
      exp_year: 2040,
      error_code: null,
      customer_id: null,
      payment_method_id: null,
      save_card: 0,
      initiator: 'customer',
      created_at: 0,
      updated_at: 0,
    },
    transactions: [transaction],
  };
}

/** The money invariants of DESIGN §6, which must hold after every step. */
function assertInvariants(current: PaymentWithTransactions): void {
  const { authorized, captured, refunded, disputed } = paymentAmounts(current.transactions);
  const types = current.transactions.map((t) => t.type);
  const sum = (type: string) =>
    current.transactions.filter((t) => t.type === type).reduce((s, t) => s + t.amount, 0);
  expect(sum('CP')).toBeLessThanOrEqual(authorized);
  expect(types.filter((t) => t === 'CP').length).toBeLessThanOrEqual(1);
  expect(refunded + disputed).toBeLessThanOrEqual(captured);
  expect(disputed).toBeGreaterThanOrEqual(0);
  const released = types.indexOf('RV');
  if (released >= 0) expect(types.slice(released + 1)).not.toContain('CP');
  if (current.payment.status === 'expired') expect(types).not.toContain('CP');
  if (current.payment.status === 'refunded') expect(refunded).toBe(captured);
  if (current.payment.status === 'partially_refunded') {
    expect(refunded).toBeGreaterThan(0);
    expect(refunded).toBeLessThan(captured);
  }
  for (const t of current.transactions)
    expect(Number.isSafeInteger(t.amount) && t.amount > 0).toBe(true);
}

describe('payment state machine and money invariants (property)', () => {
  it('holds every invariant under any sequence of operations; refusals change nothing', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.integer({ min: 1, max: 1000 }),
        fc.array(operation, { maxLength: 25 }),
        (automatic, authorizedAmount, operations) => {
          let current = startingPayment(automatic, authorizedAmount);
          let now = 0;
          for (const op of operations) {
            now += op.hours * HOUR;
            const before = current.payment.status as PaymentStatus;
            let decision;
            try {
              decision = op.decide(current, now);
            } catch (error) {
              expect(error).toBeInstanceOf(PayframeError);
              continue; // refused: nothing is written
            }
            const after = decision.status as PaymentStatus;
            if (after !== before) expect(canTransition(before, after)).toBe(true);
            if (after === 'expired') {
              expect(now).toBeGreaterThanOrEqual(AUTHORIZATION_WINDOW_MS);
              expect(decision.transaction).toBeNull();
            }
            current = {
              payment: { ...current.payment, status: after },
              transactions: applied(current.transactions, decision),
            };
            assertInvariants(current);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never refunds more than was captured, whatever the split', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.array(fc.integer({ min: 1, max: 10_000 }), { maxLength: 30 }),
        (captured, refunds) => {
          let current = startingPayment(true, captured);
          let accepted = 0;
          for (const refund of refunds) {
            try {
              const decision = decideRefund(refund)(current, 0);
              accepted += refund;
              current = {
                payment: { ...current.payment, status: decision.status },
                transactions: [...current.transactions, decision.transaction!],
              };
            } catch (error) {
              expect((error as PayframeError).code).toMatch(
                /amount_exceeds_captured|not_refundable/,
              );
              // Refused only when it really would exceed, or nothing is left.
              expect(accepted + refund > captured || accepted === captured).toBe(true);
            }
          }
          expect(accepted).toBeLessThanOrEqual(captured);
          expect(current.payment.status === 'refunded').toBe(accepted === captured);
        },
      ),
      { numRuns: 500 },
    );
  });
});
