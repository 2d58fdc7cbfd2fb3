import type { Kysely } from 'kysely';

/**
 * Customers and their saved cards (payment methods), the customer an invoice is for, and on each
 * payment who started it, the card it was paid with, and whether the shopper consented to save it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('customers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('app_id', 'text', (c) => c.notNull().references('apps.id'))
    .addColumn('email', 'text')
    .addColumn('name', 'text')
    .addColumn('metadata', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('payment_methods')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('app_id', 'text', (c) => c.notNull().references('apps.id'))
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('vault_card_id', 'text', (c) => c.notNull().references('vault_cards.id'))
    .addColumn('brand', 'text', (c) => c.notNull())
    .addColumn('last4', 'text', (c) => c.notNull())
    .addColumn('exp_month', 'integer', (c) => c.notNull())
    .addColumn('exp_year', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('detached_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('payment_methods_customer')
    .on('payment_methods')
    .columns(['customer_id', 'created_at'])
    .execute();

  await db.schema.alterTable('invoices').addColumn('customer_id', 'text').execute();
  await db.schema.alterTable('payments').addColumn('customer_id', 'text').execute();
  await db.schema.alterTable('payments').addColumn('payment_method_id', 'text').execute();
  await db.schema
    .alterTable('payments')
    .addColumn('save_card', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('payments')
    .addColumn('initiator', 'text', (c) => c.notNull().defaultTo('customer'))
    .execute();
}
