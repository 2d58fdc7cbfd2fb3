/**
 * Words for the reference that the zod schemas do not carry: what each component is and what its
 * less obvious fields mean. The builder refuses a note for a field that no longer exists, so a
 * renamed field cannot leave a stale description behind.
 */
export interface ComponentNotes {
  description: string;
  fields?: Record<string, string>;
}

// Amounts need no note: `amountSchema` carries its own description wherever it is used.
const money = { currency: 'ISO 4217 currency code.' };
const timestamps = { created_at: 'ISO 8601 time, UTC.' };

export const FIELD_NOTES: Record<string, ComponentNotes> = {
  LineItem: {
    description: 'One line of an invoice.',
    fields: { unit_amount: 'Price of one unit in minor units.' },
  },
  CreateInvoice: {
    description: 'What the merchant wants paid.',
    fields: {
      items: 'The server sums `unit_amount × quantity`.',
      order_id: 'Your order reference, checked again by validate.',
      description: 'Shown to the shopper.',
      capture: '`manual` authorizes only (PA); capture later.',
      success_url: 'Where the hosted page sends the shopper after paying.',
      cancel_url: 'Where the hosted page sends the shopper who gives up.',
      metadata: 'Yours, returned as sent.',
      customer:
        'The customer paying, `cus_…`: the checkout offers their saved cards and to save a new one.',
    },
  },
  CancelInvoice: { description: 'No options: send `{}` or no body.' },
  Invoice: {
    description: 'An invoice: what the merchant wants paid, with its checkout.',
    fields: {
      ...money,
      ...timestamps,
      payment_id: 'The payment that paid it, once paid.',
      customer: 'The customer it is for, or null.',
      checkout: 'Hand `token` to the page; it reveals only the invoice summary and expires.',
    },
  },
  CardInput: {
    description: 'Card data from a PCI-DSS compliant merchant server; every rule is re-checked.',
  },
  CreatePayment: {
    description: 'A server-to-server payment of an open invoice.',
    fields: {
      invoice: 'The invoice to pay, `inv_…`.',
      type: '`PA` authorizes only (capture later); `DB` authorizes and captures at once.',
      shopper_result_url: 'Where a challenge sends the shopper back.',
    },
  },
  ValidatePayment: {
    description: 'What your server expects to have been paid.',
    fields: { order_id: 'Your order reference, as sent when creating the invoice.' },
  },
  CapturePayment: {
    description: 'Capture once, fully or partly; the rest of the authorization is released.',
    fields: { amount: 'Omit to capture everything authorized.' },
  },
  VoidPayment: { description: 'No options: send `{}` or no body.' },
  RefundPayment: {
    description: 'Refund part or all of what is left of the captured amount.',
    fields: { amount: 'Omit to refund everything left.' },
  },
  RebillPayment: {
    description: 'Charge the same card again for additional items.',
    fields: { items: 'The server sums `unit_amount × quantity`.' },
  },
  Transaction: {
    description:
      'One money movement: PA authorize, DB debit, CP capture, RV void, RF refund, ' +
      'RB rebill, CB chargeback, CR chargeback reversal.',
    fields: {
      ...money,
      ...timestamps,
      status:
        '`succeeded` moved money; `pending` is a rebill waiting for the acquirer; `failed` a ' +
        'declined rebill. Only `succeeded` ones count.',
      failure_code: 'Why a `failed` one was declined.',
    },
  },
  PaymentError: {
    description: 'Why a payment failed; the same codes as problem+json, plus `retryable`.',
    fields: { retryable: 'True when another try (or another card) may succeed.' },
  },
  Payment: {
    description: 'One attempt to pay an invoice, with its money movements.',
    fields: {
      ...money,
      ...timestamps,
      error: 'Set when the payment `failed`.',
      customer: 'The invoice’s customer, or null.',
      payment_method: 'The saved card paid with, or the one this payment saved with consent.',
      initiator: '`customer`: the shopper paid; `merchant`: you charged a saved card (MIT).',
    },
  },
  ChallengeAction: { description: 'A form POST the shopper’s browser must make to its issuer.' },
  CreatedPayment: {
    description: 'The payment, plus the next action when it `requires_action`.',
    fields: { action: 'Set when the status is `requires_action`.' },
  },
  ValidationResult: {
    description: 'Fulfil the order only on `valid: true`; every mismatch is named in `reasons`.',
  },
  RebillResult: {
    description: 'A declined rebill is an answer (`status: failed`), not an HTTP error.',
    fields: { transaction_id: 'The RB transaction: succeeded, or failed with its code.' },
  },
  CheckoutSummary: {
    description: 'What the checkout frame may know: the invoice summary, nothing more.',
    fields: {
      ...money,
      allowed_origins: 'Origins allowed to embed the checkout.',
      payment_id: 'The payment that paid the invoice, so a late frame can still report success.',
      customer: 'Set when the invoice names a customer: their unexpired saved cards, newest first.',
    },
  },
  ConfirmCheckout: {
    description: 'Card data as the frame sends it; every rule is re-checked.',
    fields: {
      card: 'A new card. Send either `card` or `saved_card`.',
      save_card: 'The shopper consented to save the new card to the invoice’s customer.',
      saved_card: 'A saved card of the invoice’s customer, with its security code typed again.',
    },
  },
  CreateCustomer: {
    description: 'Someone who pays you more than once; every field is optional.',
    fields: { metadata: 'Yours, returned as sent.' },
  },
  PaymentMethod: {
    description: 'A card the customer saved with consent; never the number or security code.',
    fields: {
      ...timestamps,
      card: 'Brand, last four digits, expiry, and a fingerprint: the same number gives the same one.',
    },
  },
  Customer: {
    description: 'A customer with their saved cards, newest first.',
    fields: { ...timestamps, metadata: 'Yours, returned as sent.' },
  },
  DetachPaymentMethod: { description: 'No options: send `{}` or no body.' },
  PayInvoice: {
    description: 'Charge a saved card without the shopper (merchant-initiated).',
    fields: {
      customer: 'The customer, `cus_…`; must be the invoice’s when it names one.',
      payment_method: 'One of their saved cards, `pm_…`.',
    },
  },
  ConfirmResult: {
    description: 'A decline is an answer (`status: failed`), not an HTTP error.',
  },
  CheckoutStatusEvent: {
    description:
      'The data of a `status` event: where the checkout stands. Sent first on every connection, ' +
      'then on every change.',
    fields: {
      status: '`processing` or `requires_action` while an attempt holds the invoice.',
      payment_id: 'The attempt under way, the one that failed last, or the one that paid.',
      outcome:
        'How the checkout ended, or `failed` with a retryable `error` when the shopper’s last ' +
        'attempt failed and they may try again.',
      error: 'Why it failed; the same codes as problem+json.',
    },
  },
  CheckoutResultEvent: {
    description:
      'The data of the `result` event, the frame’s own `result` message: the checkout has ended ' +
      'for the shopper, and the stream ends after it.',
    fields: {
      outcome:
        '`succeeded` (paid) or `failed`, never retryable here: canceled (`invoice_not_open`), ' +
        'expired (`checkout_expired`), locked (`too_many_attempts`) or refused by the order check.',
      paymentId: 'The payment that paid, or the attempt that ended it.',
    },
  },
  CancelChallenge: {
    description: 'Ends an open 3-D Secure challenge from the frame.',
    fields: { reason: '`canceled` by the shopper, or `unavailable`: the issuer never showed.' },
  },
  PayFormSettings: {
    description: 'The simple HTML form of a merchant without server code (docs/pay-form.md).',
    fields: {
      url: 'Where the form posts (`POST /pay`).',
      secret: 'The HMAC-SHA256 key of `signature`; null for apps made before the form existed.',
      signed_fields: 'The fields the signing string lists, in its order.',
    },
  },
  SetOrderCheck: {
    description: 'Where the order check is asked.',
    fields: { url: 'An http(s) URL; `null` turns the check off.' },
  },
  OrderCheck: {
    description:
      'The merchant’s veto before money moves: a signed `order.check` POST answered `{ok}`.',
    fields: {
      url: 'Asked before each payment; null when there is no check.',
      timeout_ms: 'No answer within this stops the payment (`order_check_failed`).',
    },
  },
  SetWebhook: {
    description: 'Where events go.',
    fields: { url: 'An http(s) URL; `null` stops delivery. Setting one re-enables delivery.' },
  },
  RotateWebhookSecret: {
    description: 'Makes a new signing secret; the old one signs alongside for the overlap.',
    fields: {
      overlap_seconds: 'How long the old secret keeps signing: 0 to 7 days, default 24 h.',
    },
  },
  WebhookEndpoint: {
    description: 'The app’s webhook endpoint and signing secret (Standard Webhooks v1).',
    fields: {
      enabled: 'False when no URL is set or the endpoint answered 410 Gone.',
      disabled_at: 'When a 410 Gone disabled delivery; events wait until a URL is set again.',
      secret: 'The `whsec_` secret: HMAC-SHA256 key (base64 after the prefix).',
      previous_secret_expires_at: 'Until when the rotated-out secret still signs too.',
    },
  },
  WebhookAttempt: {
    description: 'One try at delivering an event.',
    fields: {
      ...timestamps,
      attempt: 'Counts every try of this event, resends included.',
      status_code: 'What the endpoint answered; null when nothing came back.',
      error: 'Why nothing came back: a timeout or a failed connection.',
    },
  },
  Event: {
    description:
      'Something that happened to an invoice or payment, delivered as a webhook: the body is ' +
      '`{type, timestamp, data}` and `webhook-id` is this id on every try.',
    fields: {
      ...timestamps,
      type: '`invoice.paid`, `payment.captured`, … (see the event list in the docs).',
      data: 'The invoice or payment as the API answers it, at the time of the event.',
      delivery:
        '`pending` until the endpoint answers 2xx, `failed` after the last retry; the log ' +
        'lists every try.',
    },
  },
  EventList: {
    description: 'A page of events, newest first.',
    fields: { has_more: 'Older events exist; pass the last id as `before`.' },
  },
  ResendEvent: { description: 'No options: send `{}` or no body.' },
  EmbedScript: {
    description:
      'Where to load the host script: `versioned_url` with `integrity` pins these exact bytes; ' +
      '`url` follows every update.',
    fields: {
      url: 'Always the latest `embed.js`, cached for five minutes.',
      versioned_url:
        'These bytes for as long as this build is deployed, cached for a year (`immutable`).',
      integrity: 'For the script tag’s `integrity`, with `crossorigin="anonymous"`.',
      version: 'The release, as `Payframe.version` reports it in the page.',
    },
  },
  Chargeback: {
    description: 'The shopper’s bank disputes the payment (test mode).',
    fields: { amount: 'Omit to dispute everything captured and not refunded.' },
  },
  DisputeOutcome: { description: 'No options: send `{}` or no body.' },
  AdvanceClock: {
    description: 'How far to move the server clock.',
    fields: { seconds: 'Up to 366 days.' },
  },
  ClockAdvanced: {
    description: 'The new server time and what the expiry sweep expired.',
    fields: {
      now: 'ISO 8601 time, UTC.',
      expired: 'How many of each kind expired: `invoices`, `authorizations`, …',
    },
  },
  ErrorCode: { description: 'A stable error code from the catalog.' },
  FieldError: { description: 'One field-level problem inside an `invalid_request`.' },
  Problem: {
    description: 'RFC 9457 problem details. Branch on `code`; `title` and `detail` are for people.',
    fields: {
      type: 'A URI naming the error code.',
      errors: 'For `invalid_request`: each field that does not match.',
    },
  },
};
