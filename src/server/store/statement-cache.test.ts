import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cacheStatements } from './open-store';

describe('prepared statement cache on the SQLite connection', () => {
  it('hands back the same statement for the same SQL, with each run’s own parameters', () => {
    const db = new SQLite(':memory:');
    cacheStatements(db);
    db.prepare('create table t (id integer primary key, name text)').run();
    const insert = db.prepare('insert into t (name) values (?)');
    expect(db.prepare('insert into t (name) values (?)')).toBe(insert);
    db.prepare('insert into t (name) values (?)').run('a');
    db.prepare('insert into t (name) values (?)').run('b');
    const select = 'select name from t where id = ?';
    expect(db.prepare(select).get(1)).toEqual({ name: 'a' });
    expect(db.prepare(select).get(2)).toEqual({ name: 'b' });
    db.close();
  });

  it('forgets the least recently used SQL past its limit', () => {
    const db = new SQLite(':memory:');
    cacheStatements(db, 2);
    const one = db.prepare('select 1');
    const two = db.prepare('select 2');
    expect(db.prepare('select 1')).toBe(one); // now the most recent
    db.prepare('select 3'); // evicts `select 2`
    expect(db.prepare('select 1')).toBe(one);
    expect(db.prepare('select 2')).not.toBe(two);
    db.close();
  });

  it('keeps working after the schema changes under a cached statement', () => {
    const db = new SQLite(':memory:');
    cacheStatements(db);
    db.prepare('create table t (a integer)').run();
    db.prepare('insert into t values (1)').run();
    expect(db.prepare('select * from t').all()).toEqual([{ a: 1 }]);
    db.prepare('alter table t add column b text').run();
    expect(db.prepare('select * from t').all()).toEqual([{ a: 1, b: null }]);
    db.close();
  });
});
