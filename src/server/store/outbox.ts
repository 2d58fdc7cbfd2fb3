import { sql, type Kysely } from 'kysely';
import type { NewEvent } from './records';
import type { Database } from './schema';

/**
 * Writes events to the outbox, in the caller's transaction. An event of an app that has no webhook
 * URL at that moment is recorded as `skipped`, as it would be marked once a URL is set (webhook
 * docs): the webhook worker's lease then never has to read past a backlog that no endpoint will
 * ever take. The URL is read in the same statement, so an app's URL set concurrently is seen
 * either by this insert or by `setWebhookUrl`'s marking, never by neither.
 */
export async function insertEvents(
  db: Kysely<Database>,
  events: readonly NewEvent[],
): Promise<void> {
  if (events.length === 0) return;
  await db
    .insertInto('events')
    .values(
      events.map((event) => ({
        ...event,
        delivery: sql<
          'pending' | 'skipped'
        >`case when (select webhook_url from apps where apps.id = ${event.app_id}) is null then 'skipped' else 'pending' end`,
      })),
    )
    .execute();
}
