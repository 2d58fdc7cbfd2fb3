import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statfsSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { generateVaultKey } from '../src/server/vault/vault';
import { serverEnv, startServerChild } from './children';
import { postgresPids } from './cpu';
import type { LoadResult } from './load';
import { createBenchDatabase, type BenchDatabase } from './postgres-database';
import { barePhase, closedPhase, openPhase, TARGET_FLOWS_PER_SECOND } from './phases';
import { compactLatency, round } from './report';
import { readBenchConfig } from './server-config';

/**
 * `npm run bench:server`: the payment server against DESIGN §11 (SQLite with durable commits:
 * ≥ 1,000 full flows/s, p99 per request ≤ 25 ms at half that load, and the ratio to a bare
 * Fastify route). Speed is reported, never asserted: the exit code is non-zero only when the
 * bench itself breaks (a server does not start or dies, more than 1% of flows get a wrong answer,
 * or none completes). What each phase measures and how to read it: docs/benchmarks.md.
 */
const MAX_FAILED_SHARE = 0.01;
const TMPFS_MAGIC = 0x01021994;

const config = readBenchConfig();
const window = { warmupMs: config.warmup * 1000, durationMs: config.seconds * 1000 };
const dataDir = mkdtempSync(join(config.dir, 'payframe-bench-'));
let database: BenchDatabase | undefined;
// Runs on every way out; children.ts kills any server still running on the same event.
process.on('exit', () => rmSync(dataDir, { recursive: true, force: true }));
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the servers.`);
    void (database?.drop() ?? Promise.resolve()).finally(() => process.exit(130));
  });
}

/** Wrong answers and broken connections; answers that came too late are speed, not failure. */
const failedShare = (r: LoadResult) => (r.finished === 0 ? 0 : r.failed / r.finished);

function printMachine(): void {
  const cores = cpus();
  const onTmpfs = statfsSync(dataDir).type === TMPFS_MAGIC;
  console.log('Payframe payment server bench (DESIGN §11)');
  console.log(
    `  machine  ${cores.length} CPUs (${cores[0]?.model.trim() ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, ${process.platform} ${process.arch}, Node ${process.version}; load average ${loadavg()[0]?.toFixed(2)} at start`,
  );
  console.log(
    config.store === 'postgres'
      ? `  store    PostgreSQL, a new database on ${new URL(config.databaseUrl).host} (dropped after), ${config.processes} payment server process${config.processes > 1 ? 'es sharing one port' : ''} (DESIGN §11's target is for SQLite)`
      : `  store    SQLite, WAL, every write answered after an fsync of it (ADR 21, 22), in ${dataDir}${onTmpfs ? ' — tmpfs: fsync costs nothing here, set BENCH_DIR to a disk folder' : ''}`,
  );
  console.log(
    `  load     ${config.concurrency} virtual merchants on keep-alive connections; each phase ${config.warmup} s warm-up + ${config.seconds} s measured; server log level ${config.logLevel}`,
  );
}

async function main(): Promise<number> {
  printMachine();
  if (config.store === 'postgres') database = await createBenchDatabase(config.databaseUrl);
  try {
    return await measure();
  } finally {
    await database?.drop();
  }
}

async function measure(): Promise<number> {
  const payment = await startServerChild(
    './payment-server-child.ts',
    serverEnv({
      ...(database ? { PAYFRAME_DATABASE_URL: database.url } : {}),
      BENCH_PROCESSES: String(config.processes),
      PAYFRAME_DATA_DIR: dataDir,
      PAYFRAME_VAULT_KEY: generateVaultKey(),
      PAYFRAME_ACS_SECRET: randomBytes(24).toString('base64url'),
      PAYFRAME_LOG_LEVEL: config.logLevel,
      PAYFRAME_HOST: '127.0.0.1',
      PAYFRAME_PORT: '0',
    }),
    'payment server',
    config.profile ? ['--cpu-prof', `--cpu-prof-dir=${resolve(config.profile)}`] : [],
  );
  if (database) payment.databasePids = postgresPids;
  let closed, open, rate;
  try {
    const runId = Date.now().toString(36);
    const secretKey = String(payment.ready.secretKey);
    closed = await closedPhase(
      payment,
      { secretKey, runId: `${runId}c` },
      config.concurrency,
      window,
    );
    rate = config.rate === 'half' ? closed.flowsPerSecond / 2 : config.rate;
    const why = config.rate === 'half' ? 'half of phase 1' : config.rateSource;
    open = await openPhase(
      payment,
      { secretKey, runId: `${runId}o` },
      { perSecond: rate, why, sustained: closed.flowsPerSecond },
      window,
    );
  } finally {
    await payment.stop();
  }

  const bareServer = await startServerChild(
    './bare-server-child.ts',
    serverEnv({}),
    'bare Fastify',
  );
  const bare = await barePhase(bareServer, config.concurrency, window).finally(bareServer.stop);
  const ratio = closed.requestsPerSecond / bare.requestsPerSecond;
  console.log(
    `\nPayment server requests/s ÷ bare Fastify requests/s = ${closed.requestsPerSecond.toFixed(0)} ÷ ${bare.requestsPerSecond.toFixed(0)} = ${ratio.toFixed(3)}; flows/s ${closed.flowsPerSecond.toFixed(0)} of the ${TARGET_FLOWS_PER_SECOND} target`,
  );

  const summary = {
    bench: 'payframe-server',
    cpus: cpus().length,
    node: process.version,
    load_average: round(loadavg()[0] ?? 0),
    seconds: config.seconds,
    concurrency: config.concurrency,
    log_level: config.logLevel,
    store: config.store,
    processes: config.processes,
    closed: {
      flows_per_s: round(closed.flowsPerSecond, 1),
      requests_per_s: round(closed.requestsPerSecond, 1),
      failed: closed.result.failed,
      timed_out: closed.result.timedOut,
      latency_ms: compactLatency(closed.rows),
    },
    open: {
      rate: round(rate, 1),
      flows_per_s: round(open.result.completed / open.result.seconds, 1),
      failed: open.result.failed,
      timed_out: open.result.timedOut,
      unfinished: open.result.unfinished,
      latency_ms: compactLatency([...open.rows, ['whole flow', open.flow]]),
    },
    bare: {
      requests_per_s: round(bare.requestsPerSecond, 1),
      latency_ms: compactLatency(bare.rows),
    },
    ratio: round(ratio, 4),
  };
  console.log(`\n${JSON.stringify(summary)}`);

  if ([closed.result, open.result, bare.result].some((r) => failedShare(r) > MAX_FAILED_SHARE)) {
    console.error(`\nMore than ${MAX_FAILED_SHARE * 100}% of flows got a wrong answer: see above.`);
    return 1;
  }
  if (closed.result.completed === 0 || bare.result.completed === 0) {
    console.error('\nNothing completed in a closed-loop phase: a server answers nothing in time.');
    return 1;
  }
  return 0;
}

let code = 1;
try {
  code = await main();
} catch (error) {
  console.error(`\nThe bench broke: ${(error as Error).message}`);
}
process.exit(code);
