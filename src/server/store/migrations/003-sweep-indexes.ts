import type { Kysely } from 'kysely';

/** Lets the expiry sweep find open invoices past their window and authorized payments cheaply. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('invoices_status_expiry')
    .on('invoices')
    .columns(['status', 'checkout_expires_at'])
    .execute();
  await db.schema.createIndex('payments_status').on('payments').column('status').execute();
}
