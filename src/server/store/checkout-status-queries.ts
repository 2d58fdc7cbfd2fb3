import type { Kysely } from 'kysely';
import type { CheckoutStatusRecord } from './records';
import type { Database } from './schema';

/** The checkout status streams' query, kept apart from the payment queries. */

/** Tokens read per query. */
const BATCH = 256;

/**
 * The status of many checkouts in one query per batch: each invoice with the attempt that holds
 * it (or the shopper's latest) and its failed attempts. A process polls every open stream's
 * checkout this way each second, so the read is one statement whatever the number of streams.
 */
export async function listCheckoutStatuses(
  db: Kysely<Database>,
  tokens: readonly string[],
): Promise<CheckoutStatusRecord[]> {
  const records: CheckoutStatusRecord[] = [];
  for (let start = 0; start < tokens.length; start += BATCH) {
    records.push(...(await readBatch(db, padded(tokens.slice(start, start + BATCH)))));
  }
  return records;
}

/**
 * The list repeated up to a power of two: an `IN` list of another length is another statement
 * text, and the SQLite statement cache would otherwise prepare one for nearly every poll.
 */
function padded(tokens: string[]): string[] {
  let size = 1;
  while (size < tokens.length) size *= 2;
  return Array.from({ length: size }, (_, i) => tokens[Math.min(i, tokens.length - 1)] ?? '');
}

async function readBatch(db: Kysely<Database>, tokens: string[]): Promise<CheckoutStatusRecord[]> {
  if (tokens.length === 0) return [];
  const rows = await db
    .selectFrom('invoices')
    .leftJoin('payments as attempt', (join) =>
      join.on((eb) =>
        eb(
          'attempt.id',
          '=',
          eb.fn.coalesce(
            'invoices.processing_payment_id',
            eb
              .selectFrom('payments as latest')
              .select('latest.id')
              .whereRef('latest.invoice_id', '=', 'invoices.id')
              // The merchant's own charges (MIT) are no part of the shopper's checkout.
              .where('latest.initiator', '=', 'customer')
              .orderBy('latest.created_at', 'desc')
              .orderBy('latest.id', 'desc')
              .limit(1),
          ),
        ),
      ),
    )
    .select((eb) => [
      'invoices.id',
      'invoices.app_id',
      'invoices.status',
      'invoices.checkout_token',
      'invoices.checkout_expires_at',
      'invoices.processing_payment_id',
      'invoices.paid_payment_id',
      'attempt.id as attempt_id',
      'attempt.status as attempt_status',
      'attempt.error_code as attempt_error_code',
      // Counted as `countFailedPayments` counts them (the store contract holds the two equal).
      eb
        .selectFrom('payments as failed')
        .select((f) => f.fn.countAll<number | string>().as('n'))
        .whereRef('failed.invoice_id', '=', 'invoices.id')
        .where('failed.status', '=', 'failed')
        .where('failed.initiator', '=', 'customer')
        .where((f) =>
          f.or([
            f('failed.error_code', 'is', null),
            f('failed.error_code', '!=', 'order_check_failed'),
          ]),
        )
        .as('failed_attempts'),
    ])
    .where('invoices.checkout_token', 'in', tokens)
    .execute();
  return rows.map((row) => ({
    invoice: {
      id: row.id,
      app_id: row.app_id,
      status: row.status,
      checkout_token: row.checkout_token,
      checkout_expires_at: row.checkout_expires_at,
      processing_payment_id: row.processing_payment_id,
      paid_payment_id: row.paid_payment_id,
    },
    attempt:
      row.attempt_id === null || row.attempt_status === null
        ? null
        : { id: row.attempt_id, status: row.attempt_status, error_code: row.attempt_error_code },
    failedAttempts: Number(row.failed_attempts ?? 0),
  }));
}
