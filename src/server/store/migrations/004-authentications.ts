import type { Kysely } from 'kysely';

/** 3-D Secure authentications: one per payment that went through the issuer's check. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('authentications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('payment_id', 'text', (c) => c.notNull().unique().references('payments.id'))
    .addColumn('app_id', 'text', (c) => c.notNull().references('apps.id'))
    .addColumn('acs_trans_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('trans_status', 'text')
    .addColumn('eci', 'text')
    .addColumn('liability_shift', 'integer', (c) => c.notNull())
    .addColumn('challenged', 'integer', (c) => c.notNull())
    .addColumn('three_ds_method', 'text', (c) => c.notNull())
    .addColumn('failure_reason', 'text')
    .addColumn('creq', 'text')
    .addColumn('shopper_result_url', 'text')
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('authentications_status_expiry')
    .on('authentications')
    .columns(['status', 'expires_at'])
    .execute();
}
