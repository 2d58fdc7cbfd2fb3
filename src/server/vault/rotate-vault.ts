import type { Kysely } from 'kysely';
import type { Database } from '../store/schema';
import type { Vault } from './vault';

export interface RotationReport {
  /** Cards looked at: every row of `vault_cards` that existed when the run reached its id. */
  scanned: number;
  /** Cards this run moved to the current key (a card another process moved is not counted). */
  rotated: number;
  /** Cards no configured key opens; each is in `failures`. */
  failed: number;
  failures: { id: string; reason: string }[];
  /** Cards not under the current key once the run ended: failures and any newer stragglers. */
  remaining: number;
}

export interface RotationOptions {
  /** Rows read per query. */
  batchSize?: number;
}

/** How often one card is re-read after losing a race before it is reported as failed. */
const MAX_TRIES = 5;

/**
 * Re-encrypts every card not under the vault's current key and recomputes its fingerprint, in
 * batches by id. Each write is conditional on the ciphertext it replaces, so a card written
 * meanwhile (by a server still on the old key list, or another rotation) is read again rather than
 * overwritten. Idempotent, and safe to run from several processes at once. A card that does not
 * decrypt is reported and skipped: one bad row must not hold back the others.
 */
export async function rotateVault(
  db: Kysely<Database>,
  vault: Vault,
  options: RotationOptions = {},
): Promise<RotationReport> {
  const batchSize = options.batchSize ?? 500;
  const report: RotationReport = { scanned: 0, rotated: 0, failed: 0, failures: [], remaining: 0 };
  let after: string | undefined;
  for (;;) {
    let query = db
      .selectFrom('vault_cards')
      .select(['id', 'pan_ciphertext'])
      .orderBy('id')
      .limit(batchSize);
    if (after !== undefined) query = query.where('id', '>', after);
    const batch = await query.execute();
    for (const card of batch) {
      report.scanned += 1;
      const outcome = await rotateCard(db, vault, card.id, card.pan_ciphertext);
      if (outcome === 'rotated') report.rotated += 1;
      else if (outcome !== 'current') {
        report.failed += 1;
        report.failures.push({ id: card.id, reason: outcome.failed });
      }
    }
    const last = batch.at(-1);
    if (!last || batch.length < batchSize) break;
    after = last.id;
  }
  report.remaining = await countNotUnder(db, vault);
  return report;
}

type CardOutcome = 'rotated' | 'current' | { failed: string };

async function rotateCard(
  db: Kysely<Database>,
  vault: Vault,
  id: string,
  sealed: string,
): Promise<CardOutcome> {
  let seen: string | undefined = sealed;
  for (let tries = 0; tries < MAX_TRIES; tries += 1) {
    if (seen === undefined || !vault.needsRotation(seen)) return 'current';
    let rotated;
    try {
      rotated = vault.rotate(seen);
    } catch (error) {
      return { failed: error instanceof Error ? error.message : 'does not decrypt' };
    }
    const result = await db
      .updateTable('vault_cards')
      .set({ pan_ciphertext: rotated.sealed, fingerprint: rotated.fingerprint })
      .where('id', '=', id)
      .where('pan_ciphertext', '=', seen)
      .executeTakeFirst();
    if (result.numUpdatedRows > 0n) return 'rotated';
    // Written since it was read: start again from what is there now (gone counts as done).
    const now = await db
      .selectFrom('vault_cards')
      .select('pan_ciphertext')
      .where('id', '=', id)
      .executeTakeFirst();
    seen = now?.pan_ciphertext;
  }
  return { failed: `changed by another writer on each of ${MAX_TRIES} tries` };
}

/** Cards whose ciphertext does not start with the current key's `v2.<kid>.` prefix. */
async function countNotUnder(db: Kysely<Database>, vault: Vault): Promise<number> {
  const prefix = `v2.${vault.keyIds[0]}.`;
  const { count } = await db
    .selectFrom('vault_cards')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where((eb) =>
      eb(
        eb.fn<string>('substr', ['pan_ciphertext', eb.lit(1), eb.lit(prefix.length)]),
        '<>',
        prefix,
      ),
    )
    .executeTakeFirstOrThrow();
  return Number(count);
}
