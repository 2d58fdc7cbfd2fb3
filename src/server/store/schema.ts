import type { Generated } from 'kysely';

/** Table shapes as stored. Times are epoch milliseconds; money is integer minor units. */
export interface AppsTable {
  id: string;
  name: string;
  /** JSON array of exact origins allowed to embed the checkout. */
  allowed_origins: string;
  publishable_key: string;
  secret_key_hash: string;
  webhook_secret: string;
  /** Where events are POSTed; null until the merchant sets one. */
  webhook_url: string | null;
  /** Set when the endpoint answered 410 Gone; events wait until the URL is set again. */
  webhook_disabled_at: number | null;
  /** The secret being rotated away from, still signing alongside until `webhook_previous_until`. */
  webhook_previous_secret: string | null;
  webhook_previous_until: number | null;
  /** Asked before each payment (signed like a webhook); null when the app has no order check. */
  order_check_url: string | null;
  /** Signs the simple HTML form (`POST /pay`); null for apps made before the form existed. */
  form_secret: string | null;
  created_at: number;
}

export interface InvoicesTable {
  id: string;
  app_id: string;
  status: string;
  amount: number;
  currency: string;
  order_id: string;
  description: string | null;
  /** JSON array of line items. */
  items: string;
  capture: string;
  /** JSON object of string metadata. */
  metadata: string;
  success_url: string | null;
  cancel_url: string | null;
  checkout_token: string;
  checkout_expires_at: number;
  /** Set while a payment attempt is with the acquirer: at most one attempt at a time. */
  processing_payment_id: string | null;
  paid_payment_id: string | null;
  /** The order a simple-form invoice was made for (unique per app); null for API invoices. */
  form_order: string | null;
  /** The customer the invoice is for: their saved cards are offered and a new one may be saved. */
  customer_id: string | null;
  created_at: number;
  updated_at: number;
}

export interface VaultCardsTable {
  id: string;
  app_id: string;
  fingerprint: string;
  brand: string;
  last4: string;
  exp_month: number;
  exp_year: number;
  /** AES-256-GCM ciphertext of the card number; never the number in clear. */
  pan_ciphertext: string;
  created_at: number;
}

export interface PaymentsTable {
  id: string;
  app_id: string;
  invoice_id: string;
  status: string;
  amount: number;
  currency: string;
  capture: string;
  vault_card_id: string;
  brand: string;
  last4: string;
  exp_month: number;
  exp_year: number;
  error_code: string | null;
  /** The invoice's customer, when it has one. */
  customer_id: string | null;
  /** The saved card paid with, or the one this payment saved (set when it succeeded). */
  payment_method_id: string | null;
  /** 1 when the shopper consented to save the card to `customer_id` if the payment succeeds. */
  save_card: number;
  /** `customer` (the shopper paid, in the frame or server to server) or `merchant` (MIT). */
  initiator: string;
  created_at: number;
  updated_at: number;
}

export interface CustomersTable {
  id: string;
  app_id: string;
  email: string | null;
  name: string | null;
  /** JSON object of string metadata. */
  metadata: string;
  created_at: number;
}

/**
 * A card a customer saved with consent. The number stays in `vault_cards` (encrypted); brand,
 * last4 and expiry are copied for display. Detached cards are kept for the payments that used them.
 */
export interface PaymentMethodsTable {
  id: string;
  app_id: string;
  customer_id: string;
  vault_card_id: string;
  brand: string;
  last4: string;
  exp_month: number;
  exp_year: number;
  created_at: number;
  detached_at: number | null;
}

export interface TransactionsTable {
  id: string;
  payment_id: string;
  type: string;
  amount: number;
  currency: string;
  acquirer_reference: string | null;
  /** `pending` from before the acquirer answers until it does; only `succeeded` moves money. */
  status: 'pending' | 'succeeded' | 'failed';
  /** The decline code of a failed one. */
  failure_code: string | null;
  /** The Idempotency-Key of the request that asked for it (a rebill), so a retry finds it. */
  request_key: string | null;
  created_at: number;
}

/** The outbox: written in the same DB transaction as the state change it describes. */
export interface EventsTable {
  seq: Generated<number>;
  id: string;
  app_id: string;
  type: string;
  /** JSON of the event's data object. */
  data: string;
  created_at: number;
  /**
   * Webhook delivery: `pending` until the endpoint accepts it, `failed` once retries ran out,
   * `skipped` when it happened while the app had no endpoint.
   */
  delivery: Generated<'pending' | 'delivered' | 'failed' | 'skipped'>;
  attempts: Generated<number>;
  next_attempt_at: Generated<number>;
  /** The worker sending it, and until when no other may. */
  lease_owner: string | null;
  lease_until: number | null;
  delivered_at: number | null;
}

/** One try at delivering an event: what the endpoint answered, or why nothing came back. */
export interface WebhookAttemptsTable {
  id: string;
  event_id: string;
  app_id: string;
  attempt: number;
  url: string;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
  created_at: number;
}

/** An Idempotency-Key's request fingerprint and, once answered, the stored answer. */
export interface IdempotencyRecordsTable {
  app_id: string;
  key: string;
  /** SHA-256 of method, path and body: the same key with another request is refused. */
  request_hash: string;
  /** Null while the first request is still being handled. */
  response_status: number | null;
  response_body: string | null;
  created_at: number;
}

/**
 * A 3-D Secure authentication of a payment. `status` is `pending` while a challenge is open, then
 * `done`; the conditional move from one to the other lets exactly one ending win.
 */
export interface AuthenticationsTable {
  /** The 3DS Server transaction id (`threeDSServerTransID`). */
  id: string;
  payment_id: string;
  app_id: string;
  acs_trans_id: string;
  status: string;
  trans_status: string | null;
  eci: string | null;
  /** 1 when the issuer bears fraud chargebacks (Y or A). */
  liability_shift: number;
  /** 1 when the shopper was challenged. */
  challenged: number;
  three_ds_method: string;
  failure_reason: string | null;
  /** The challenge request to show again to a frame that reloads mid-challenge. */
  creq: string | null;
  /** Server-to-server payments: where the shopper returns after the challenge. */
  shopper_result_url: string | null;
  expires_at: number;
  created_at: number;
  updated_at: number;
}

export interface Database {
  apps: AppsTable;
  invoices: InvoicesTable;
  vault_cards: VaultCardsTable;
  customers: CustomersTable;
  payment_methods: PaymentMethodsTable;
  payments: PaymentsTable;
  transactions: TransactionsTable;
  events: EventsTable;
  webhook_attempts: WebhookAttemptsTable;
  idempotency_records: IdempotencyRecordsTable;
  authentications: AuthenticationsTable;
}
