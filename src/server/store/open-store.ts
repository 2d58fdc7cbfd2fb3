import SQLite from 'better-sqlite3';
import { Kysely } from 'kysely';
import pg from 'pg';
import { CurrentSchemaPostgresDialect } from './current-schema-dialect';
import { Checkpointer } from './checkpointer';
import { GroupCommitSqliteDialect } from './group-commit';
import { walFileSync } from './wal-sync';
import { KyselyStore } from './kysely-store';
import type { Database } from './schema';

/**
 * Embedded SQLite in WAL mode, durable: no write resolves before its commit is synced to disk
 * (ADR 21). The writer commits with `synchronous = NORMAL` and the WAL is synced off the event
 * loop, once for all the commits made meanwhile; checkpoints run in a worker thread; reads
 * outside a transaction use a second connection. `file` must be a file, not `:memory:`.
 */
export function openSqliteStore(file: string): KyselyStore {
  if (file === ':memory:') {
    throw new Error('The SQLite store needs a file: it opens two connections.');
  }
  const writer = new SQLite(file);
  writer.pragma('journal_mode = WAL');
  writer.pragma('synchronous = NORMAL');
  writer.pragma('foreign_keys = ON');
  // The group-commit driver waits for another process's write lock on a timer.
  writer.pragma('busy_timeout = 0');
  cacheStatements(writer);
  const reader = new SQLite(file);
  reader.pragma('query_only = ON');
  reader.pragma('busy_timeout = 5000');
  cacheStatements(reader);
  const dialect = new GroupCommitSqliteDialect({
    writer,
    reader,
    wal: walFileSync(file),
    checkpointer: new Checkpointer(file, writer),
  });
  return new KyselyStore(new Kysely<Database>({ dialect }), 'sqlite');
}

/** Distinct query texts kept prepared; the server's queries are a few dozen shapes. */
const STATEMENT_CACHE_SIZE = 256;

/**
 * Memoises `prepare` by SQL text on this connection. Kysely's SQLite dialect prepares every query
 * anew, and under load SQLite's prepare took 14% of the server's time; a statement is reusable once
 * its previous run returned, which is always the case with this synchronous driver. Past the limit
 * (an `IN` list of another length is another text) the least recently used texts go first, as a
 * CLOCK cache approximates it: a hit only marks its statement used, and eviction gives a used one a
 * second chance. Reordering a map on every hit cost 3% of the server's time.
 */
export function cacheStatements(database: SQLite.Database, limit = STATEMENT_CACHE_SIZE): void {
  const prepare = database.prepare.bind(database);
  const statements = new Map<string, { statement: SQLite.Statement; used: boolean }>();
  const evictOne = () => {
    for (const [sql, entry] of statements) {
      statements.delete(sql);
      if (!entry.used) return;
      entry.used = false;
      statements.set(sql, entry);
    }
  };
  database.prepare = ((sql: string) => {
    const cached = statements.get(sql);
    if (cached) {
      cached.used = true;
      return cached.statement;
    }
    while (statements.size >= limit) evictOne();
    const statement = prepare(sql);
    statements.set(sql, { statement, used: false });
    return statement;
  }) as SQLite.Database['prepare'];
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
    new Kysely<Database>({ dialect: new CurrentSchemaPostgresDialect({ pool }) }),
    'postgres',
    options.searchPath,
  );
}

/** Opens the store named by the environment: PostgreSQL when a URL is given, else SQLite. */
export function openStore(config: { databaseUrl?: string; sqliteFile: string }): KyselyStore {
  return config.databaseUrl
    ? openPostgresStore(config.databaseUrl)
    : openSqliteStore(config.sqliteFile);
}
