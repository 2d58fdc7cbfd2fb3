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
import { prepared, PreparedInsert } from './prepared';
import type { Database } from './schema';

/** The statements of capture, void, refund and validate, built once (ADR 24). */
const transactionsOfPayment = prepared<{ paymentId: string }, TransactionRecord>((db, param) =>
  db
    .selectFrom('transactions')
    .selectAll()
    .where('payment_id', '=', param('paymentId'))
    .orderBy('created_at')
    .orderBy('id'),
);

const paymentWithOrder = prepared<
  { appId: string; id: string },
  PaymentRecord & { invoice_order_id: string | null }
>((db, param) =>
  db
    .selectFrom('payments')
    .leftJoin('invoices', 'invoices.id', 'payments.invoice_id')
    .selectAll('payments')
    .select('invoices.order_id as invoice_order_id')
    .where('payments.id', '=', param('id'))
    .where('payments.app_id', '=', param('appId')),
);

const orderIdOf = prepared<{ invoiceId: string }, { order_id: string }>((db, param) =>
  db.selectFrom('invoices').select('order_id').where('id', '=', param('invoiceId')),
);

/** Takes the payment's row lock on PostgreSQL and reads it. */
const touchPayment = prepared<{ appId: string; id: string; now: number }, PaymentRecord>(
  (db, param) =>
    db
      .updateTable('payments')
      .set({ updated_at: param('now') })
      .where('id', '=', param('id'))
      .where('app_id', '=', param('appId'))
      .returningAll(),
);

const setPaymentStatus = prepared<{ id: string; status: string }, never>((db, param) =>
  db
    .updateTable('payments')
    .set({ status: param('status') })
    .where('id', '=', param('id')),
);

const insertTransaction = new PreparedInsert('transactions');

/** A payment's transactions in the order they happened, inside or outside a DB transaction. */
export function transactionsOf(
  db: Kysely<Database>,
  paymentId: string,
): Promise<TransactionRecord[]> {
  return transactionsOfPayment.rows(db, { paymentId });
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
    const row = await paymentWithOrder.first(conn, { appId, id });
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
  const invoice = await orderIdOf.first(db, { invoiceId: payment.invoice_id });
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
    const payment = await touchPayment.first(tx, { appId, id: paymentId, now });
    if (!payment) return undefined;
    const current = await detailsOf(tx, payment);
    const change = decide(current);
    await setPaymentStatus.execute(tx, { id: paymentId, status: change.status });
    if (change.transaction) await insertTransaction.execute(tx, change.transaction);
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
