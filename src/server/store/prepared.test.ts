import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  postgresAvailable,
  postgresTestStore,
  sqliteTestStore,
  type TestStore,
} from '../test-support/test-stores';
import { appRecord } from '../test-support/app-record';
import { insertEvents } from './outbox';
import { prepared, PreparedInsert } from './prepared';
import type { CustomerRecord } from './records';

const customer = (id: string, email: string | null): CustomerRecord => ({
  id,
  app_id: 'app_prepared',
  email,
  name: null,
  metadata: '{}',
  created_at: 1_700_000_000_000,
});

const byEmail = prepared<{ appId: string; email: string }, CustomerRecord>((db, param) =>
  db
    .selectFrom('customers')
    .selectAll()
    .where('app_id', '=', param('appId'))
    .where('email', '=', param('email'))
    .orderBy('id'),
);

const rename = prepared<{ id: string; name: string }, never>((db, param) =>
  db
    .updateTable('customers')
    .set({ name: param('name') })
    .where('id', '=', param('id')),
);

const insertCustomer = new PreparedInsert('customers');

function describePrepared(name: string, open: () => Promise<TestStore>) {
  describe(`prepared queries: ${name}`, () => {
    let t: TestStore;
    beforeAll(async () => {
      t = await open();
      await t.store.insertApp(appRecord({ id: 'app_prepared' }));
    });
    afterAll(() => t.dispose());

    it('binds each run’s own values to the same compiled query', async () => {
      const db = t.store.db;
      await insertCustomer.execute(db, customer('cus_a', 'a@example.com'));
      await insertCustomer.execute(db, customer('cus_b', 'b@example.com'));
      await insertCustomer.execute(db, customer('cus_c', 'a@example.com'));
      const a = await byEmail.rows(db, { appId: 'app_prepared', email: 'a@example.com' });
      expect(a.map((row) => row.id)).toEqual(['cus_a', 'cus_c']);
      const b = await byEmail.first(db, { appId: 'app_prepared', email: 'b@example.com' });
      expect(b).toEqual(customer('cus_b', 'b@example.com'));
      expect(await byEmail.first(db, { appId: 'app_other', email: 'b@example.com' })).toBe(
        undefined,
      );
    });

    it('counts the rows a write changed, inside a transaction too', async () => {
      const db = t.store.db;
      expect(await rename.changes(db, { id: 'cus_a', name: 'Ada' })).toBe(1n);
      expect(await rename.changes(db, { id: 'cus_missing', name: 'Nobody' })).toBe(0n);
      await db.transaction().execute(async (tx) => {
        expect(await rename.changes(tx, { id: 'cus_b', name: 'Bea' })).toBe(1n);
      });
      const names = await byEmail.rows(db, { appId: 'app_prepared', email: 'b@example.com' });
      expect(names[0]?.name).toBe('Bea');
    });

    it('refuses a missing parameter instead of binding it as anything', async () => {
      const db = t.store.db;
      await expect(
        byEmail.rows(db, { appId: 'app_prepared' } as { appId: string; email: string }),
      ).rejects.toThrow('Query parameter "email" is missing.');
    });

    it('refuses plugins, and a parameter its SQL does not bind', async () => {
      const db = t.store.db;
      const plain = prepared<{ id: string }, CustomerRecord>((builder, param) =>
        builder.selectFrom('customers').selectAll().where('id', '=', param('id')),
      );
      await expect(plain.rows(db.withSchema('elsewhere'), { id: 'cus_a' })).rejects.toThrow(
        'A prepared query cannot run with plugins.',
      );
      // A parameter asked for but left out of the SQL would silently never reach the database.
      const forgotten = prepared<{ id: string }, CustomerRecord>((builder, param) => {
        param('id');
        return builder.selectFrom('customers').selectAll();
      });
      await expect(forgotten.rows(db, { id: 'cus_a' })).rejects.toThrow(
        'Query parameter "id" is not a bound parameter of its SQL.',
      );
    });

    it('inserts a row with an undefined column as Kysely does: the column’s default', async () => {
      const db = t.store.db;
      const row = { ...customer('cus_d', null), name: undefined } as unknown as CustomerRecord;
      await insertCustomer.execute(db, row);
      const stored = await db
        .selectFrom('customers')
        .selectAll()
        .where('id', '=', 'cus_d')
        .executeTakeFirstOrThrow();
      expect(stored).toEqual(customer('cus_d', null));
    });

    it('writes events through the prepared outbox inserts and past their largest one', async () => {
      const db = t.store.db;
      const event = (id: string) => ({
        id,
        app_id: 'app_prepared',
        type: 'invoice.paid',
        data: `{"id":"${id}"}`,
        created_at: 5,
      });
      await insertEvents(db, [event('evt_1'), event('evt_2')]);
      await insertEvents(db, ['evt_3', 'evt_4', 'evt_5', 'evt_6', 'evt_7'].map(event));
      const stored = await t.store.listEvents('app_prepared');
      expect(stored.map((e) => [e.id, e.data, e.delivery])).toEqual(
        [1, 2, 3, 4, 5, 6, 7].map((n) => [`evt_${n}`, `{"id":"evt_${n}"}`, 'skipped']),
      );
    });

    it('rolls a prepared write back with its transaction', async () => {
      const db = t.store.db;
      await expect(
        db.transaction().execute(async (tx) => {
          await insertCustomer.execute(tx, customer('cus_e', 'e@example.com'));
          throw new Error('undo');
        }),
      ).rejects.toThrow('undo');
      expect(await byEmail.first(db, { appId: 'app_prepared', email: 'e@example.com' })).toBe(
        undefined,
      );
    });
  });
}

describePrepared('SQLite', sqliteTestStore);
// Outside CI a machine without PostgreSQL skips these; in CI postgresAvailable() throws instead.
if (await postgresAvailable()) describePrepared('PostgreSQL', postgresTestStore);
