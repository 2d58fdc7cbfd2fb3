import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Checkpointer } from './checkpointer';

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

  it('gives the checkpoints back to the writer when the worker fails', async () => {
    const checkpointer = new Checkpointer(join(dir, 'missing', 'test.db'), writer, 1);
    commit(checkpointer, 1);
    await checkpointer.idle();
    expect(writer.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    await checkpointer.close();
  });
});
