import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, type Generated } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GroupCommitSqliteDialect } from './group-commit';
import { walFileSync, type WalSync } from './wal-sync';

interface TestDb {
  notes: { id: Generated<number>; text: string };
  /** Its foreign key is checked only at COMMIT: a way to make a whole batch fail there. */
  links: { id: Generated<number>; note_id: number };
}

let dir: string;
let file: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'payframe-group-commit-'));
  file = join(dir, 'test.db');
  const setup = new SQLite(file);
  setup.pragma('journal_mode = WAL');
  setup.exec(`create table notes (id integer primary key, text text not null unique);
    create table links (id integer primary key,
      note_id integer not null references notes (id) deferrable initially deferred);`);
  setup.close();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A WAL sync the test finishes (or fails) when it wants. */
function heldSync() {
  const waiting: { resolve(): void; reject(error: Error): void }[] = [];
  const wal: WalSync = {
    sync: () => new Promise<void>((resolve, reject) => waiting.push({ resolve, reject })),
    close: async () => undefined,
  };
  return {
    wal,
    /** Ends the syncs held now and the ones they lead to (the store's first covers what it found). */
    finish: async () => {
      for (let i = 0; i < 3; i++) {
        waiting.splice(0).forEach((w) => w.resolve());
        await turns();
      }
    },
    fail: (error: Error) => waiting.splice(0).forEach((w) => w.reject(error)),
  };
}

/** Lets the event loop run a few turns: what was going to settle has settled. */
async function turns(n = 5): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
}

/** A store's connections on the test file, counting the COMMITs its writer runs. */
function open(wal: WalSync = walFileSync(file)) {
  const writer = new SQLite(file);
  writer.pragma('synchronous = NORMAL');
  writer.pragma('busy_timeout = 0');
  writer.pragma('foreign_keys = ON');
  const reader = new SQLite(file);
  const counts = { commits: 0 };
  const prepare = writer.prepare.bind(writer);
  writer.prepare = ((sql: string) => {
    if (sql === 'commit') counts.commits++;
    return prepare(sql);
  }) as typeof writer.prepare;
  const db = new Kysely<TestDb>({ dialect: new GroupCommitSqliteDialect({ writer, reader, wal }) });
  return { db, counts };
}

/** Reads the notes; `rows` stays undefined until the store answers. */
function readNotes(db: Kysely<TestDb>) {
  const read: { rows?: string[]; done: Promise<unknown> } = { done: Promise.resolve() };
  read.done = db
    .selectFrom('notes')
    .select('text')
    .execute()
    .then((r) => (read.rows = r.map((x) => x.text)));
  return read;
}

/** What another process would read: committed rows only. */
function committedNotes(): string[] {
  const other = new SQLite(file, { readonly: true });
  const rows = other.prepare('select text from notes order by id').all() as { text: string }[];
  other.close();
  return rows.map((r) => r.text);
}

const insert = (db: Kysely<TestDb>, text: string) =>
  db.insertInto('notes').values({ text }).execute();

describe('SQLite group commit', () => {
  it('commits the writes of one turn together, each answered once it is committed', async () => {
    const { db, counts } = open();
    const seen: string[][] = [];
    await Promise.all(
      ['a', 'b', 'c'].map((text) => insert(db, text).then(() => seen.push(committedNotes()))),
    );
    expect(counts.commits).toBe(1);
    expect(seen).toEqual([
      ['a', 'b', 'c'],
      ['a', 'b', 'c'],
      ['a', 'b', 'c'],
    ]);
    await db.destroy();
  });

  it('rolls back a failing transaction alone; the others of its batch commit', async () => {
    const { db, counts } = open();
    const results = await Promise.allSettled([
      insert(db, 'a'),
      db.transaction().execute(async (tx) => {
        await insert(tx, 'kept only if all of it works');
        await insert(tx, 'a'); // taken by the write before it in the batch
      }),
      db.transaction().execute((tx) => insert(tx, 'b')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(counts.commits).toBe(1);
    expect(committedNotes()).toEqual(['a', 'b']);
    await db.destroy();
  });

  it('reads outside a transaction see committed rows only, without waiting for a commit', async () => {
    const { db } = open();
    await insert(db, 'before');
    const order: string[] = [];
    const write = insert(db, 'pending').then(() => order.push('write'));
    const read = db
      .selectFrom('notes')
      .select('text')
      .execute()
      .then((rows) => {
        order.push('read');
        return rows.map((r) => r.text);
      });
    expect(await read).toEqual(['before']);
    await write;
    expect(order).toEqual(['read', 'write']);
    await db.destroy();
  });

  it('reads inside a transaction see the writes before it in the same batch', async () => {
    const { db } = open();
    const write = insert(db, 'first');
    const seen = db.transaction().execute((tx) => tx.selectFrom('notes').select('text').execute());
    await write;
    expect((await seen).map((r) => r.text)).toEqual(['first']);
    await db.destroy();
  });

  it('fails every write of a batch whose commit fails, and saves none of them', async () => {
    const { db } = open();
    const results = await Promise.allSettled([
      insert(db, 'innocent'),
      db.insertInto('links').values({ note_id: 999 }).execute(),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(committedNotes()).toEqual([]);
    await insert(db, 'next batch');
    expect(committedNotes()).toEqual(['next batch']);
    await db.destroy();
  });

  it('waits for another connection’s write lock without blocking the process', async () => {
    const one = open();
    const two = open();
    await Promise.all([insert(one.db, 'one'), insert(two.db, 'two')]);
    expect(committedNotes().sort()).toEqual(['one', 'two']);
    await one.db.destroy();
    await two.db.destroy();
  });

  it('answers a write only once the WAL sync after its commit has finished', async () => {
    const held = heldSync();
    const { db } = open(held.wal);
    let answered = false;
    const write = insert(db, 'a').then(() => (answered = true));
    await turns();
    expect(committedNotes()).toEqual(['a']);
    expect(answered).toBe(false);
    await held.finish();
    await write;
    expect(answered).toBe(true);
    await db.destroy();
  });

  it('answers a read of what a previous process left only after syncing it', async () => {
    // A predecessor that died between COMMIT and its sync leaves frames the disk may not hold.
    const { db: before } = open();
    await insert(before, 'left behind');
    await before.destroy();
    const held = heldSync();
    const { db } = open(held.wal);
    const read = readNotes(db);
    await turns();
    expect(read.rows).toBeUndefined();
    await held.finish();
    await read.done;
    expect(read.rows).toEqual(['left behind']);
    await db.destroy();
  });

  it('answers a read that could see an unsynced commit only after that sync', async () => {
    const held = heldSync();
    const { db } = open(held.wal);
    const write = insert(db, 'a');
    await turns();
    const read = readNotes(db);
    await turns();
    expect(read.rows).toBeUndefined();
    await held.finish();
    await Promise.all([write, read.done]);
    expect(read.rows).toEqual(['a']);
    await db.destroy();
  });

  it('fails the writes of a failed sync, and every operation after it', async () => {
    const held = heldSync();
    const { db } = open(held.wal);
    const write = insert(db, 'a');
    await turns();
    held.fail(new Error('EIO'));
    await expect(write).rejects.toThrow('EIO');
    await expect(insert(db, 'b')).rejects.toThrow('EIO');
    await expect(db.selectFrom('notes').selectAll().execute()).rejects.toThrow('EIO');
    await db.destroy().catch(() => undefined);
  });
});
