import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { randomBase62 } from '../../protocol/ids';
import type { KyselyStore } from '../store/kysely-store';
import { openPostgresStore, openSqliteStore } from '../store/open-store';

export interface TestStore {
  store: KyselyStore;
  /** Where the data lives, for tests that inspect the raw file. */
  sqliteFile?: string;
  /** Another connection to the same database, as a second server process would open. */
  reopen(): KyselyStore;
  dispose(): Promise<void>;
}

/** A migrated store on a fresh SQLite file in a temporary folder. */
export async function sqliteTestStore(): Promise<TestStore> {
  const dir = mkdtempSync(join(tmpdir(), 'payframe-test-'));
  const sqliteFile = join(dir, 'payframe.db');
  const store = openSqliteStore(sqliteFile);
  await store.migrate();
  return {
    store,
    sqliteFile,
    reopen: () => openSqliteStore(sqliteFile),
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const TEST_DATABASE_URL =
  process.env.PAYFRAME_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * True when PostgreSQL answers. In CI it must: a missing database there is a failure, not a skip.
 */
export async function postgresAvailable(): Promise<boolean> {
  const client = new pg.Client({
    connectionString: TEST_DATABASE_URL,
    connectionTimeoutMillis: 3000,
  });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch (error) {
    if (process.env.CI === 'true') {
      throw new Error(`PostgreSQL is required in CI at ${TEST_DATABASE_URL}`, { cause: error });
    }
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A migrated store in a schema of its own, dropped afterwards, so test files never collide. */
export async function postgresTestStore(): Promise<TestStore> {
  const schema = `test_${randomBase62(12).toLowerCase()}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const store = openPostgresStore(TEST_DATABASE_URL, { searchPath: schema });
  await store.migrate();
  return {
    store,
    reopen: () => openPostgresStore(TEST_DATABASE_URL, { searchPath: schema }),
    dispose: async () => {
      await store.close();
      await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
    },
  };
}

/** The stores a cross-store suite runs on: SQLite always, PostgreSQL where it answers (always in CI). */
export async function storesUnderTest(): Promise<[string, () => Promise<TestStore>][]> {
  const stores: [string, () => Promise<TestStore>][] = [['SQLite', sqliteTestStore]];
  if (await postgresAvailable()) stores.push(['PostgreSQL', postgresTestStore]);
  return stores;
}
