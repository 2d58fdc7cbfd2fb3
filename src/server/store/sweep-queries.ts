import { sql, type Kysely } from 'kysely';
import type { NewEvent } from './records';
import { insertEvents } from './outbox';
import type { Database } from './schema';

/** The expiry sweep's queries (kept apart from the payment queries). */

/** Open invoices past their checkout window that no attempt is holding, oldest first. */
export function listLapsedInvoices(
  db: Kysely<Database>,
  now: number,
  limit: number,
): Promise<{ id: string; app_id: string }[]> {
  return db
    .selectFrom('invoices')
    .select(['id', 'app_id'])
    .where('status', '=', 'open')
    .where('checkout_expires_at', '<=', now)
    .where('processing_payment_id', 'is', null)
    .orderBy('checkout_expires_at')
    .limit(limit)
    .execute();
}

/**
 * Marks one invoice expired and writes its event, in one transaction. The update re-checks every
 * condition, so of two sweeping processes only one expires it and only one event is written.
 */
export function expireInvoice(
  db: Kysely<Database>,
  id: string,
  now: number,
  event: NewEvent,
): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const expired = await tx
      .updateTable('invoices')
      .set({ status: 'expired', updated_at: now })
      .where('id', '=', id)
      .where('status', '=', 'open')
      .where('checkout_expires_at', '<=', now)
      .where('processing_payment_id', 'is', null)
      .executeTakeFirst();
    if (expired.numUpdatedRows === 0n) return false;
    await insertEvents(tx, [event]);
    return true;
  });
}

/** Authorized payments whose authorization (PA) was made at or before `authorizedBefore`. */
export function listLapsedAuthorizations(
  db: Kysely<Database>,
  authorizedBefore: number,
  limit: number,
): Promise<{ id: string; app_id: string }[]> {
  return db
    .selectFrom('payments')
    .innerJoin('transactions', 'transactions.payment_id', 'payments.id')
    .select(['payments.id as id', 'payments.app_id as app_id'])
    .where('payments.status', '=', 'authorized')
    .where('transactions.type', '=', 'PA')
    .where('transactions.created_at', '<=', authorizedBefore)
    .orderBy('transactions.created_at')
    .limit(limit)
    .execute();
}

/** How far back the sandbox dispute sweep looks for captures (a sweep that was down catches up). */
const DISPUTE_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * Sandbox: captured payments of the dispute test card (an approval whose acquirer reference has
 * `referencePrefix`), captured at or before `capturedBefore` and never charged back yet.
 */
export function listSandboxDisputes(
  db: Kysely<Database>,
  referencePrefix: string,
  capturedBefore: number,
  limit: number,
): Promise<{ id: string; app_id: string }[]> {
  return db
    .selectFrom('payments as p')
    .select(['p.id', 'p.app_id'])
    .where('p.status', '=', 'captured')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('transactions as t')
          .select('t.id')
          .whereRef('t.payment_id', '=', 'p.id')
          .where('t.type', 'in', ['PA', 'DB'])
          // Compared exactly: in LIKE, `_` matches any character (and SQLite ignores case).
          .where(
            sql<string>`substr(t.acquirer_reference, 1, ${referencePrefix.length})`,
            '=',
            referencePrefix,
          ),
      ),
    )
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('transactions as c')
          .select('c.id')
          .whereRef('c.payment_id', '=', 'p.id')
          .where('c.type', 'in', ['DB', 'CP'])
          .where('c.created_at', '<=', capturedBefore)
          // Only recent captures: the sweep never rereads the whole history.
          .where('c.created_at', '>', capturedBefore - DISPUTE_WINDOW_MS),
      ),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('transactions as b')
            .select('b.id')
            .whereRef('b.payment_id', '=', 'p.id')
            .where('b.type', '=', 'CB'),
        ),
      ),
    )
    .limit(limit)
    .execute();
}

/** Attempts still `processing` since before `updatedBefore`: their process died mid-attempt. */
export function listStuckProcessing(
  db: Kysely<Database>,
  updatedBefore: number,
  limit: number,
): Promise<{ id: string; app_id: string }[]> {
  return db
    .selectFrom('payments')
    .select(['id', 'app_id'])
    .where('status', '=', 'processing')
    .where('updated_at', '<', updatedBefore)
    .orderBy('updated_at')
    .limit(limit)
    .execute();
}

/** Transactions still `pending` since before `createdBefore` (a rebill whose answer was lost). */
export function listStalePendingTransactions(
  db: Kysely<Database>,
  createdBefore: number,
  limit: number,
): Promise<{ id: string; payment_id: string; app_id: string }[]> {
  return db
    .selectFrom('transactions as t')
    .innerJoin('payments as p', 'p.id', 't.payment_id')
    .select(['t.id', 't.payment_id', 'p.app_id'])
    .where('t.status', '=', 'pending')
    .where('t.created_at', '<', createdBefore)
    .orderBy('t.created_at')
    .limit(limit)
    .execute();
}
