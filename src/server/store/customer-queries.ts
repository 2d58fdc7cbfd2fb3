import type { Kysely } from 'kysely';
import type { CustomerRecord, PaymentMethodRecord, SavedCardRecord } from './records';
import type { Database } from './schema';

/** Saved cards joined to the fingerprint of their vaulted number; detached ones left out. */
function savedCards(db: Kysely<Database>, appId: string) {
  return db
    .selectFrom('payment_methods as pm')
    .innerJoin('vault_cards as vc', 'vc.id', 'pm.vault_card_id')
    .selectAll('pm')
    .select('vc.fingerprint')
    .where('pm.app_id', '=', appId)
    .where('pm.detached_at', 'is', null);
}

export async function insertCustomer(db: Kysely<Database>, customer: CustomerRecord) {
  await db.insertInto('customers').values(customer).execute();
}

export function findCustomer(
  db: Kysely<Database>,
  appId: string,
  id: string,
): Promise<CustomerRecord | undefined> {
  return db
    .selectFrom('customers')
    .selectAll()
    .where('id', '=', id)
    .where('app_id', '=', appId)
    .executeTakeFirst();
}

/** A customer's saved cards, newest first. */
export function listSavedCards(
  db: Kysely<Database>,
  appId: string,
  customerId: string,
): Promise<SavedCardRecord[]> {
  return savedCards(db, appId)
    .where('pm.customer_id', '=', customerId)
    .orderBy('pm.created_at', 'desc')
    .orderBy('pm.id', 'desc')
    .execute();
}

export function findSavedCard(
  db: Kysely<Database>,
  appId: string,
  id: string,
): Promise<SavedCardRecord | undefined> {
  return savedCards(db, appId).where('pm.id', '=', id).executeTakeFirst();
}

/** A saved card, detached or not: what a payment made with it refers to. */
export function findPaymentMethod(
  db: Kysely<Database>,
  appId: string,
  id: string,
): Promise<PaymentMethodRecord | undefined> {
  return db
    .selectFrom('payment_methods')
    .selectAll()
    .where('id', '=', id)
    .where('app_id', '=', appId)
    .executeTakeFirst();
}

/**
 * The customer's saved card with the same number, found by its fingerprints under every vault key
 * (a card saved before a key rotation keeps the old key's fingerprint until `vault:rotate` ran),
 * so saving a card twice updates the first instead of listing it twice.
 */
export function findSameSavedCard(
  db: Kysely<Database>,
  appId: string,
  customerId: string,
  fingerprints: readonly string[],
): Promise<PaymentMethodRecord | undefined> {
  return db
    .selectFrom('payment_methods as pm')
    .innerJoin('vault_cards as vc', 'vc.id', 'pm.vault_card_id')
    .selectAll('pm')
    .where('pm.app_id', '=', appId)
    .where('pm.customer_id', '=', customerId)
    .where('pm.detached_at', 'is', null)
    .where('vc.fingerprint', 'in', [...fingerprints])
    .orderBy('pm.created_at')
    .executeTakeFirst();
}

/** Detaches a saved card: it is no longer offered or chargeable; payments keep their record. */
export async function detachPaymentMethod(
  db: Kysely<Database>,
  appId: string,
  customerId: string,
  id: string,
  now: number,
): Promise<boolean> {
  const detached = await db
    .updateTable('payment_methods')
    .set({ detached_at: now })
    .where('id', '=', id)
    .where('app_id', '=', appId)
    .where('customer_id', '=', customerId)
    .where('detached_at', 'is', null)
    .executeTakeFirst();
  return detached.numUpdatedRows === 1n;
}

/** Saves the card a successful payment was made with, inside that payment's completion. */
export async function savePaymentMethod(
  tx: Kysely<Database>,
  saved: { record: PaymentMethodRecord; existing: boolean },
): Promise<void> {
  const { record } = saved;
  if (!saved.existing) {
    await tx.insertInto('payment_methods').values(record).execute();
    return;
  }
  // The same card again: the newest vaulting and expiry replace the old ones. Saved again with
  // fresh consent, it is listed again even if it was detached since the payment looked it up.
  await tx
    .updateTable('payment_methods')
    .set({
      vault_card_id: record.vault_card_id,
      exp_month: record.exp_month,
      exp_year: record.exp_year,
      detached_at: null,
    })
    .where('id', '=', record.id)
    .execute();
}
