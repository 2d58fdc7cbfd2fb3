import { newId } from '../../protocol/ids';
import { AUTHORIZATION_WINDOW_MS, decideExpiry } from './back-office';
import { invoiceView, getInvoice } from './invoices';
import { changePayment } from './payment-change';
import { PayframeError } from './payframe-error';
import { disputeSandboxCaptures } from './sandbox-disputes';
import { reconcilePendingRebills, reconcileStuckAttempts } from './stuck-attempts';
import { sweepChallenges } from './three-ds';
import type { Services } from './services';

export interface SweepResult {
  invoices: number;
  authorizations: number;
  /** 3-D Secure challenges nobody answered in time. */
  challenges: number;
}

/** How many of each the sweep handles per run; the next run takes the rest. */
const SWEEP_BATCH = 200;

/**
 * Expires what time has run out on: open invoices past their checkout window (`invoice.expired`),
 * authorizations past their capture window (`payment.expired`), and challenges past their
 * deadline (the payment fails with `authentication_timeout`). Each change is written with
 * its event in one transaction and re-checked there, so concurrent sweeps never double-expire.
 */
export async function sweepExpiries(services: Services): Promise<SweepResult> {
  const now = services.now();
  const challenges = await sweepChallenges(services, SWEEP_BATCH);
  let invoices = 0;
  for (const lapsed of await services.store.listLapsedInvoices(now, SWEEP_BATCH)) {
    const app = { id: lapsed.app_id };
    const invoice = await getInvoice(services, app, lapsed.id);
    const data = invoiceView({ ...invoice, status: 'expired' }, services);
    const event = {
      id: newId('evt'),
      app_id: app.id,
      type: 'invoice.expired',
      data: JSON.stringify(data),
      created_at: now,
    };
    if (await services.store.expireInvoice(invoice.id, now, event)) invoices += 1;
  }
  let authorizations = 0;
  const cutoff = now - AUTHORIZATION_WINDOW_MS;
  for (const lapsed of await services.store.listLapsedAuthorizations(cutoff, SWEEP_BATCH)) {
    try {
      await changePayment(services, { id: lapsed.app_id }, lapsed.id, decideExpiry());
      authorizations += 1;
    } catch (error) {
      // Captured or voided since it was listed: nothing to expire.
      if (!(error instanceof PayframeError && error.code === 'illegal_transition')) throw error;
    }
  }
  return { invoices, authorizations, challenges };
}

/**
 * Everything the sweeper does on each run: expiries, attempts whose process died, and the
 * sandbox's disputes. Answers what expired.
 */
export async function runSweeps(services: Services): Promise<SweepResult> {
  const expired = await sweepExpiries(services);
  // Each runs even when one before it failed; the first failure is then reported.
  const failures: unknown[] = [];
  for (const sweep of [reconcileStuckAttempts, reconcilePendingRebills, disputeSandboxCaptures]) {
    await sweep(services).catch((error: unknown) => failures.push(error));
  }
  if (failures.length > 0) throw failures[0];
  return expired;
}

/** Runs the sweep every `intervalMs` until stopped; a failed run is logged and retried later. */
export function startExpirySweeper(
  services: Services,
  intervalMs: number,
  onError: (error: unknown) => void,
): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    runSweeps(services)
      .catch(onError)
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
