import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { KyselyStore } from './kysely-store';
import type { Database } from './schema';

/**
 * Embedded SQLite: WAL with `synchronous = FULL`, so a commit that returned survives power loss
 * (WAL's NORMAL would be faster but could lose the last commits).
 */
export function openSqliteStore(file: string): KyselyStore {
  const database = new SQLite(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  return new KyselyStore(
    new Kysely<Database>({ dialect: new SqliteDialect({ database }) }),
    'sqlite',
  );
}

const INT8_OID = 20;

/** PostgreSQL: bigint columns come back as numbers (all our values are below 2^53). */
export function openPostgresStore(
  connectionString: string,
  options: { searchPath?: string; max?: number } = {},
): KyselyStore {
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 10,
    ...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {}),
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID
          ? (value: string) => Number(value)
          : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  return new KyselyStore(
    new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }),
    'postgres',
  );
}

/** Opens the store named by the environment: PostgreSQL when a URL is given, else SQLite. */
export function openStore(config: { databaseUrl?: string; sqliteFile: string }): KyselyStore {
  return config.databaseUrl
    ? openPostgresStore(config.databaseUrl)
    : openSqliteStore(config.sqliteFile);
}
