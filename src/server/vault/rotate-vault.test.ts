import type { KyselyPlugin } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../protocol/ids';
import { appRecord } from '../test-support/app-record';
import { storesUnderTest, type TestStore } from '../test-support/test-stores';
import { rotateVault } from './rotate-vault';
import { V1_FIXTURE } from './v1-fixture';
import { createVault, generateVaultKey, type Vault } from './vault';

const stores = await storesUnderTest();

const PANS = [
  '4242424242424242',
  '5555555555554444',
  '4000000000003220',
  '378282246310005',
  '4000000000000002',
  '6011111111111117',
];

describe.each(stores)('vault rotation on %s', (_name, open) => {
  let t: TestStore;
  const appId = newId('app');
  const now = 1_700_000_000_000;
  const oldKey = V1_FIXTURE.key;
  const newKey = generateVaultKey();
  const before = createVault(oldKey);
  const during = createVault([newKey, oldKey]);
  const after = createVault(newKey);

  beforeEach(async () => {
    t = await open();
    await t.store.insertApp(appRecord({ id: appId, created_at: now }));
  });
  afterEach(() => t.dispose());

  /** Inserts a card as a server with `vault` would have; returns its id. */
  const insertCard = async (pan: string, sealed: string, fingerprint: string) => {
    const id = newId('vc');
    await t.store.db
      .insertInto('vault_cards')
      .values({
        id,
        app_id: appId,
        fingerprint,
        brand: 'visa',
        last4: pan.slice(-4),
        exp_month: 12,
        exp_year: 2040,
        pan_ciphertext: sealed,
        created_at: now,
      })
      .execute();
    return id;
  };
  const insertUnder = (vault: Vault, pan: string) =>
    insertCard(pan, vault.encrypt(pan), vault.fingerprint(pan));
  /** Six cards under the old key and the legacy v1 card: id → card number. */
  const insertOldCards = async () => {
    const cards = new Map<string, string>();
    for (const pan of PANS) cards.set(await insertUnder(before, pan), pan);
    const legacy = await insertCard(V1_FIXTURE.pan, V1_FIXTURE.sealed, V1_FIXTURE.fingerprint);
    cards.set(legacy, V1_FIXTURE.pan);
    return cards;
  };
  const rows = () =>
    t.store.db.selectFrom('vault_cards').select(['id', 'pan_ciphertext', 'fingerprint']).execute();
  const expectAllUnderNewKey = async (cards: Map<string, string>) => {
    const stored = await rows();
    expect(stored).toHaveLength(cards.size);
    for (const row of stored) {
      const pan = cards.get(row.id) as string;
      expect(row.pan_ciphertext.split('.').slice(0, 2)).toEqual(['v2', after.keyIds[0]]);
      // Only the new key is needed from here on: the old one can be dropped.
      expect(after.decrypt(row.pan_ciphertext)).toBe(pan);
      expect(row.fingerprint).toBe(after.fingerprint(pan));
      expect(row.fingerprint).not.toBe(before.fingerprint(pan));
    }
  };

  it('moves every card to the new key with the same number and a new-key fingerprint', async () => {
    const cards = await insertOldCards();
    const alreadyNew = await insertUnder(during, '4111111111111111');
    cards.set(alreadyNew, '4111111111111111');
    const [untouched] = await t.store.db
      .selectFrom('vault_cards')
      .select('pan_ciphertext')
      .where('id', '=', alreadyNew)
      .execute();

    const report = await rotateVault(t.store.db, during, { batchSize: 3 });

    expect(report).toEqual({ scanned: 8, rotated: 7, failed: 0, failures: [], remaining: 0 });
    await expectAllUnderNewKey(cards);
    const [now] = await t.store.db
      .selectFrom('vault_cards')
      .select('pan_ciphertext')
      .where('id', '=', alreadyNew)
      .execute();
    expect(now).toEqual(untouched);
  });

  it('finds nothing to do on a second run', async () => {
    const cards = await insertOldCards();
    await rotateVault(t.store.db, during, { batchSize: 4 });
    const second = await rotateVault(t.store.db, during, { batchSize: 4 });
    expect(second).toEqual({ scanned: 7, rotated: 0, failed: 0, failures: [], remaining: 0 });
    await expectAllUnderNewKey(cards);
  });

  it('reports a card no key opens by id and rotates the others', async () => {
    const cards = await insertOldCards();
    const foreign = await insertUnder(createVault(generateVaultKey()), '4242424242424242');
    const sealed = before.encrypt('5555555555554444').split('.');
    sealed[3] = Buffer.from('not the card, not the tag').toString('base64url');
    const tampered = await insertCard('5555555555554444', sealed.join('.'), 'fp');

    const report = await rotateVault(t.store.db, during, { batchSize: 2 });

    expect(report).toMatchObject({ scanned: 9, rotated: 7, failed: 2, remaining: 2 });
    expect(report.failures).toEqual(
      expect.arrayContaining([
        {
          id: foreign,
          reason: expect.stringMatching(/^vault key \S{8} is not in PAYFRAME_VAULT_KEY$/),
        },
        { id: tampered, reason: expect.stringContaining('altered or corrupt') },
      ]),
    );
    await t.store.db.deleteFrom('vault_cards').where('id', 'in', [foreign, tampered]).execute();
    await expectAllUnderNewKey(cards);
  });

  it('rotates each card once when two processes run at the same time', async () => {
    const cards = await insertOldCards();
    const other = t.reopen();
    try {
      const reports = await Promise.all([
        rotateVault(t.store.db, during, { batchSize: 2 }),
        rotateVault(other.db, during, { batchSize: 2 }),
      ]);
      expect(reports.map((r) => r.failed)).toEqual([0, 0]);
      expect(reports[0].rotated + reports[1].rotated).toBe(cards.size);
    } finally {
      await other.close();
    }
    await expectAllUnderNewKey(cards);
  });

  it('reads a card written meanwhile again instead of overwriting it', async () => {
    const cards = await insertOldCards();
    const [target] = cards.keys();
    // A server not yet restarted with the new key list replaces the card just after the batch is read.
    let written = false;
    const writer: KyselyPlugin = {
      transformQuery: ({ node }) => node,
      transformResult: async ({ result }) => {
        if (!written && result.rows.some((row) => 'pan_ciphertext' in (row as object))) {
          written = true;
          await t.store.db
            .updateTable('vault_cards')
            .set({
              pan_ciphertext: before.encrypt('4111111111111111'),
              fingerprint: before.fingerprint('4111111111111111'),
            })
            .where('id', '=', target as string)
            .execute();
        }
        return result;
      },
    };

    const report = await rotateVault(t.store.db.withPlugin(writer), during);

    expect(written).toBe(true);
    expect(report).toMatchObject({ scanned: 7, rotated: 7, failed: 0, remaining: 0 });
    cards.set(target as string, '4111111111111111');
    await expectAllUnderNewKey(cards);
  });
});
