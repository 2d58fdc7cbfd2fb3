import type { Kysely } from 'kysely';
import type { IdempotencyClaim, IdempotencyRecord } from './records';
import type { Database } from './schema';

/** The Idempotency-Key queries of the store (ADR 5), kept apart from the payment queries. */
export async function claimIdempotencyKey(
  db: Kysely<Database>,
  record: IdempotencyRecord,
  cutoffs: { expiredBefore: number; abandonedBefore: number },
): Promise<IdempotencyClaim> {
  return db.transaction().execute(async (tx) => {
    // A record older than the retention window, or an answer never stored by a crashed
    // request, no longer holds the key.
    await tx
      .deleteFrom('idempotency_records')
      .where('app_id', '=', record.app_id)
      .where('key', '=', record.key)
      .where((eb) =>
        eb.or([
          eb('created_at', '<', cutoffs.expiredBefore),
          eb.and([
            eb('response_status', 'is', null),
            eb('created_at', '<', cutoffs.abandonedBefore),
          ]),
        ]),
      )
      .execute();
    const inserted = await tx
      .insertInto('idempotency_records')
      .values(record)
      .onConflict((oc) => oc.columns(['app_id', 'key']).doNothing())
      .executeTakeFirst();
    if (inserted.numInsertedOrUpdatedRows === 1n) return { claimed: true };
    const existing = await tx
      .selectFrom('idempotency_records')
      .selectAll()
      .where('app_id', '=', record.app_id)
      .where('key', '=', record.key)
      .executeTakeFirstOrThrow();
    return { claimed: false, existing };
  });
}

export async function completeIdempotencyKey(
  db: Kysely<Database>,
  appId: string,
  key: string,
  response: { status: number; body: string },
): Promise<void> {
  await db
    .updateTable('idempotency_records')
    .set({ response_status: response.status, response_body: response.body })
    .where('app_id', '=', appId)
    .where('key', '=', key)
    .execute();
}

export async function releaseIdempotencyKey(
  db: Kysely<Database>,
  appId: string,
  key: string,
): Promise<void> {
  await db
    .deleteFrom('idempotency_records')
    .where('app_id', '=', appId)
    .where('key', '=', key)
    .where('response_status', 'is', null)
    .execute();
}
