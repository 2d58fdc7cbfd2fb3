import type { Kysely } from 'kysely';
import { findAuthentication } from './authentication-queries';
import {
  applied,
  type PaymentChange,
  type PaymentDetails,
  type PaymentRecord,
  type TransactionRecord,
} from './records';
import { insertEvents } from './outbox';
import type { Database } from './schema';

/** A payment's transactions in the order they happened, inside or outside a DB transaction. */
export function transactionsOf(
  db: Kysely<Database>,
  paymentId: string,
): Promise<TransactionRecord[]> {
  return db
    .selectFrom('transactions')
    .selectAll()
    .where('payment_id', '=', paymentId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/**
 * Everything the merchant API shows of a payment, in one join and two reads on one connection: on
 * SQLite a read may wait for the sync of the commits it could see (ADR 22), once for all three.
 */
export function findPaymentDetails(
  db: Kysely<Database>,
  appId: string,
  id: string,
): Promise<PaymentDetails | undefined> {
  return db.connection().execute(async (conn) => {
    const row = await conn
      .selectFrom('payments')
      .leftJoin('invoices', 'invoices.id', 'payments.invoice_id')
      .selectAll('payments')
      .select('invoices.order_id as invoice_order_id')
      .where('payments.id', '=', id)
      .where('payments.app_id', '=', appId)
      .executeTakeFirst();
    if (!row) return undefined;
    const { invoice_order_id: orderId, ...payment } = row;
    return {
      payment,
      transactions: await transactionsOf(conn, id),
      orderId: orderId ?? '',
      authentication: await findAuthentication(conn, 'payment_id', id),
    };
  });
}

/** The rest of a payment's details, read with the payment inside a DB transaction. */
async function detailsOf(db: Kysely<Database>, payment: PaymentRecord): Promise<PaymentDetails> {
  const invoice = await db
    .selectFrom('invoices')
    .select('order_id')
    .where('id', '=', payment.invoice_id)
    .executeTakeFirst();
  return {
    payment,
    transactions: await transactionsOf(db, payment.id),
    orderId: invoice?.order_id ?? '',
    authentication: await findAuthentication(db, 'payment_id', payment.id),
  };
}

/** Store.changePayment: decide on the payment under its lock and write the change, in one go. */
export function changePayment(
  db: Kysely<Database>,
  appId: string,
  paymentId: string,
  now: number,
  decide: (current: PaymentDetails) => PaymentChange,
): Promise<PaymentDetails | undefined> {
  return db.transaction().execute(async (tx) => {
    // Writing the row first takes its lock on PostgreSQL (SQLite runs one writer at a time), so
    // the reads below see every operation on this payment that committed before ours.
    const payment = await tx
      .updateTable('payments')
      .set({ updated_at: now })
      .where('id', '=', paymentId)
      .where('app_id', '=', appId)
      .returningAll()
      .executeTakeFirst();
    if (!payment) return undefined;
    const current = await detailsOf(tx, payment);
    const change = decide(current);
    await tx
      .updateTable('payments')
      .set({ status: change.status })
      .where('id', '=', paymentId)
      .execute();
    if (change.transaction)
      await tx.insertInto('transactions').values(change.transaction).execute();
    const { settle } = change;
    if (settle) {
      const { id, ...outcome } = settle;
      const settled = await tx
        .updateTable('transactions')
        .set(outcome)
        .where('id', '=', id)
        .where('payment_id', '=', paymentId)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      if (settled.numUpdatedRows !== 1n) throw new Error(`Transaction ${id} is not pending.`);
    }
    await insertEvents(tx, change.events);
    return {
      ...current,
      payment: { ...payment, status: change.status },
      transactions: applied(current.transactions, change),
    };
  });
}
