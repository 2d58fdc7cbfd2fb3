import { sql, type Kysely } from 'kysely';

/**
 * Events recorded while their app had no webhook URL are `skipped` from now on (store/outbox.ts);
 * the pending ones of such apps already stored become so too, as setting a URL would have made
 * them. The webhook worker's lease no longer reads past them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`update events set delivery = 'skipped'
    where delivery = 'pending'
      and app_id in (select id from apps where webhook_url is null)`.execute(db);
}
