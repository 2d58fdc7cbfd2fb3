import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteTestStore, type TestStore } from '../test-support/test-stores';
import { preparedQueries } from './prepared';
// Loads every module of the store, and with them every prepared query of the hot path.
import './kysely-store';

/**
 * The hot path's queries run thousands of times a second (ADR 24); a full scan of a table among
 * them would grow with the data. SQLite plans without statistics here, as a new server does.
 * Inserts are prepared on first use and are not in the list; they read nothing but the events'
 * app row by its key.
 */
describe('query plans of the prepared queries on SQLite', () => {
  let t: TestStore;
  let raw: SQLite.Database;
  beforeAll(async () => {
    t = await sqliteTestStore();
    raw = new SQLite(t.sqliteFile!, { readonly: true });
  });
  afterAll(async () => {
    raw.close();
    await t.dispose();
  });

  const plan = (sql: string): string[] => {
    const statement = raw.prepare(`explain query plan ${sql}`);
    // Kysely's SQLite SQL has a `?` for each parameter and none inside its literals.
    const parameters = new Array<null>(sql.split('?').length - 1).fill(null);
    return (statement.all(...parameters) as { detail: string }[]).map((row) => row.detail);
  };

  it('reads every table through an index, never by a full scan', () => {
    const queries = preparedQueries().map((query) => query.sql(t.store.db));
    expect(queries.length).toBeGreaterThan(15);
    for (const sql of queries) {
      const scans = plan(sql).filter((detail) => /^SCAN (?!CONSTANT ROW)/.test(detail));
      expect(scans, sql).toEqual([]);
    }
  });

  it('counts an invoice’s failed attempts from that invoice’s payments only', () => {
    const count = preparedQueries()
      .map((query) => query.sql(t.store.db))
      .find((sql) => sql.startsWith('select count(*)') && sql.includes('"payments"'));
    expect(count).toBeDefined();
    expect(plan(count!)).toEqual([
      'SEARCH payments USING INDEX payments_invoice_status (invoice_id=? AND status=?)',
    ]);
  });
});
