import type { Selectable } from 'kysely';
import type {
  AppsTable,
  AuthenticationsTable,
  CustomersTable,
  EventsTable,
  IdempotencyRecordsTable,
  InvoicesTable,
  PaymentMethodsTable,
  PaymentsTable,
  TransactionsTable,
  VaultCardsTable,
  WebhookAttemptsTable,
} from './schema';
import type { AttemptOutcome, LeasedEvent, LeaseRequest } from './webhook-queries';

export type { AttemptOutcome, LeasedEvent, LeaseRequest };

export type AppRecord = Selectable<AppsTable>;
export type InvoiceRecord = Selectable<InvoicesTable>;
export type VaultCardRecord = Selectable<VaultCardsTable>;
export type PaymentRecord = Selectable<PaymentsTable>;
export type CustomerRecord = Selectable<CustomersTable>;
export type PaymentMethodRecord = Selectable<PaymentMethodsTable>;
/** A saved card with the fingerprint of its vaulted number. */
export type SavedCardRecord = PaymentMethodRecord & { fingerprint: string };
export type TransactionRecord = Selectable<TransactionsTable>;
/** An event as a state change writes it; the outbox fills in its delivery columns. */
export type NewEvent = Pick<EventRecord, 'id' | 'app_id' | 'type' | 'data' | 'created_at'>;
export type EventRecord = Selectable<EventsTable>;
export type WebhookAttemptRecord = Selectable<WebhookAttemptsTable>;
export type IdempotencyRecord = Selectable<IdempotencyRecordsTable>;
export type AuthenticationRecord = Selectable<AuthenticationsTable>;
/** How an authentication ended: written with the payment's completion. */
export type AuthenticationOutcome = Pick<
  AuthenticationRecord,
  'trans_status' | 'eci' | 'liability_shift' | 'failure_reason'
>;

/**
 * A request's hold on an Idempotency-Key: the key and its record's `created_at` when this request
 * claimed it. A request whose key was taken over meanwhile (abandoned after a minute) no longer
 * matches, so it can neither answer nor free the new holder's record.
 */
export interface KeyClaim {
  key: string;
  claimedAt: number;
}

/** The answer to a request with an Idempotency-Key, replayed to its retries. */
export interface StoredAnswer extends KeyClaim {
  status: number;
  body: string;
}

/** Either this request now holds the key, or the record that already holds it. */
export type IdempotencyClaim = { claimed: true } | { claimed: false; existing: IdempotencyRecord };

/**
 * Why an attempt could not start: the invoice is not open, another attempt holds it, or it has
 * had as many failed attempts as allowed.
 */
export type StartPaymentResult =
  'started' | 'invoice_not_open' | 'payment_in_progress' | 'too_many_attempts';

/** The acquirer's answer applied to a payment that was saved as `processing`. */
export interface PaymentCompletion {
  paymentId: string;
  /** The state the payment must still be in: `processing`, or `requires_action` after a challenge. */
  from: 'processing' | 'requires_action';
  invoiceId: string;
  status: string;
  errorCode: string | null;
  /** The money movement the answer records (DB or PA), absent for a decline. */
  transaction: TransactionRecord | null;
  /** True when the invoice is now paid. */
  invoicePaid: boolean;
  /** A frictionless or rejected authentication, saved with the payment's completion. */
  authentication?: AuthenticationRecord;
  /**
   * A challenge's ending, written with the payment's completion; the whole completion fails when
   * the authentication is no longer in `expect` (another ending won).
   */
  finishAuthentication?: {
    id: string;
    expect: 'pending' | 'authorizing';
    outcome: AuthenticationOutcome;
  };
  /** The card saved to the customer (shopper's consent), when an approved payment asked for it. */
  paymentMethod?: { record: PaymentMethodRecord; existing: boolean };
  events: NewEvent[];
  now: number;
}

/** What a back-office operation decided for a payment: its new state, money movement and events. */
export interface PaymentChange {
  status: string;
  /** Null for a change of state that moves no money (an authorization expiring). */
  transaction: TransactionRecord | null;
  /** The acquirer's answer for a transaction saved as pending before the call. */
  settle?: TransactionSettlement;
  events: NewEvent[];
}

export type TransactionSettlement = Pick<
  TransactionRecord,
  'id' | 'acquirer_reference' | 'failure_code'
> & { status: 'succeeded' | 'failed' };

/** The transactions after a change: its new one added and the one it settles updated. */
export function applied(
  transactions: readonly TransactionRecord[],
  change: Pick<PaymentChange, 'transaction' | 'settle'>,
): TransactionRecord[] {
  const { settle } = change;
  const updated = settle
    ? transactions.map((t) => (t.id === settle.id ? { ...t, ...settle } : t))
    : [...transactions];
  return change.transaction ? [...updated, change.transaction] : updated;
}

/**
 * What a checkout's status stream reports, read for many checkouts at once
 * (checkout-status-queries.ts).
 */
export interface CheckoutStatusRecord {
  invoice: Pick<
    InvoiceRecord,
    | 'id'
    | 'app_id'
    | 'status'
    | 'checkout_token'
    | 'checkout_expires_at'
    | 'processing_payment_id'
    | 'paid_payment_id'
  >;
  /** The attempt holding the invoice, else the shopper's latest one; null before the first. */
  attempt: Pick<PaymentRecord, 'id' | 'status' | 'error_code'> | null;
  /** Failed attempts that count toward the checkout's lock, as `countFailedPayments` counts them. */
  failedAttempts: number;
}

export interface PaymentWithTransactions {
  payment: PaymentRecord;
  transactions: TransactionRecord[];
}

/** A payment with all the merchant API shows of it: its invoice's order id, its 3-D Secure. */
export interface PaymentDetails extends PaymentWithTransactions {
  orderId: string;
  authentication: AuthenticationRecord | undefined;
}

/**
 * The store contract: domain code sees only this, never SQL. Every method that changes state
 * writes its outbox events in the same database transaction.
 */
export interface Store {
  readonly dialect: 'sqlite' | 'postgres';
  migrate(): Promise<void>;
  /** Rejects when the database cannot be used: unreachable, or (SQLite) a failed sync broke it. */
  ping(): Promise<void>;
  close(): Promise<void>;

  insertApp(app: AppRecord): Promise<void>;
  findApp(id: string): Promise<AppRecord | undefined>;
  findAppBySecretHash(hash: string): Promise<AppRecord | undefined>;

  /** With `answer`, the Idempotency-Key's answer is stored in the same transaction (ADR 5). */
  insertInvoice(invoice: InvoiceRecord, answer?: StoredAnswer): Promise<void>;
  /**
   * Inserts the invoice of a simple-form order, unless the app already has one for that order:
   * answers whichever invoice the order has, so a replayed form never makes a second.
   */
  insertFormInvoice(invoice: InvoiceRecord & { form_order: string }): Promise<InvoiceRecord>;
  /**
   * Frees a form order whose invoice can no longer be paid (expired or canceled, never paid, not
   * held), so the same signed form makes a new invoice; false when the invoice is still payable.
   */
  releaseFormOrder(invoiceId: string, now: number): Promise<boolean>;
  findInvoice(appId: string, id: string): Promise<InvoiceRecord | undefined>;
  findInvoiceByToken(token: string): Promise<InvoiceRecord | undefined>;
  /** Cancels an open invoice no attempt is holding; says why not otherwise. */
  cancelInvoice(
    appId: string,
    id: string,
    now: number,
  ): Promise<'canceled' | 'invoice_not_open' | 'payment_in_progress' | 'not_found'>;

  /**
   * Saves a payment attempt before the acquirer is called: claims the open invoice for this
   * attempt, vaults the card (null: a saved card, already vaulted) and inserts the payment, all or
   * nothing.
   */
  startPayment(
    card: VaultCardRecord | null,
    payment: PaymentRecord,
    /** When given, refuses once the invoice has this many failed attempts, in the same go. */
    maxFailedAttempts?: number,
  ): Promise<StartPaymentResult>;
  /** Applies the acquirer's answer; fails when the payment is no longer in `completion.from`. */
  completePayment(completion: PaymentCompletion): Promise<void>;
  /**
   * The issuer wants a challenge: the `processing` payment becomes `requires_action` (the invoice
   * stays held by it) and its pending authentication is saved, in one transaction.
   */
  requireAction(paymentId: string, authentication: AuthenticationRecord): Promise<void>;
  findAuthentication(id: string): Promise<AuthenticationRecord | undefined>;
  findAuthenticationOfPayment(paymentId: string): Promise<AuthenticationRecord | undefined>;
  /**
   * A challenge passed: its outcome is saved and it becomes `authorizing` before the acquirer is
   * called. False when it was no longer pending (a replayed result, a cancel or the timeout sweep
   * won): of several endings exactly one goes on.
   */
  startAuthorizing(id: string, outcome: AuthenticationOutcome, now: number): Promise<boolean>;
  /** Authentications left `authorizing` since before `before` (the process died mid-call). */
  listStuckAuthorizing(before: number, limit: number): Promise<AuthenticationRecord[]>;
  /** Pending challenges past their deadline (the shopper never answered). */
  listLapsedChallenges(now: number, limit: number): Promise<AuthenticationRecord[]>;
  findPayment(appId: string, id: string): Promise<PaymentRecord | undefined>;
  findPaymentDetails(appId: string, id: string): Promise<PaymentDetails | undefined>;
  listTransactions(paymentId: string): Promise<TransactionRecord[]>;
  findVaultCard(appId: string, id: string): Promise<VaultCardRecord | undefined>;
  countFailedPayments(invoiceId: string): Promise<number>;
  /** The status of each checkout whose token is given (unknown tokens are left out). */
  listCheckoutStatuses(tokens: readonly string[]): Promise<CheckoutStatusRecord[]>;
  /**
   * Runs `decide` on the payment and its transactions, read under a lock on the payment, and
   * writes the change it returns, all in one database transaction: concurrent operations on one
   * payment decide one after another, each on the committed result of the one before. `decide`
   * throws to refuse; nothing is written then. Undefined when the app has no such payment.
   */
  changePayment(
    appId: string,
    paymentId: string,
    now: number,
    decide: (current: PaymentDetails) => PaymentChange,
  ): Promise<PaymentDetails | undefined>;

  listEvents(appId: string): Promise<EventRecord[]>;

  /** Customers and their saved cards (customer-queries.ts). */
  insertCustomer(customer: CustomerRecord): Promise<void>;
  findCustomer(appId: string, id: string): Promise<CustomerRecord | undefined>;
  listSavedCards(appId: string, customerId: string): Promise<SavedCardRecord[]>;
  findSavedCard(appId: string, id: string): Promise<SavedCardRecord | undefined>;
  findPaymentMethod(appId: string, id: string): Promise<PaymentMethodRecord | undefined>;
  findSameSavedCard(
    appId: string,
    customerId: string,
    fingerprints: readonly string[],
  ): Promise<PaymentMethodRecord | undefined>;
  detachPaymentMethod(appId: string, customerId: string, id: string, now: number): Promise<boolean>;

  /** Webhooks: the outbox's delivery queue and the app's endpoint (see webhook-queries.ts). */
  leaseDueEvents(request: LeaseRequest): Promise<LeasedEvent[]>;
  recordAttempt(
    owner: string,
    attempt: Omit<WebhookAttemptRecord, 'attempt'>,
    outcome: AttemptOutcome,
  ): Promise<boolean>;
  resendEvent(appId: string, eventId: string, now: number): Promise<EventRecord | undefined>;
  pageEvents(
    appId: string,
    options: { limit: number; before?: string; type?: string },
  ): Promise<EventRecord[]>;
  findEvent(appId: string, eventId: string): Promise<EventRecord | undefined>;
  listAttempts(appId: string, eventIds: string[]): Promise<WebhookAttemptRecord[]>;
  setWebhookUrl(appId: string, url: string | null): Promise<AppRecord | undefined>;
  setOrderCheckUrl(appId: string, url: string | null): Promise<AppRecord | undefined>;
  rotateWebhookSecret(
    appId: string,
    secret: string,
    previousUntil: number,
  ): Promise<AppRecord | undefined>;

  /** Expiry sweep: open invoices past their window that no attempt holds. */
  listLapsedInvoices(now: number, limit: number): Promise<{ id: string; app_id: string }[]>;
  /** Marks the invoice expired with its event, if it still is open, lapsed and unheld. */
  expireInvoice(id: string, now: number, event: NewEvent): Promise<boolean>;
  /** Transactions still `pending` since before the given time (a rebill whose answer was lost). */
  listStalePendingTransactions(
    createdBefore: number,
    limit: number,
  ): Promise<{ id: string; payment_id: string; app_id: string }[]>;
  /** Attempts left `processing` since before the given time (the process died mid-attempt). */
  listStuckProcessing(
    updatedBefore: number,
    limit: number,
  ): Promise<{ id: string; app_id: string }[]>;
  /** Sandbox: captured payments of the dispute test card to charge back (sweep-queries.ts). */
  listSandboxDisputes(
    referencePrefix: string,
    capturedBefore: number,
    limit: number,
  ): Promise<{ id: string; app_id: string }[]>;
  /** Expiry sweep: authorized payments authorized at or before the given time. */
  listLapsedAuthorizations(
    authorizedBefore: number,
    limit: number,
  ): Promise<{ id: string; app_id: string }[]>;

  /**
   * Takes an Idempotency-Key for a request. A record past retention (`expiredBefore`), or one whose
   * request never stored an answer (`abandonedBefore`: it crashed), no longer holds the key.
   */
  claimIdempotencyKey(
    record: IdempotencyRecord,
    cutoffs: { expiredBefore: number; abandonedBefore: number },
  ): Promise<IdempotencyClaim>;
  /** Stores the answer to replay for the key, if the claim still holds it. */
  completeIdempotencyKey(
    appId: string,
    claim: KeyClaim,
    response: { status: number; body: string },
  ): Promise<void>;
  /** Frees a key whose request produced no answer worth replaying, if the claim still holds it. */
  releaseIdempotencyKey(appId: string, claim: KeyClaim): Promise<void>;
}
