import { once } from 'node:events';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Checkpointer } from './checkpointer';
import { openSqliteStore } from './open-store';

let dir: string;
let file: string;
let writer: SQLite.Database;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'payframe-checkpoint-'));
  file = join(dir, 'test.db');
  writer = new SQLite(file);
  writer.pragma('journal_mode = WAL');
  writer.exec('create table notes (id integer primary key, text text not null)');
});
afterEach(() => {
  vi.restoreAllMocks();
  writer.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Commits `n` transactions of 100 rows of 1 KB each, telling the checkpointer of each. */
function commit(checkpointer: Checkpointer, n: number): void {
  const insert = writer.prepare('insert into notes (text) values (?)');
  for (let i = 0; i < n; i++) {
    writer.transaction(() => {
      for (let row = 0; row < 100; row++) insert.run('x'.repeat(1024));
    })();
    checkpointer.committed();
  }
}

/** The worker threads the checkpointer starts, as it first posts to each. */
function watchWorkers(): Worker[] {
  const workers: Worker[] = [];
  const post = Worker.prototype.postMessage;
  vi.spyOn(Worker.prototype, 'postMessage').mockImplementation(function (
    this: Worker,
    ...args: Parameters<Worker['postMessage']>
  ) {
    if (!workers.includes(this)) workers.push(this);
    post.apply(this, args);
  });
  return workers;
}

/** `promise`'s value, or 'still waiting' if it has not settled within a second. */
function withinASecond<T>(promise: Promise<T>): Promise<T | 'still waiting'> {
  return Promise.race([
    promise,
    new Promise<'still waiting'>((resolve) => setTimeout(() => resolve('still waiting'), 1000)),
  ]);
}

describe('Checkpointer', () => {
  it('turns the writer’s own checkpoints off and copies the WAL into the database from a worker', async () => {
    const checkpointer = new Checkpointer(file, writer, 3);
    expect(writer.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    const before = statSync(file).size;
    commit(checkpointer, 2);
    await checkpointer.idle();
    expect(statSync(file).size).toBe(before);
    commit(checkpointer, 1);
    await checkpointer.idle();
    expect(statSync(file).size).toBeGreaterThan(before + 300 * 1024);
    await checkpointer.close();
  });

  it('checkpoints on the writer after a pass of the worker, so the next write starts the WAL over', async () => {
    const checkpointer = new Checkpointer(file, writer, 3);
    // A reader's snapshot keeps the worker's pass from the third commit, as if it came during it.
    const reader = new SQLite(file);
    commit(checkpointer, 2);
    reader.exec('begin');
    reader.prepare('select count(*) from notes').get();
    commit(checkpointer, 1);
    await checkpointer.idle();
    reader.exec('commit');
    reader.close();
    // The first commit after the pass is appended, then copied into the database by the writer.
    commit(checkpointer, 1);
    const wal = statSync(`${file}-wal`).size;
    // The next ones write the WAL from its start again instead of growing it.
    commit(checkpointer, 2);
    expect(statSync(`${file}-wal`).size).toBe(wal);
    await checkpointer.close();
  });

  it('keeps the WAL bounded under sustained concurrent writes through the store', async () => {
    const store = openSqliteStore(join(dir, 'store.db'));
    await sql`create table pads (id integer primary key, pad text not null)`.execute(store.db);
    const pad = 'x'.repeat(1000);
    const writes = 32_000;
    let written = 0;
    let largestWal = 0;
    const writeUntilDone = async () => {
      while (written < writes) {
        written++;
        await sql`insert into pads (pad) values (${pad})`.execute(store.db);
        if (written % 500 === 0) {
          largestWal = Math.max(largestWal, statSync(join(dir, 'store.db-wal')).size);
        }
      }
    };
    await Promise.all(Array.from({ length: 32 }, writeUntilDone));
    const database = statSync(join(dir, 'store.db')).size;
    await store.close();
    console.log(`${writes} writes of 1 KB: largest WAL ${largestWal} bytes, database ${database}`);
    // 32 MB written; the database holds most of it. Without the writer's catch-up after each pass
    // of the worker, the WAL held every write (over 40 MB); with it, a few MB at most.
    expect(database).toBeGreaterThan(24 * 1024 * 1024);
    expect(largestWal).toBeLessThan(8 * 1024 * 1024);
  }, 60_000);

  it('gives the checkpoints back to the writer when the worker fails', async () => {
    const checkpointer = new Checkpointer(join(dir, 'missing', 'test.db'), writer, 1);
    commit(checkpointer, 1);
    await checkpointer.idle();
    expect(writer.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    await checkpointer.close();
  });

  it('stops a worker that reports a failed checkpoint, and its connection with it', async () => {
    const workers = watchWorkers();
    const notADatabase = join(dir, 'not-a-database.db');
    writeFileSync(notADatabase, 'x'.repeat(4096));
    const checkpointer = new Checkpointer(notADatabase, writer, 1);
    commit(checkpointer, 1);
    expect(workers).toHaveLength(1);
    const exited = once(workers[0]!, 'exit');
    await checkpointer.idle();
    expect(writer.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    expect(await withinASecond(exited)).not.toBe('still waiting');
    await checkpointer.close();
  });

  it('gives the checkpoints back to the writer when the worker exits unasked', async () => {
    const workers = watchWorkers();
    const checkpointer = new Checkpointer(file, writer, 1);
    // The worker ends instead of checkpointing: no error, no answer, only an exit.
    vi.mocked(Worker.prototype.postMessage).mockImplementationOnce(function (this: Worker) {
      vi.mocked(Worker.prototype.postMessage).getMockImplementation()!.call(this, 'close');
    });
    commit(checkpointer, 1);
    await once(workers[0]!, 'exit');
    expect(await withinASecond(checkpointer.idle())).not.toBe('still waiting');
    expect(writer.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    await checkpointer.close();
  });

  it('lets several callers wait for the checkpoint to end', async () => {
    const checkpointer = new Checkpointer(file, writer, 1);
    commit(checkpointer, 1);
    const waits = Promise.all([checkpointer.idle(), checkpointer.idle(), checkpointer.idle()]);
    expect(await withinASecond(waits)).not.toBe('still waiting');
    await checkpointer.close();
  });
});
