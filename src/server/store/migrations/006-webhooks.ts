import type { Kysely } from 'kysely';

/**
 * Webhook delivery. The app gains its endpoint URL, when that endpoint was disabled (it answered
 * 410) and the secret it is rotating away from. The events table is the outbox: each row gains
 * its delivery state, and a lease (`lease_owner` until `lease_until`) that one worker takes before
 * sending, so two server processes never send the same attempt. Every attempt is logged.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('apps').addColumn('webhook_url', 'text').execute();
  await db.schema.alterTable('apps').addColumn('webhook_disabled_at', 'bigint').execute();
  await db.schema.alterTable('apps').addColumn('webhook_previous_secret', 'text').execute();
  await db.schema.alterTable('apps').addColumn('webhook_previous_until', 'bigint').execute();

  await db.schema
    .alterTable('events')
    .addColumn('delivery', 'text', (c) => c.notNull().defaultTo('pending'))
    .execute();
  // Events from before webhooks existed were never meant for an endpoint.
  await db
    .updateTable('events' as never)
    .set({ delivery: 'skipped' } as never)
    .execute();
  await db.schema
    .alterTable('events')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('events')
    .addColumn('next_attempt_at', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('events').addColumn('lease_owner', 'text').execute();
  await db.schema.alterTable('events').addColumn('lease_until', 'bigint').execute();
  await db.schema.alterTable('events').addColumn('delivered_at', 'bigint').execute();
  await db.schema
    .createIndex('events_due')
    .on('events')
    .columns(['delivery', 'next_attempt_at'])
    .execute();

  await db.schema
    .createTable('webhook_attempts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id'))
    .addColumn('app_id', 'text', (c) => c.notNull().references('apps.id'))
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('status_code', 'integer')
    .addColumn('error', 'text')
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('webhook_attempts_event')
    .on('webhook_attempts')
    .columns(['event_id', 'attempt'])
    .execute();
}
