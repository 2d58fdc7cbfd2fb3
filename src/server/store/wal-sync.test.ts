import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DurableLog, walFileSync, type WalSync } from './wal-sync';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'payframe-wal-sync-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('walFileSync', () => {
  it('has nothing to sync before the WAL exists, and syncs it once it does', async () => {
    const file = join(dir, 'test.db');
    const wal = walFileSync(file);
    await expect(wal.sync()).resolves.toBeUndefined();
    const db = new SQLite(file);
    db.pragma('journal_mode = WAL');
    db.exec('create table t (x integer)');
    await expect(wal.sync()).resolves.toBeUndefined();
    await wal.close();
    db.close();
  });
});

describe('DurableLog', () => {
  /** A sync per call that the test ends; counts the syncs started. */
  function counted() {
    const ends: (() => void)[] = [];
    const wal: WalSync = {
      sync: () => new Promise<void>((resolve) => ends.push(resolve)),
      close: async () => undefined,
    };
    return { wal, ends };
  }

  it('covers the commits made during a sync with one more sync', async () => {
    const { wal, ends } = counted();
    const log = new DurableLog(wal);
    const first = log.whenDurable(log.committed());
    const second = log.whenDurable(log.committed());
    const third = log.whenDurable(log.committed());
    expect(ends).toHaveLength(1);
    ends.shift()!();
    await first;
    expect(ends).toHaveLength(1);
    ends.shift()!();
    await Promise.all([second, third]);
    expect(ends).toHaveLength(0);
  });

  it('answers nothing read from a reopened WAL before it has synced it', async () => {
    const { wal, ends } = counted();
    const log = new DurableLog(wal);
    log.recovered();
    let answered = false;
    const read = log.whenDurable(log.latest).then(() => (answered = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(answered).toBe(false);
    expect(ends).toHaveLength(1);
    ends.shift()!();
    await read;
    expect(answered).toBe(true);
  });
});
