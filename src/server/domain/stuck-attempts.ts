import type { AuthorizationAnswer } from '../acquirer/acquirer';
import { applyAnswer, lookupAnswer } from './pay-invoice';
import { changePayment } from './payment-change';
import { decideRebillAnswer } from './rebill';
import { PayframeError } from './payframe-error';
import type { Services } from './services';

/**
 * How long an attempt may stay `processing` before it is taken for dead: far longer than the
 * order check and the acquirer call it waits on.
 */
export const STUCK_PROCESSING_MS = 2 * 60 * 1000;

/**
 * Ends attempts whose process died mid-attempt (still `processing` after `STUCK_PROCESSING_MS`):
 * the acquirer is asked what it did under the payment's reference, and its answer is applied as
 * if it had arrived (captured or authorized, the invoice paid); with no charge on record the
 * attempt fails as a retryable `processing_error` and its invoice is free to pay again.
 */
export async function reconcileStuckAttempts(services: Services, limit = 200): Promise<number> {
  const stuck = await services.store.listStuckProcessing(
    services.now() - STUCK_PROCESSING_MS,
    limit,
  );
  let ended = 0;
  const errors: unknown[] = [];
  for (const { id, app_id } of stuck) {
    const payment = await services.store.findPayment(app_id, id);
    const invoice = payment && (await services.store.findInvoice(app_id, payment.invoice_id));
    if (!payment || !invoice) continue;
    await eachAlone(errors, async () => {
      const answer = await lookupAnswer(services, payment);
      if (!answer) return; // The acquirer cannot be asked now: the next sweep asks again.
      try {
        await applyAnswer(services, invoice, payment, answer, 'processing', null, 'insert');
        ended += 1;
      } catch (error) {
        // The attempt finished on its own since it was listed.
        if (!(error instanceof PayframeError && error.code === 'illegal_transition')) throw error;
      }
    });
  }
  rethrowFirst(errors);
  return ended;
}

/**
 * Settles rebills left `pending` (their answer was lost and no retry came) from the acquirer's
 * record under the RB's id: a charge is recorded as the RB it was, no charge fails the RB.
 */
export async function reconcilePendingRebills(services: Services, limit = 200): Promise<number> {
  const stale = await services.store.listStalePendingTransactions(
    services.now() - STUCK_PROCESSING_MS,
    limit,
  );
  let settled = 0;
  const errors: unknown[] = [];
  for (const rb of stale) {
    await eachAlone(errors, async () => {
      let answer: AuthorizationAnswer | null;
      try {
        answer = await services.acquirer.lookup(rb.id);
      } catch {
        return; // The acquirer cannot be asked now: the next sweep asks again.
      }
      const outcome: AuthorizationAnswer = answer ?? {
        approved: false,
        code: 'processing_error',
        reference: '',
      };
      try {
        await changePayment(
          services,
          { id: rb.app_id },
          rb.payment_id,
          decideRebillAnswer(rb.id, outcome),
        );
        settled += 1;
      } catch (error) {
        // Settled by a retry since it was listed.
        if (!(error instanceof Error && /is not pending/.test(error.message))) throw error;
      }
    });
  }
  rethrowFirst(errors);
  return settled;
}

/** Runs one item's work; a failure is kept for later rather than ending the whole run. */
async function eachAlone(errors: unknown[], work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    errors.push(error);
  }
}

/** After every item had its turn: the first failure, for the sweeper's log. */
function rethrowFirst(errors: unknown[]): void {
  if (errors.length > 0) throw errors[0];
}
