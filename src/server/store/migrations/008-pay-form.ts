import type { Kysely } from 'kysely';

/**
 * The simple HTML form (`POST /pay`): each app's form secret, and on a form's invoice the order it
 * was created for, unique per app, so a replayed form finds its invoice instead of making another.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('apps').addColumn('form_secret', 'text').execute();
  await db.schema.alterTable('invoices').addColumn('form_order', 'text').execute();
  await db.schema
    .createIndex('invoices_form_order')
    .on('invoices')
    .columns(['app_id', 'form_order'])
    .unique()
    .execute();
}
