import type { Kysely } from 'kysely';
import { PayframeError } from '../domain/payframe-error';
import type { AuthenticationOutcome, AuthenticationRecord } from './records';
import { prepared } from './prepared';
import type { Database } from './schema';

const authenticationBy = {
  id: prepared<{ value: string }, AuthenticationRecord>((db, param) =>
    db.selectFrom('authentications').selectAll().where('id', '=', param('value')),
  ),
  payment_id: prepared<{ value: string }, AuthenticationRecord>((db, param) =>
    db.selectFrom('authentications').selectAll().where('payment_id', '=', param('value')),
  ),
};

/** The 3-D Secure queries of the store, kept apart from the payment queries. */

export function requireAction(
  db: Kysely<Database>,
  paymentId: string,
  authentication: AuthenticationRecord,
): Promise<void> {
  return db.transaction().execute(async (tx) => {
    const moved = await tx
      .updateTable('payments')
      .set({ status: 'requires_action', updated_at: authentication.created_at })
      .where('id', '=', paymentId)
      .where('status', '=', 'processing')
      .executeTakeFirst();
    if (moved.numUpdatedRows === 0n) {
      throw new PayframeError('illegal_transition', `payment ${paymentId} is not processing`);
    }
    await tx.insertInto('authentications').values(authentication).execute();
  });
}

export function findAuthentication(
  db: Kysely<Database>,
  column: 'id' | 'payment_id',
  value: string,
): Promise<AuthenticationRecord | undefined> {
  return authenticationBy[column].first(db, { value });
}

export async function startAuthorizing(
  db: Kysely<Database>,
  id: string,
  outcome: AuthenticationOutcome,
  now: number,
): Promise<boolean> {
  const finished = await db
    .updateTable('authentications')
    .set({ ...outcome, status: 'authorizing', updated_at: now })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return finished.numUpdatedRows === 1n;
}

export function listLapsedChallenges(
  db: Kysely<Database>,
  now: number,
  limit: number,
): Promise<AuthenticationRecord[]> {
  return db
    .selectFrom('authentications')
    .selectAll()
    .where('status', '=', 'pending')
    .where('expires_at', '<=', now)
    .orderBy('expires_at')
    .limit(limit)
    .execute();
}

export function listStuckAuthorizing(
  db: Kysely<Database>,
  before: number,
  limit: number,
): Promise<AuthenticationRecord[]> {
  return db
    .selectFrom('authentications')
    .selectAll()
    .where('status', '=', 'authorizing')
    .where('updated_at', '<=', before)
    .orderBy('updated_at')
    .limit(limit)
    .execute();
}
