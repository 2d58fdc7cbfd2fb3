import type { Kysely } from 'kysely';

/**
 * A transaction's outcome, for those saved before the acquirer answers (a rebill): `pending` until
 * the answer, then `succeeded` or `failed` with the decline code. Only succeeded ones move money.
 * `request_key` is the Idempotency-Key that asked for it, so a retry finds it instead of charging
 * again.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('transactions')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('succeeded'))
    .execute();
  await db.schema.alterTable('transactions').addColumn('failure_code', 'text').execute();
  await db.schema.alterTable('transactions').addColumn('request_key', 'text').execute();
  await db.schema
    .createIndex('transactions_request_key')
    .on('transactions')
    .columns(['payment_id', 'request_key'])
    .unique()
    .execute();
}
