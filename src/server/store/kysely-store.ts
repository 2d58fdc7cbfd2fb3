import { sql, type Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import { PayframeError } from '../domain/payframe-error';
import { AppCache } from './app-cache';
import { insertEvents } from './outbox';
import { prepared, PreparedInsert } from './prepared';
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  releaseIdempotencyKey,
} from './idempotency-queries';
import * as initial from './migrations/001-initial';
import * as idempotency from './migrations/002-idempotency';
import * as sweepIndexes from './migrations/003-sweep-indexes';
import * as authentications from './migrations/004-authentications';
import * as transactionStatus from './migrations/005-transaction-status';
import * as webhookMigration from './migrations/006-webhooks';
import * as orderCheck from './migrations/007-order-check';
import * as payForm from './migrations/008-pay-form';
import * as customersMigration from './migrations/009-customers';
import * as skipEventsMigration from './migrations/010-skip-events-without-endpoint';
import * as paymentsByInvoiceMigration from './migrations/011-payments-by-invoice-and-status';
import * as auth from './authentication-queries';
import { listCheckoutStatuses } from './checkout-status-queries';
import * as customers from './customer-queries';
import * as payments from './payment-queries';
import {
  expireInvoice,
  listLapsedAuthorizations,
  listLapsedInvoices,
  listSandboxDisputes,
  listStalePendingTransactions,
  listStuckProcessing,
} from './sweep-queries';
import * as webhooks from './webhook-queries';
import type {
  AppRecord,
  AuthenticationOutcome,
  AuthenticationRecord,
  CheckoutStatusRecord,
  CustomerRecord,
  EventRecord,
  IdempotencyClaim,
  IdempotencyRecord,
  InvoiceRecord,
  KeyClaim,
  NewEvent,
  PaymentChange,
  PaymentCompletion,
  PaymentMethodRecord,
  PaymentRecord,
  PaymentDetails,
  SavedCardRecord,
  StartPaymentResult,
  StoredAnswer,
  Store,
  TransactionRecord,
  VaultCardRecord,
  WebhookAttemptRecord,
} from './records';
import type { Database } from './schema';

type Dialect = Store['dialect'];

/** Failed attempts of an invoice that count toward its checkout's lock (card testing). */
const failedPayments = prepared<{ invoiceId: string }, { n: number | string }>((db, param) =>
  db
    .selectFrom('payments')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('invoice_id', '=', param('invoiceId'))
    .where('status', '=', 'failed')
    // Card testing is the shopper's side: the merchant's own charges of a saved card (MIT) do
    // not lock the checkout, nor can a checkout's failures block the merchant's charges.
    .where('initiator', '=', 'customer')
    // The merchant's own veto is no sign of card testing; it must not lock the invoice.
    .where((eb) =>
      eb.or([eb('error_code', 'is', null), eb('error_code', '!=', 'order_check_failed')]),
    ),
);

async function countFailedPayments(db: Kysely<Database>, invoiceId: string): Promise<number> {
  const row = await failedPayments.first(db, { invoiceId });
  return Number(row?.n ?? 0);
}

/** The statements of the checkout's hot path, built once (ADR 24). */
const insertInvoiceRow = new PreparedInsert('invoices');
const insertVaultCard = new PreparedInsert('vault_cards');
const insertPayment = new PreparedInsert('payments');
const insertTransaction = new PreparedInsert('transactions');
const insertAuthentication = new PreparedInsert('authentications');

const invoiceByToken = prepared<{ token: string }, InvoiceRecord>((db, param) =>
  db.selectFrom('invoices').selectAll().where('checkout_token', '=', param('token')),
);

/** The conditional update that is an attempt's lock on its invoice. */
const claimInvoice = prepared<{ invoiceId: string; paymentId: string; now: number }, never>(
  (db, param) =>
    db
      .updateTable('invoices')
      .set({ processing_payment_id: param('paymentId'), updated_at: param('now') })
      .where('id', '=', param('invoiceId'))
      .where('status', '=', 'open')
      .where('processing_payment_id', 'is', null),
);

type Completion = {
  id: string;
  from: string;
  status: string;
  errorCode: string | null;
  now: number;
};
const completeAttempt = prepared<Completion, never>((db, param) =>
  db
    .updateTable('payments')
    .set({ status: param('status'), error_code: param('errorCode'), updated_at: param('now') })
    .where('id', '=', param('id'))
    .where('status', '=', param('from')),
);
const completeAttemptSavingCard = prepared<Completion & { methodId: string }, never>((db, param) =>
  db
    .updateTable('payments')
    .set({
      status: param('status'),
      error_code: param('errorCode'),
      updated_at: param('now'),
      payment_method_id: param('methodId'),
    })
    .where('id', '=', param('id'))
    .where('status', '=', param('from')),
);

type Release = { invoiceId: string; paymentId: string; now: number };
const releaseInvoice = prepared<Release, never>((db, param) =>
  db
    .updateTable('invoices')
    .set({ processing_payment_id: null, updated_at: param('now') })
    .where('id', '=', param('invoiceId'))
    .where('processing_payment_id', '=', param('paymentId')),
);
const releasePaidInvoice = prepared<Release, never>((db, param) =>
  db
    .updateTable('invoices')
    .set({
      processing_payment_id: null,
      updated_at: param('now'),
      status: 'paid',
      paid_payment_id: param('paymentId'),
    })
    .where('id', '=', param('invoiceId'))
    .where('processing_payment_id', '=', param('paymentId')),
);

class Migrations implements MigrationProvider {
  constructor(private readonly dialect: Dialect) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return {
      '001-initial': { up: (db) => initial.up(db, this.dialect) },
      '002-idempotency': { up: (db) => idempotency.up(db) },
      '003-sweep-indexes': { up: (db) => sweepIndexes.up(db) },
      '004-authentications': { up: (db) => authentications.up(db) },
      '005-transaction-status': { up: (db) => transactionStatus.up(db) },
      '006-webhooks': { up: (db) => webhookMigration.up(db) },
      '007-order-check': { up: (db) => orderCheck.up(db) },
      '008-pay-form': { up: (db) => payForm.up(db) },
      '009-customers': { up: (db) => customersMigration.up(db) },
      '010-skip-events-without-endpoint': { up: (db) => skipEventsMigration.up(db) },
      '011-payments-by-invoice-and-status': { up: (db) => paymentsByInvoiceMigration.up(db) },
    };
  }
}

/** The one store implementation; SQLite and PostgreSQL differ only in the Kysely dialect. */
/** Ends `startPayment`'s transaction, undoing its claim, when the checkout is locked. */
class TooManyAttempts extends Error {}

export class KyselyStore implements Store {
  /** Apps change rarely and are read on every merchant request; every app write here clears it. */
  readonly #apps = new AppCache();

  constructor(
    readonly db: Kysely<Database>,
    readonly dialect: Dialect,
    /**
     * The PostgreSQL schema the tables live in, when not the default. Kysely's migrator looks for
     * its lock table in every schema unless told which: another schema's migration lock on the
     * same database would otherwise be taken for ours.
     */
    private readonly schema?: string,
  ) {}

  async ping(): Promise<void> {
    await sql`select 1`.execute(this.db);
  }

  async migrate(): Promise<void> {
    const { error, results } = await new Migrator({
      db: this.db,
      provider: new Migrations(this.dialect),
      ...(this.schema ? { migrationTableSchema: this.schema } : {}),
    }).migrateToLatest();
    const failed = results?.find((r) => r.status === 'Error');
    if (error || failed) {
      throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
    }
  }

  close(): Promise<void> {
    return this.db.destroy();
  }

  async insertApp(app: AppRecord): Promise<void> {
    await this.#changingApps(() => this.db.insertInto('apps').values(app).execute());
  }

  findApp(id: string): Promise<AppRecord | undefined> {
    return this.#apps.get({ id }, () =>
      this.db.selectFrom('apps').selectAll().where('id', '=', id).executeTakeFirst(),
    );
  }

  findAppBySecretHash(hash: string): Promise<AppRecord | undefined> {
    return this.#apps.get({ secretHash: hash }, () =>
      this.db.selectFrom('apps').selectAll().where('secret_key_hash', '=', hash).executeTakeFirst(),
    );
  }

  /** Runs a write that may change an app; the cached apps are dropped once it is done. */
  async #changingApps<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } finally {
      this.#apps.clear();
    }
  }

  async insertInvoice(invoice: InvoiceRecord, answer?: StoredAnswer): Promise<void> {
    if (!answer) {
      await insertInvoiceRow.execute(this.db, invoice);
      return;
    }
    await this.db.transaction().execute(async (tx) => {
      await insertInvoiceRow.execute(tx, invoice);
      // A retry took the key over while this request was too slow: its invoice is the one kept.
      if (!(await completeIdempotencyKey(tx, invoice.app_id, answer, answer))) {
        throw new PayframeError('idempotency_key_in_use');
      }
    });
  }

  async releaseFormOrder(invoiceId: string, now: number): Promise<boolean> {
    const released = await this.db
      .updateTable('invoices')
      .set({ form_order: null, updated_at: now })
      .where('id', '=', invoiceId)
      .where('paid_payment_id', 'is', null)
      .where('processing_payment_id', 'is', null)
      .where((eb) =>
        eb.or([
          eb('status', 'in', ['canceled', 'expired']),
          eb.and([eb('status', '=', 'open'), eb('checkout_expires_at', '<=', now)]),
        ]),
      )
      .executeTakeFirst();
    return released.numUpdatedRows === 1n;
  }

  async insertFormInvoice(invoice: InvoiceRecord & { form_order: string }): Promise<InvoiceRecord> {
    await this.db
      .insertInto('invoices')
      .values(invoice)
      .onConflict((oc) => oc.columns(['app_id', 'form_order']).doNothing())
      .execute();
    return this.db
      .selectFrom('invoices')
      .selectAll()
      .where('app_id', '=', invoice.app_id)
      .where('form_order', '=', invoice.form_order)
      .executeTakeFirstOrThrow();
  }

  findInvoice(appId: string, id: string): Promise<InvoiceRecord | undefined> {
    return this.db
      .selectFrom('invoices')
      .selectAll()
      .where('id', '=', id)
      .where('app_id', '=', appId)
      .executeTakeFirst();
  }

  findInvoiceByToken(token: string): Promise<InvoiceRecord | undefined> {
    return invoiceByToken.first(this.db, { token });
  }

  cancelInvoice(
    appId: string,
    id: string,
    now: number,
  ): Promise<'canceled' | 'invoice_not_open' | 'payment_in_progress' | 'not_found'> {
    return this.db.transaction().execute(async (tx) => {
      const canceled = await tx
        .updateTable('invoices')
        .set({ status: 'canceled', updated_at: now })
        .where('id', '=', id)
        .where('app_id', '=', appId)
        .where('status', '=', 'open')
        .where('processing_payment_id', 'is', null)
        .executeTakeFirst();
      if (canceled.numUpdatedRows === 1n) return 'canceled';
      const invoice = await tx
        .selectFrom('invoices')
        .select('status')
        .where('id', '=', id)
        .where('app_id', '=', appId)
        .executeTakeFirst();
      if (!invoice) return 'not_found';
      return invoice.status === 'open' ? 'payment_in_progress' : 'invoice_not_open';
    });
  }

  async startPayment(
    card: VaultCardRecord | null,
    payment: PaymentRecord,
    maxFailedAttempts?: number,
  ): Promise<StartPaymentResult> {
    try {
      return await this.db.transaction().execute(async (tx) => {
        // The conditional update is the lock: of two concurrent attempts exactly one claims it.
        const claimed = await claimInvoice.changes(tx, {
          invoiceId: payment.invoice_id,
          paymentId: payment.id,
          now: payment.created_at,
        });
        if (claimed === 0n) {
          const invoice = await tx
            .selectFrom('invoices')
            .select('status')
            .where('id', '=', payment.invoice_id)
            .executeTakeFirst();
          return invoice?.status === 'open' ? 'payment_in_progress' : 'invoice_not_open';
        }
        // Counted after the claim, which holds the invoice's row: the attempt before this one
        // freed the claim in the transaction that recorded its failure, and on PostgreSQL each
        // statement sees what was committed before it began, so the count includes it.
        if (
          maxFailedAttempts !== undefined &&
          (await countFailedPayments(tx, payment.invoice_id)) >= maxFailedAttempts
        ) {
          throw new TooManyAttempts();
        }
        if (card) await insertVaultCard.execute(tx, card);
        await insertPayment.execute(tx, payment);
        return 'started';
      });
    } catch (error) {
      // Thrown to roll the claim back.
      if (error instanceof TooManyAttempts) return 'too_many_attempts';
      throw error;
    }
  }

  completePayment(c: PaymentCompletion): Promise<void> {
    return this.db.transaction().execute(async (tx) => {
      const completion = {
        id: c.paymentId,
        from: c.from,
        status: c.status,
        errorCode: c.errorCode,
        now: c.now,
      };
      const moved = c.paymentMethod
        ? await completeAttemptSavingCard.changes(tx, {
            ...completion,
            methodId: c.paymentMethod.record.id,
          })
        : await completeAttempt.changes(tx, completion);
      if (moved === 0n) {
        throw new PayframeError('illegal_transition', `payment ${c.paymentId} is not ${c.from}`);
      }
      if (c.paymentMethod) await customers.savePaymentMethod(tx, c.paymentMethod);
      if (c.transaction) await insertTransaction.execute(tx, c.transaction);
      if (c.authentication) await insertAuthentication.execute(tx, c.authentication);
      if (c.finishAuthentication) {
        const { id, expect, outcome } = c.finishAuthentication;
        const finished = await tx
          .updateTable('authentications')
          .set({ ...outcome, status: 'done', updated_at: c.now })
          .where('id', '=', id)
          .where('status', '=', expect)
          .executeTakeFirst();
        if (finished.numUpdatedRows === 0n) {
          throw new PayframeError('illegal_transition', `authentication ${id} is not ${expect}`);
        }
      }
      const release = { invoiceId: c.invoiceId, paymentId: c.paymentId, now: c.now };
      const released = await (c.invoicePaid ? releasePaidInvoice : releaseInvoice).changes(
        tx,
        release,
      );
      if (released === 0n) {
        throw new PayframeError(
          'illegal_transition',
          `invoice ${c.invoiceId} is not held by ${c.paymentId}`,
        );
      }
      await insertEvents(tx, c.events);
    });
  }

  requireAction(paymentId: string, authentication: AuthenticationRecord): Promise<void> {
    return auth.requireAction(this.db, paymentId, authentication);
  }

  findAuthentication(id: string): Promise<AuthenticationRecord | undefined> {
    return auth.findAuthentication(this.db, 'id', id);
  }

  findAuthenticationOfPayment(paymentId: string): Promise<AuthenticationRecord | undefined> {
    return auth.findAuthentication(this.db, 'payment_id', paymentId);
  }

  startAuthorizing(id: string, outcome: AuthenticationOutcome, now: number): Promise<boolean> {
    return auth.startAuthorizing(this.db, id, outcome, now);
  }

  listStuckAuthorizing(before: number, limit: number): Promise<AuthenticationRecord[]> {
    return auth.listStuckAuthorizing(this.db, before, limit);
  }

  listLapsedChallenges(now: number, limit: number): Promise<AuthenticationRecord[]> {
    return auth.listLapsedChallenges(this.db, now, limit);
  }

  findPaymentDetails(appId: string, id: string): Promise<PaymentDetails | undefined> {
    return payments.findPaymentDetails(this.db, appId, id);
  }

  findPayment(appId: string, id: string): Promise<PaymentRecord | undefined> {
    return this.db
      .selectFrom('payments')
      .selectAll()
      .where('id', '=', id)
      .where('app_id', '=', appId)
      .executeTakeFirst();
  }

  changePayment(
    appId: string,
    paymentId: string,
    now: number,
    decide: (current: PaymentDetails) => PaymentChange,
  ): Promise<PaymentDetails | undefined> {
    return payments.changePayment(this.db, appId, paymentId, now, decide);
  }

  findVaultCard(appId: string, id: string): Promise<VaultCardRecord | undefined> {
    return this.db
      .selectFrom('vault_cards')
      .selectAll()
      .where('id', '=', id)
      .where('app_id', '=', appId)
      .executeTakeFirst();
  }

  listLapsedInvoices(now: number, limit: number): Promise<{ id: string; app_id: string }[]> {
    return listLapsedInvoices(this.db, now, limit);
  }

  expireInvoice(id: string, now: number, event: NewEvent): Promise<boolean> {
    return expireInvoice(this.db, id, now, event);
  }

  listLapsedAuthorizations(
    authorizedBefore: number,
    limit: number,
  ): Promise<{ id: string; app_id: string }[]> {
    return listLapsedAuthorizations(this.db, authorizedBefore, limit);
  }

  listStalePendingTransactions(
    createdBefore: number,
    limit: number,
  ): Promise<{ id: string; payment_id: string; app_id: string }[]> {
    return listStalePendingTransactions(this.db, createdBefore, limit);
  }

  listStuckProcessing(
    updatedBefore: number,
    limit: number,
  ): Promise<{ id: string; app_id: string }[]> {
    return listStuckProcessing(this.db, updatedBefore, limit);
  }

  listSandboxDisputes(
    referencePrefix: string,
    capturedBefore: number,
    limit: number,
  ): Promise<{ id: string; app_id: string }[]> {
    return listSandboxDisputes(this.db, referencePrefix, capturedBefore, limit);
  }

  listTransactions(paymentId: string): Promise<TransactionRecord[]> {
    return payments.transactionsOf(this.db, paymentId);
  }

  countFailedPayments(invoiceId: string): Promise<number> {
    return countFailedPayments(this.db, invoiceId);
  }

  listCheckoutStatuses(tokens: readonly string[]): Promise<CheckoutStatusRecord[]> {
    return listCheckoutStatuses(this.db, tokens);
  }

  claimIdempotencyKey(
    record: IdempotencyRecord,
    cutoffs: { expiredBefore: number; abandonedBefore: number },
  ): Promise<IdempotencyClaim> {
    return claimIdempotencyKey(this.db, record, cutoffs);
  }

  async completeIdempotencyKey(
    appId: string,
    claim: KeyClaim,
    response: { status: number; body: string },
  ): Promise<void> {
    await completeIdempotencyKey(this.db, appId, claim, response);
  }

  releaseIdempotencyKey(appId: string, claim: KeyClaim): Promise<void> {
    return releaseIdempotencyKey(this.db, appId, claim);
  }

  listEvents(appId: string): Promise<EventRecord[]> {
    return this.db
      .selectFrom('events')
      .selectAll()
      .where('app_id', '=', appId)
      .orderBy('seq')
      .execute();
  }

  insertCustomer(customer: CustomerRecord): Promise<void> {
    return customers.insertCustomer(this.db, customer);
  }

  findCustomer(appId: string, id: string): Promise<CustomerRecord | undefined> {
    return customers.findCustomer(this.db, appId, id);
  }

  listSavedCards(appId: string, customerId: string): Promise<SavedCardRecord[]> {
    return customers.listSavedCards(this.db, appId, customerId);
  }

  findSavedCard(appId: string, id: string): Promise<SavedCardRecord | undefined> {
    return customers.findSavedCard(this.db, appId, id);
  }

  findPaymentMethod(appId: string, id: string): Promise<PaymentMethodRecord | undefined> {
    return customers.findPaymentMethod(this.db, appId, id);
  }

  findSameSavedCard(
    appId: string,
    customerId: string,
    fingerprints: readonly string[],
  ): Promise<PaymentMethodRecord | undefined> {
    return customers.findSameSavedCard(this.db, appId, customerId, fingerprints);
  }

  detachPaymentMethod(
    appId: string,
    customerId: string,
    id: string,
    now: number,
  ): Promise<boolean> {
    return customers.detachPaymentMethod(this.db, appId, customerId, id, now);
  }

  leaseDueEvents(request: webhooks.LeaseRequest): Promise<webhooks.LeasedEvent[]> {
    return webhooks.leaseDueEvents(this.db, this.dialect, request);
  }

  recordAttempt(
    owner: string,
    attempt: Omit<WebhookAttemptRecord, 'attempt'>,
    outcome: webhooks.AttemptOutcome,
  ): Promise<boolean> {
    const record = () => webhooks.recordAttempt(this.db, owner, attempt, outcome);
    // A 410 disables the app's endpoint.
    return outcome.kind === 'gone' ? this.#changingApps(record) : record();
  }

  resendEvent(appId: string, eventId: string, now: number): Promise<EventRecord | undefined> {
    return webhooks.resendEvent(this.db, appId, eventId, now);
  }

  pageEvents(
    appId: string,
    options: { limit: number; before?: string; type?: string },
  ): Promise<EventRecord[]> {
    return webhooks.pageEvents(this.db, appId, options);
  }

  findEvent(appId: string, eventId: string): Promise<EventRecord | undefined> {
    return this.db
      .selectFrom('events')
      .selectAll()
      .where('app_id', '=', appId)
      .where('id', '=', eventId)
      .executeTakeFirst();
  }

  listAttempts(appId: string, eventIds: string[]): Promise<WebhookAttemptRecord[]> {
    return webhooks.listAttempts(this.db, appId, eventIds);
  }

  setWebhookUrl(appId: string, url: string | null): Promise<AppRecord | undefined> {
    return this.#changingApps(() => webhooks.setWebhookUrl(this.db, appId, url));
  }

  rotateWebhookSecret(
    appId: string,
    secret: string,
    previousUntil: number,
  ): Promise<AppRecord | undefined> {
    return this.#changingApps(() =>
      webhooks.rotateWebhookSecret(this.db, appId, secret, previousUntil),
    );
  }

  async setOrderCheckUrl(appId: string, url: string | null): Promise<AppRecord | undefined> {
    return this.#changingApps(() =>
      this.db
        .updateTable('apps')
        .set({ order_check_url: url })
        .where('id', '=', appId)
        .returningAll()
        .executeTakeFirst(),
    );
  }
}
