import type { Kysely } from 'kysely';

/** The merchant's order-check URL, asked before each payment; null when the app has none. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('apps').addColumn('order_check_url', 'text').execute();
}
