import type { Kysely } from 'kysely';
import type { IdempotencyClaim, IdempotencyRecord, KeyClaim } from './records';
import { prepared } from './prepared';
import type { Database } from './schema';

/** The claim and the answer of every merchant POST, built once (ADR 24). */
const claim = prepared<IdempotencyRecord, never>((db, param) =>
  db
    .insertInto('idempotency_records')
    .values({
      app_id: param('app_id'),
      key: param('key'),
      request_hash: param('request_hash'),
      response_status: param('response_status'),
      response_body: param('response_body'),
      created_at: param('created_at'),
    })
    .onConflict((oc) => oc.columns(['app_id', 'key']).doNothing()),
);

const complete = prepared<
  { appId: string; key: string; claimedAt: number; status: number; body: string },
  never
>((db, param) =>
  db
    .updateTable('idempotency_records')
    .set({ response_status: param('status'), response_body: param('body') })
    .where('app_id', '=', param('appId'))
    .where('key', '=', param('key'))
    .where('created_at', '=', param('claimedAt')),
);

/** The record holding a key, read inside the claim's transaction. */
const holder = prepared<Pick<IdempotencyRecord, 'app_id' | 'key'>, IdempotencyRecord>((db, param) =>
  db
    .selectFrom('idempotency_records')
    .selectAll()
    .where('app_id', '=', param('app_id'))
    .where('key', '=', param('key')),
);

const CLAIM_ATTEMPTS = 3;

/** The Idempotency-Key queries of the store (ADR 5), kept apart from the payment queries. */
export async function claimIdempotencyKey(
  db: Kysely<Database>,
  record: IdempotencyRecord,
  cutoffs: { expiredBefore: number; abandonedBefore: number },
): Promise<IdempotencyClaim> {
  // A new key, the common case, is one statement on its own; a transaction only for a key in use.
  if ((await claim.changes(db, record)) === 1n) return { claimed: true };
  return db.transaction().execute(async (tx) => {
    // On PostgreSQL the record seen taken may be released (deleted) before the next statement
    // reads it: the key is then free again, and the insert is tried once more.
    for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
      if ((await claim.changes(tx, record)) === 1n) return { claimed: true };
      const existing = await holder.first(tx, record);
      if (!existing) continue;
      // A record older than the retention window, or an answer never stored by a crashed
      // request, no longer holds the key: this request takes it over, unless another one took
      // it first (the record is then no longer the one read).
      const stale =
        existing.created_at < cutoffs.expiredBefore ||
        (existing.response_status === null && existing.created_at < cutoffs.abandonedBefore);
      if (!stale) return { claimed: false, existing };
      const taken = await tx
        .updateTable('idempotency_records')
        .set({
          request_hash: record.request_hash,
          response_status: null,
          response_body: null,
          created_at: record.created_at,
        })
        .where('app_id', '=', record.app_id)
        .where('key', '=', record.key)
        .where('created_at', '=', existing.created_at)
        .where('request_hash', '=', existing.request_hash)
        .executeTakeFirst();
      if (taken.numUpdatedRows === 1n) return { claimed: true };
      const winner = await holder.first(tx, record);
      if (winner) return { claimed: false, existing: winner };
    }
    throw new Error(
      `Idempotency-Key ${record.key} changed hands ${CLAIM_ATTEMPTS} times in a row.`,
    );
  });
}

/** Stores the answer; false when the claim no longer holds the key (it was taken over). */
export async function completeIdempotencyKey(
  db: Kysely<Database>,
  appId: string,
  claim: KeyClaim,
  response: { status: number; body: string },
): Promise<boolean> {
  const changed = await complete.changes(db, {
    appId,
    key: claim.key,
    claimedAt: claim.claimedAt,
    status: response.status,
    body: response.body,
  });
  return changed === 1n;
}

export async function releaseIdempotencyKey(
  db: Kysely<Database>,
  appId: string,
  claim: KeyClaim,
): Promise<void> {
  await db
    .deleteFrom('idempotency_records')
    .where('app_id', '=', appId)
    .where('key', '=', claim.key)
    .where('created_at', '=', claim.claimedAt)
    .where('response_status', 'is', null)
    .execute();
}
