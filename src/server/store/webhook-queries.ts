import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, AppsTable, EventsTable, WebhookAttemptsTable } from './schema';

type AppRecord = Selectable<AppsTable>;
type EventRecord = Selectable<EventsTable>;

/** The webhook outbox's queries, kept apart from the payment queries. */

/** An event leased for sending, with what the worker needs of its app's endpoint. */
export interface LeasedEvent {
  event: EventRecord;
  app: Pick<
    AppRecord,
    'id' | 'webhook_url' | 'webhook_secret' | 'webhook_previous_secret' | 'webhook_previous_until'
  >;
}

/** What became of one attempt, written with its log row in one transaction. */
export type AttemptOutcome =
  | { kind: 'delivered' }
  | { kind: 'retry'; at: number }
  | { kind: 'failed' }
  /** 410 Gone: the endpoint is disabled; the event waits for a new URL. */
  | { kind: 'gone' };

/**
 * Leases up to `limit` due events of enabled endpoints to `owner` until `leaseUntil`. On
 * PostgreSQL rows another worker is leasing are skipped (`FOR UPDATE SKIP LOCKED`), and the update
 * re-checks the lease, so of two workers racing for an event one gets it; SQLite runs one writer at
 * a time.
 */
export async function leaseDueEvents(
  db: Kysely<Database>,
  dialect: 'sqlite' | 'postgres',
  owner: string,
  now: number,
  leaseUntil: number,
  limit: number,
): Promise<LeasedEvent[]> {
  // One statement, so SQLite takes its write lock first (waiting for another process's, rather
  // than failing to upgrade a read lock). The due rows are a materialised CTE: PostgreSQL may run
  // an `IN (subquery … LIMIT)` more than once per statement and lease more than `limit`.
  const leased = await db
    .with(
      (cte) => cte('due').materialized(),
      (qb) => {
        const due = qb
          .selectFrom('events')
          .innerJoin('apps', 'apps.id', 'events.app_id')
          .select('events.id as due_id')
          .where('events.delivery', '=', 'pending')
          .where('events.next_attempt_at', '<=', now)
          .where((eb) =>
            eb.or([eb('events.lease_until', 'is', null), eb('events.lease_until', '<', now)]),
          )
          .where('apps.webhook_url', 'is not', null)
          .where('apps.webhook_disabled_at', 'is', null)
          .orderBy('events.next_attempt_at')
          .orderBy('events.seq')
          .limit(limit);
        return dialect === 'postgres' ? due.forUpdate('events').skipLocked() : due;
      },
    )
    .updateTable('events')
    .set({ lease_owner: owner, lease_until: leaseUntil })
    .where('id', 'in', (eb) => eb.selectFrom('due').select('due_id'))
    .where('delivery', '=', 'pending')
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
    .returningAll()
    .execute();
  if (leased.length === 0) return [];
  const apps = await db
    .selectFrom('apps')
    .select([
      'id',
      'webhook_url',
      'webhook_secret',
      'webhook_previous_secret',
      'webhook_previous_until',
    ])
    .where(
      'id',
      'in',
      leased.map((e) => e.app_id),
    )
    .execute();
  const byId = new Map(apps.map((app) => [app.id, app]));
  return leased
    .sort((a, b) => a.next_attempt_at - b.next_attempt_at || a.seq - b.seq)
    .flatMap((event) => {
      const app = byId.get(event.app_id);
      return app ? [{ event, app }] : [];
    });
}

/**
 * Logs an attempt and applies its outcome to the event, if `owner` still holds its lease (a
 * worker that overran its lease has been replaced and must not overwrite the newer state).
 */
export function recordAttempt(
  db: Kysely<Database>,
  owner: string,
  attempt: Omit<WebhookAttemptsTable, 'attempt'>,
  outcome: AttemptOutcome,
): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    // Numbered in the insert itself, so the transaction's first statement is a write (SQLite).
    await tx
      .insertInto('webhook_attempts')
      .values({
        ...attempt,
        attempt: sql<number>`(select count(*) + 1 from webhook_attempts where event_id = ${attempt.event_id})`,
      })
      .execute();
    const updated = await tx
      .updateTable('events')
      .set((eb) => ({
        attempts: eb('attempts', '+', 1),
        lease_owner: null,
        lease_until: null,
        ...(outcome.kind === 'delivered'
          ? { delivery: 'delivered' as const, delivered_at: attempt.created_at }
          : outcome.kind === 'failed'
            ? { delivery: 'failed' as const }
            : outcome.kind === 'retry'
              ? { next_attempt_at: outcome.at }
              : {}),
      }))
      .where('id', '=', attempt.event_id)
      .where('lease_owner', '=', owner)
      .executeTakeFirst();
    if (outcome.kind === 'gone') {
      await tx
        .updateTable('apps')
        .set({ webhook_disabled_at: attempt.created_at })
        .where('id', '=', attempt.app_id)
        .where('webhook_url', '=', attempt.url)
        .execute();
    }
    return updated.numUpdatedRows === 1n;
  });
}

/** Puts an event back in the queue with a fresh retry schedule (manual resend). */
export async function resendEvent(
  db: Kysely<Database>,
  appId: string,
  eventId: string,
  now: number,
): Promise<EventRecord | undefined> {
  return db
    .updateTable('events')
    .set({
      delivery: 'pending',
      attempts: 0,
      next_attempt_at: now,
      lease_owner: null,
      lease_until: null,
    })
    .where('id', '=', eventId)
    .where('app_id', '=', appId)
    .returningAll()
    .executeTakeFirst();
}

/** The app's events, newest first, after the `before` event's position when given. */
export async function pageEvents(
  db: Kysely<Database>,
  appId: string,
  options: { limit: number; before?: string; type?: string },
): Promise<EventRecord[]> {
  let query = db.selectFrom('events').selectAll().where('app_id', '=', appId);
  if (options.type) query = query.where('type', '=', options.type);
  if (options.before) {
    const before = options.before;
    query = query.where('seq', '<', (eb) =>
      eb.selectFrom('events').select('seq').where('id', '=', before).where('app_id', '=', appId),
    );
  }
  return query.orderBy('seq', 'desc').limit(options.limit).execute();
}

export function listAttempts(
  db: Kysely<Database>,
  appId: string,
  eventIds: string[],
): Promise<Selectable<WebhookAttemptsTable>[]> {
  if (eventIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('webhook_attempts')
    .selectAll()
    .where('app_id', '=', appId)
    .where('event_id', 'in', eventIds)
    .orderBy('event_id')
    .orderBy('attempt')
    .execute();
}

/** Sets (or clears) the app's endpoint; setting a URL enables it again after a 410. */
export async function setWebhookUrl(
  db: Kysely<Database>,
  appId: string,
  url: string | null,
): Promise<AppRecord | undefined> {
  return db
    .updateTable('apps')
    .set({ webhook_url: url, webhook_disabled_at: null })
    .where('id', '=', appId)
    .returningAll()
    .executeTakeFirst();
}

/** Makes `secret` the app's signing secret; the old one keeps signing until `previousUntil`. */
export async function rotateWebhookSecret(
  db: Kysely<Database>,
  appId: string,
  secret: string,
  previousUntil: number,
): Promise<AppRecord | undefined> {
  return db
    .updateTable('apps')
    .set((eb) => ({
      webhook_previous_secret: eb.ref('webhook_secret'),
      webhook_previous_until: previousUntil,
      webhook_secret: secret,
    }))
    .where('id', '=', appId)
    .returningAll()
    .executeTakeFirst();
}
