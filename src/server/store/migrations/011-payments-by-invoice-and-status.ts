import type { Kysely } from 'kysely';

/**
 * The card-testing count (an invoice's failed attempts) looks payments up by invoice and status.
 * With one index on each column, SQLite without statistics chose `payments_status` and read every
 * failed payment of every merchant on each attempt; an index on both is its plain choice. It also
 * serves every lookup by invoice alone, so the old one goes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('payments_invoice_status')
    .on('payments')
    .columns(['invoice_id', 'status'])
    .execute();
  await db.schema.dropIndex('payments_invoice').execute();
}
