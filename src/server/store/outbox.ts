import { sql, type Kysely } from 'kysely';
import { prepared, type PreparedQuery } from './prepared';
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
  const query = insertOf(events.length);
  if (!query) {
    await db.insertInto('events').values(events.map(eventRow)).execute();
    return;
  }
  const values: Record<string, unknown> = {};
  events.forEach((event, i) => {
    for (const column of COLUMNS) values[`${column}${i}`] = event[column];
  });
  await query.execute(db, values);
}

const COLUMNS = ['id', 'app_id', 'type', 'data', 'created_at'] as const;

function eventRow(event: NewEvent) {
  return {
    ...event,
    delivery: sql<
      'pending' | 'skipped'
    >`case when (select webhook_url from apps where apps.id = ${event.app_id}) is null then 'skipped' else 'pending' end`,
  };
}

/** A state change writes one to three events: inserts of up to four are built once (ADR 24). */
const PREPARED_UP_TO = 4;
const inserts: PreparedQuery<Record<string, unknown>, unknown>[] = [];

function insertOf(count: number): PreparedQuery<Record<string, unknown>, unknown> | undefined {
  if (count > PREPARED_UP_TO) return undefined;
  inserts[count] ??= prepared<Record<string, unknown>, unknown>((db, param) =>
    db.insertInto('events').values(
      Array.from({ length: count }, (_, i) => {
        const event = Object.fromEntries(
          COLUMNS.map((column) => [column, param(`${column}${i}`)]),
        ) as unknown as NewEvent;
        return eventRow(event);
      }),
    ),
  );
  return inserts[count];
}
