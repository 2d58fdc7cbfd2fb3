import type SQLite from 'better-sqlite3';
import {
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely';
import { DurableLog, type WalSync } from './wal-sync';

/** How long a write waits for another process's write lock (the old `busy_timeout`). */
const BUSY_TIMEOUT_MS = 5000;
const BUSY_RETRY_MS = 2;

/**
 * One SQLite transaction shared by the writes of one event-loop turn: it ends with one `COMMIT`
 * for all of them, and none of them is answered before that commit is on stable storage.
 */
interface Batch {
  durable: Promise<void>;
  resolve(): void;
  reject(error: unknown): void;
}

function newBatch(): Batch {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const durable = new Promise<void>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  // Waited on by every writer of the batch; a batch nobody waits on must not crash the process.
  durable.catch(() => undefined);
  return { durable, resolve, reject };
}

/** First come, first served; the driver holds it while one query or one transaction runs. */
class Lock {
  #held = false;
  readonly #waiting: (() => void)[] = [];

  async acquire(): Promise<void> {
    if (!this.#held) {
      this.#held = true;
      return;
    }
    await new Promise<void>((resolve) => this.#waiting.push(resolve));
  }

  release(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#held = false;
  }
}

/** Told of every commit; checkpoints the WAL without the writer (checkpointer.ts). */
export interface Checkpoints {
  committed(): void;
  close(): Promise<void>;
}

const isBusy = (error: unknown) =>
  String((error as { code?: unknown }).code).startsWith('SQLITE_BUSY');

/**
 * Group commit for SQLite (ADR 21). Writes (a Kysely transaction, or a statement other than a
 * `SELECT` outside one) run on the writer connection inside a batch: each transaction as a
 * savepoint, so it succeeds or fails alone. The batch commits once, after the current event-loop
 * turn, with `synchronous = NORMAL` (no fsync in `COMMIT`); the WAL is then synced off the event
 * loop, and every write of the batch resolves only once that sync covers it: nothing is answered
 * or sent out before it is durable. Reads outside a transaction run on a second connection, which
 * sees committed rows only; such a read resolves once every commit it could have seen is synced.
 */
class GroupCommitDriver implements Driver {
  readonly #lock = new Lock();
  readonly #connection: DatabaseConnection;
  #batch: Batch | null = null;
  /** The batch the current holder of the lock wrote in: it is answered after its commit. */
  #wrote: Batch | null = null;
  /** The last commit the current holder's reads could see: answered once it is durable. */
  #saw = 0;
  /** The batch the open Kysely transaction runs in; null outside one. */
  #transaction: Batch | null = null;
  readonly #log: DurableLog;

  constructor(
    private readonly writer: SQLite.Database,
    private readonly reader: SQLite.Database,
    private readonly wal: WalSync,
    private readonly checkpointer?: Checkpoints,
  ) {
    this.#log = new DurableLog(wal);
    this.#log.recovered();
    this.#connection = {
      executeQuery: <R>(query: CompiledQuery) => this.#execute(query) as Promise<QueryResult<R>>,
      streamQuery: <R>(query: CompiledQuery) =>
        this.#stream(query) as AsyncIterableIterator<QueryResult<R>>,
    };
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    await this.#lock.acquire();
    this.#wrote = null;
    this.#saw = 0;
    return this.#connection;
  }

  async releaseConnection(): Promise<void> {
    const wrote = this.#wrote;
    const saw = this.#saw;
    this.#wrote = null;
    this.#saw = 0;
    this.#lock.release();
    // A batch commits after every commit a read before it could see.
    if (wrote) await wrote.durable;
    else if (saw > 0) await this.#log.whenDurable(saw);
  }

  async beginTransaction(): Promise<void> {
    this.#transaction = await this.#join();
    this.#wrote = this.#transaction;
    this.writer.prepare('savepoint payframe_transaction').run();
  }

  async commitTransaction(): Promise<void> {
    this.#assertTransactionAlive();
    this.writer.prepare('release payframe_transaction').run();
    this.#transaction = null;
  }

  async rollbackTransaction(): Promise<void> {
    const alive = this.#transaction !== null && this.#transaction === this.#batch;
    this.#transaction = null;
    if (!alive) return;
    this.writer.prepare('rollback to payframe_transaction').run();
    this.writer.prepare('release payframe_transaction').run();
  }

  async destroy(): Promise<void> {
    await this.#lock.acquire();
    try {
      if (this.#batch) this.#commit(this.#batch);
      await this.#log.whenDurable(this.#log.latest);
    } finally {
      await this.checkpointer?.close();
      this.writer.close();
      this.reader.close();
      await this.wal.close();
    }
  }

  async #execute(query: CompiledQuery): Promise<QueryResult<unknown>> {
    const { sql, parameters } = query;
    if (this.#log.broken !== undefined) throw this.#log.broken;
    if (this.#transaction === null) {
      if (query.query.kind === 'SelectQueryNode') {
        this.#saw = this.#log.latest;
        return { rows: this.reader.prepare(sql).all(parameters) };
      }
      this.#wrote = await this.#join();
    } else {
      this.#assertTransactionAlive();
    }
    const statement = this.writer.prepare(sql);
    try {
      if (statement.reader) return { rows: statement.all(parameters) };
      const { changes, lastInsertRowid } = statement.run(parameters);
      return {
        insertId: BigInt(lastInsertRowid),
        numAffectedRows: BigInt(changes),
        rows: [],
      };
    } catch (error) {
      // Most errors undo the statement alone; a few (disk full, I/O) end the whole transaction.
      if (this.#batch && !this.writer.inTransaction) this.#fail(this.#batch, error);
      throw error;
    }
  }

  async *#stream(query: CompiledQuery): AsyncIterableIterator<QueryResult<unknown>> {
    const { rows } = await this.#execute(query);
    for (const row of rows) yield { rows: [row] };
  }

  /** The open batch, or a new one holding the write lock, committed after this turn. */
  async #join(): Promise<Batch> {
    if (this.#batch) return this.#batch;
    await this.#begin();
    const batch = newBatch();
    this.#batch = batch;
    setImmediate(() => void this.#commitWhenFree(batch));
    return batch;
  }

  /**
   * `BEGIN IMMEDIATE` takes the write lock now, so a batch never fails halfway on another
   * process's lock; that wait is a timer (the writer's `busy_timeout` is 0), not SQLite's busy
   * loop, which would block this process (and a batch of another connection in the same process
   * could never commit).
   */
  async #begin(): Promise<void> {
    const started = Date.now();
    for (;;) {
      try {
        this.writer.prepare('begin immediate').run();
        return;
      } catch (error) {
        if (!isBusy(error) || Date.now() - started > BUSY_TIMEOUT_MS) throw error;
        await new Promise((resolve) => setTimeout(resolve, BUSY_RETRY_MS));
      }
    }
  }

  async #commitWhenFree(batch: Batch): Promise<void> {
    await this.#lock.acquire();
    try {
      if (this.#batch === batch) this.#commit(batch);
    } finally {
      this.#lock.release();
    }
  }

  #commit(batch: Batch): void {
    try {
      this.writer.prepare('commit').run();
      this.#batch = null;
      this.#log.whenDurable(this.#log.committed()).then(batch.resolve, batch.reject);
      this.checkpointer?.committed();
    } catch (error) {
      this.#fail(batch, error);
    }
  }

  /** Every write of a failed batch fails with it: none of them is in the database. */
  #fail(batch: Batch, error: unknown): void {
    this.#batch = null;
    if (this.writer.inTransaction) this.writer.prepare('rollback').run();
    batch.reject(error);
  }

  #assertTransactionAlive(): void {
    if (this.#transaction !== this.#batch) {
      throw new Error('The SQLite batch holding this transaction failed; nothing was saved.');
    }
  }
}

/** Kysely's SQLite dialect with the group-commit driver; it serialises its own connection. */
export class GroupCommitSqliteDialect implements Dialect {
  /**
   * `writer` in WAL mode with `synchronous = NORMAL` and `busy_timeout = 0`; `reader` on the
   * same file; `wal` syncs its WAL.
   */
  constructor(
    private readonly connections: {
      writer: SQLite.Database;
      reader: SQLite.Database;
      wal: WalSync;
      /** Runs checkpoints elsewhere; without it the writer checkpoints inside its commits. */
      checkpointer?: Checkpoints;
    },
  ) {}

  createDriver(): Driver {
    const { writer, reader, wal, checkpointer } = this.connections;
    return new GroupCommitDriver(writer, reader, wal, checkpointer);
  }

  createQueryCompiler() {
    return new SqliteQueryCompiler();
  }

  createAdapter() {
    return new ParallelSqliteAdapter();
  }

  createIntrospector(db: Kysely<unknown>) {
    return new SqliteIntrospector(db);
  }
}

/**
 * Kysely would hold its own lock until a query's promise resolves, which is after the batch's
 * commit here: no other write could join the batch. The driver's lock is released before that.
 */
class ParallelSqliteAdapter extends SqliteAdapter {
  override get supportsMultipleConnections(): boolean {
    return true;
  }
}
