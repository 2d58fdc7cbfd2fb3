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

/** What a worker asks for when it leases. */
export interface LeaseRequest {
  owner: string;
  /** Events due at or before this time (the server clock: the test clock in test mode). */
  dueBy: number;
  /** Real time: a lease ending before it has lapsed. */
  leaseNow: number;
  leaseUntil: number;
  limit: number;
  /** At most this many events of one app per lease, so one app's backlog cannot take every slot. */
  perApp: number;
  /** Apps whose deliveries already fill their share in this worker. */
  excludeApps: readonly string[];
}

/**
 * Leases due events of enabled endpoints to `owner`. On PostgreSQL rows another worker is leasing
 * are skipped (`FOR UPDATE SKIP LOCKED`), and the update re-checks the lease, so of two workers
 * racing for an event one gets it; SQLite runs one writer at a time.
 */
export async function leaseDueEvents(
  db: Kysely<Database>,
  dialect: 'sqlite' | 'postgres',
  request: LeaseRequest,
): Promise<LeasedEvent[]> {
  const { dueBy, leaseNow, leaseUntil, limit, perApp, excludeApps } = request;
  // One statement, so SQLite takes its write lock first (waiting for another process's, rather
  // than failing to upgrade a read lock). The CTEs are materialised: PostgreSQL may otherwise run
  // an `IN (subquery … LIMIT)` more than once per statement and lease more than `limit`. Locking
  // and ranking per app are two steps, since PostgreSQL allows no window function with FOR UPDATE.
  const leased = await db
    .with(
      (cte) => cte('candidates').materialized(),
      (qb) => {
        let candidates = qb
          .selectFrom('events')
          .innerJoin('apps', 'apps.id', 'events.app_id')
          .select(['events.id', 'events.app_id', 'events.next_attempt_at', 'events.seq'])
          .where('events.delivery', '=', 'pending')
          .where('events.next_attempt_at', '<=', dueBy)
          .where((eb) =>
            eb.or([eb('events.lease_until', 'is', null), eb('events.lease_until', '<', leaseNow)]),
          )
          .where('apps.webhook_url', 'is not', null)
          .where('apps.webhook_disabled_at', 'is', null)
          .orderBy('events.next_attempt_at')
          .orderBy('events.seq')
          .limit(limit * 4);
        if (excludeApps.length > 0) {
          candidates = candidates.where('events.app_id', 'not in', [...excludeApps]);
        }
        return dialect === 'postgres' ? candidates.forUpdate('events').skipLocked() : candidates;
      },
    )
    .with(
      (cte) => cte('due').materialized(),
      (qb) =>
        qb
          .selectFrom((eb) =>
            eb
              .selectFrom('candidates')
              .select([
                'id',
                'next_attempt_at',
                'seq',
                sql<number>`row_number() over (partition by app_id order by next_attempt_at, seq)`.as(
                  'rank',
                ),
              ])
              .as('ranked'),
          )
          .select('id as due_id')
          .where('rank', '<=', perApp)
          .orderBy('next_attempt_at')
          .orderBy('seq')
          .limit(limit),
    )
    .updateTable('events')
    .set({ lease_owner: request.owner, lease_until: leaseUntil })
    .where('id', 'in', (eb) => eb.selectFrom('due').select('due_id'))
    .where('delivery', '=', 'pending')
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', leaseNow)]))
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
        // A 410 turns the endpoint off rather than using up one of the event's tries.
        ...(outcome.kind === 'gone' ? {} : { attempts: eb('attempts', '+', 1) }),
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
  return (
    db
      .updateTable('events')
      // A lease in force is kept: a send in flight finishes and its outcome stands.
      .set({ delivery: 'pending', attempts: 0, next_attempt_at: now })
      .where('id', '=', eventId)
      .where('app_id', '=', appId)
      .returningAll()
      .executeTakeFirst()
  );
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

/**
 * Sets (or clears) the app's endpoint; setting a URL enables it again after a 410. Events that
 * happened while the app had no URL are marked `skipped` when one is set, rather than all sent at
 * once; a resend still sends any of them.
 */
export async function setWebhookUrl(
  db: Kysely<Database>,
  appId: string,
  url: string | null,
): Promise<AppRecord | undefined> {
  return db.transaction().execute(async (tx) => {
    if (url !== null) {
      await tx
        .updateTable('events')
        .set({ delivery: 'skipped' })
        .where('app_id', '=', appId)
        .where('delivery', '=', 'pending')
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('apps')
              .select('apps.id')
              .where('apps.id', '=', appId)
              .where('apps.webhook_url', 'is', null),
          ),
        )
        .execute();
    }
    return tx
      .updateTable('apps')
      .set({ webhook_url: url, webhook_disabled_at: null })
      .where('id', '=', appId)
      .returningAll()
      .executeTakeFirst();
  });
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
