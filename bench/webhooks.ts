import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { newId, randomBase62 } from '../src/protocol/ids';
import { createMerchantApp } from '../src/server/domain/apps';
import type { KyselyStore } from '../src/server/store/kysely-store';
import { openPostgresStore, openSqliteStore } from '../src/server/store/open-store';
import { WebhookWorker } from '../src/server/webhooks/delivery-worker';
import { LatencyRecorder } from './percentiles';

/**
 * `npm run bench:webhooks`: how fast the outbox drains to a local endpoint. A bounded load on
 * loopback only: `--events` (2,000) events are written at once, then one worker, and on PostgreSQL
 * two workers on separate connections, send them to a receiver that answers 204, or fails a share
 * of deliveries with 500 (`--fail 0.1`), which are then retried. Reports deliveries per second,
 * the time from an event's write to its arrival (p50/p99), and duplicates (none expected).
 */
const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '2000' },
    fail: { type: 'string', default: '0' },
    postgres: {
      type: 'string',
      default: process.env.PAYFRAME_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    },
  },
});
const EVENTS = Math.min(Math.max(Number(values.events), 1), 50_000);
const FAIL_SHARE = Math.min(Math.max(Number(values.fail), 0), 0.9);
const DEADLINE_MS = 120_000;

interface Receiver {
  url: string;
  arrivals: Map<string, number[]>;
  close(): Promise<void>;
}

async function startReceiver(): Promise<Receiver> {
  const arrivals = new Map<string, number[]>();
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const id = String(request.headers['webhook-id']);
      const seen = arrivals.get(id) ?? [];
      // A failed try is answered but not counted as an arrival.
      if (Math.random() < FAIL_SHARE) return response.writeHead(500).end();
      seen.push(performance.now());
      arrivals.set(id, seen);
      response.writeHead(204).end();
    });
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    arrivals,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function run(name: string, stores: KyselyStore[]): Promise<void> {
  const [store] = stores as [KyselyStore];
  const receiver = await startReceiver();
  // Retries are due on the worker's clock; moving it on makes a failed try due at once.
  let offset = 0;
  const now = () => Date.now() + offset;
  const { app } = await createMerchantApp(
    { store, now },
    {
      name: 'Bench',
      allowedOrigins: ['https://bench.example'],
      webhookUrl: receiver.url,
    },
  );
  const written = performance.now();
  const ids = Array.from({ length: EVENTS }, () => newId('evt'));
  for (let at = 0; at < ids.length; at += 500) {
    await store.db
      .insertInto('events')
      .values(
        ids.slice(at, at + 500).map((id) => ({
          id,
          app_id: app.id,
          type: 'payment.captured',
          data: JSON.stringify({ id: `pay_${randomBase62(22)}`, object: 'payment', amount: 2490 }),
          created_at: Date.now(),
        })),
      )
      .execute();
  }
  const workers = stores.map((s) => new WebhookWorker({ store: s, now }, { intervalMs: 20 }));
  const started = performance.now();
  for (const worker of workers) worker.start();
  const skipRetryWaits = setInterval(
    () => (offset += 11 * 60 * 60 * 1000),
    FAIL_SHARE > 0 ? 200 : 1e9,
  );
  while (receiver.arrivals.size < EVENTS && performance.now() - started < DEADLINE_MS) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  clearInterval(skipRetryWaits);
  const seconds = (performance.now() - started) / 1000;
  await Promise.all(workers.map((w) => w.stop()));
  const latency = new LatencyRecorder();
  for (const times of receiver.arrivals.values()) latency.record((times[0] as number) - written);
  const duplicates = [...receiver.arrivals.values()].filter((times) => times.length > 1).length;
  const { p50, p99 } = latency.summary();
  console.log(
    `${name.padEnd(26)} ${String(receiver.arrivals.size).padStart(6)}/${EVENTS} delivered in ${seconds.toFixed(2)} s = ${Math.round(receiver.arrivals.size / seconds)} /s; write→arrival p50 ${Math.round(p50)} ms, p99 ${Math.round(p99)} ms; duplicates ${duplicates}`,
  );
  await receiver.close();
}

async function main() {
  console.log(
    `Webhook delivery bench: ${EVENTS} events, receiver on loopback failing ${Math.round(FAIL_SHARE * 100)}% of tries with 500`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'payframe-webhooks-'));
  try {
    const sqlite = openSqliteStore(join(dir, 'payframe.db'));
    await sqlite.migrate();
    await run('SQLite, one worker', [sqlite]);
    await sqlite.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const admin = new pg.Client({ connectionString: values.postgres, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch {
    console.log('PostgreSQL not reachable: skipped.');
    return;
  }
  for (const count of [1, 2]) {
    const schema = `bench_${randomBase62(10).toLowerCase()}`;
    await admin.query(`create schema ${schema}`);
    const stores = Array.from({ length: count }, () =>
      openPostgresStore(values.postgres, { searchPath: schema }),
    );
    try {
      await stores[0]!.migrate();
      await run(`PostgreSQL, ${count} worker${count > 1 ? 's' : ''}`, stores);
    } finally {
      for (const s of stores) await s.close();
      await admin.query(`drop schema ${schema} cascade`);
    }
  }
  await admin.end();
}

await main();
