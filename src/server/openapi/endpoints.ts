import { z } from 'zod/mini';
import {
  cancelChallengeSchema,
  checkoutSummarySchema,
  confirmCheckoutSchema,
  confirmResultSchema,
} from '../../protocol/checkout';
import {
  checkoutResultEventSchema,
  checkoutStatusEventSchema,
} from '../../protocol/checkout-events';
import type { ErrorCode } from '../../protocol/error-codes';
import { idSchema } from '../../protocol/ids';
import { createInvoiceSchema, invoiceSchema } from '../../protocol/invoices';
import {
  createCustomerSchema,
  customerSchema,
  detachPaymentMethodSchema,
  payInvoiceSchema,
} from '../../protocol/customers';
import {
  chargebackSchema,
  createdPaymentSchema,
  createPaymentSchema,
  disputeOutcomeSchema,
  rebillPaymentSchema,
  rebillResultSchema,
} from '../../protocol/payment-operations';
import {
  capturePaymentSchema,
  paymentSchema,
  refundPaymentSchema,
  validatePaymentSchema,
  validationResultSchema,
  voidPaymentSchema,
} from '../../protocol/payments';
import { embedScriptSchema } from '../../protocol/embed';
import { orderCheckSettingsSchema, setOrderCheckSchema } from '../../protocol/order-check';
import { payFormSettingsSchema } from '../../protocol/pay-form';
import {
  eventListSchema,
  eventSchema,
  resendEventSchema,
  rotateWebhookSecretSchema,
  setWebhookSchema,
  webhookEndpointSchema,
} from '../../protocol/webhooks';
import { advanceClockSchema, cancelInvoiceSchema, clockAdvancedSchema } from './components';
import { Auth, Tag, type Endpoint } from './endpoint';

const invoiceId = { id: { schema: idSchema('inv'), description: 'The invoice, `inv_…`.' } };
const paymentId = { id: { schema: idSchema('pay'), description: 'The payment, `pay_…`.' } };
const customerId = { id: { schema: idSchema('cus'), description: 'The customer, `cus_…`.' } };
const eventId = { id: { schema: idSchema('evt'), description: 'The event, `evt_…`.' } };
const token = { token: { schema: idSchema('ct'), description: 'The checkout token, `ct_…`.' } };
const CARD_CHECKS: ErrorCode[] = ['invalid_card_number', 'invalid_expiry', 'invalid_cvc'];
const PAY_REFUSALS: ErrorCode[] = ['invoice_not_open', 'payment_in_progress', 'too_many_attempts'];

const noOptions = (schema: z.ZodMiniType) => ({ schema, required: false });
const answers = (schema: z.ZodMiniType, description: string, status: 200 | 201 = 200) => ({
  status,
  schema,
  description,
});

/** Every `/v1` operation the server answers; a test holds it equal to the registered routes. */
export const ENDPOINTS: Endpoint[] = [
  {
    method: 'post',
    path: '/v1/invoices',
    operationId: 'createInvoice',
    tag: Tag.invoices,
    summary: 'Create an invoice',
    description: 'Creates what the shopper will pay, with a checkout token to hand to the page.',
    auth: Auth.secretKey,
    body: { schema: createInvoiceSchema, required: true },
    success: answers(invoiceSchema, 'The invoice, open, with its checkout.', 201),
    errors: ['customer_not_found'],
  },
  {
    method: 'get',
    path: '/v1/invoices/{id}',
    operationId: 'getInvoice',
    tag: Tag.invoices,
    summary: 'Get an invoice',
    description: 'Reads an invoice; `payment_id` is set once it is paid.',
    auth: Auth.secretKey,
    params: invoiceId,
    success: answers(invoiceSchema, 'The invoice.'),
    errors: ['invoice_not_found'],
  },
  {
    method: 'post',
    path: '/v1/invoices/{id}/cancel',
    operationId: 'cancelInvoice',
    tag: Tag.invoices,
    summary: 'Cancel an invoice',
    description: 'Cancels an open invoice; its checkout can no longer be paid.',
    auth: Auth.secretKey,
    params: invoiceId,
    body: noOptions(cancelInvoiceSchema),
    success: answers(invoiceSchema, 'The invoice, canceled.'),
    errors: ['invoice_not_found', 'invoice_not_open', 'payment_in_progress'],
  },
  {
    method: 'post',
    path: '/v1/invoices/{id}/pay',
    operationId: 'payInvoice',
    tag: Tag.invoices,
    summary: 'Charge a saved card (MIT)',
    description:
      'Pays an open invoice with a card the customer saved with consent, without the shopper ' +
      '(merchant-initiated: no challenge, no security code). A decline is an answer with ' +
      '`status: failed`, not an HTTP error.',
    auth: Auth.secretKey,
    params: invoiceId,
    body: { schema: payInvoiceSchema, required: true },
    success: answers(createdPaymentSchema, 'The payment attempt, whatever its outcome.', 201),
    errors: [
      'invoice_not_found',
      'invoice_expired',
      'customer_mismatch',
      'payment_method_not_found',
      'expired_card',
      ...PAY_REFUSALS,
    ],
  },
  {
    method: 'post',
    path: '/v1/customers',
    operationId: 'createCustomer',
    tag: Tag.customers,
    summary: 'Create a customer',
    description:
      'Someone who pays you more than once. Name them on an invoice (`customer`) and the ' +
      'checkout offers to save their card, and their saved cards next time.',
    auth: Auth.secretKey,
    body: noOptions(createCustomerSchema),
    success: answers(customerSchema, 'The customer, with no saved cards yet.', 201),
    errors: [],
  },
  {
    method: 'get',
    path: '/v1/customers/{id}',
    operationId: 'getCustomer',
    tag: Tag.customers,
    summary: 'Get a customer',
    description: 'Reads a customer with their saved cards, newest first.',
    auth: Auth.secretKey,
    params: customerId,
    success: answers(customerSchema, 'The customer.'),
    errors: ['customer_not_found'],
  },
  {
    method: 'post',
    path: '/v1/customers/{id}/payment_methods/{pm}/detach',
    operationId: 'detachPaymentMethod',
    tag: Tag.customers,
    summary: 'Remove a saved card',
    description:
      'The card is no longer offered in the checkout nor chargeable; payments made with it keep it.',
    auth: Auth.secretKey,
    params: {
      ...customerId,
      pm: { schema: idSchema('pm'), description: 'The saved card, `pm_…`.' },
    },
    body: noOptions(detachPaymentMethodSchema),
    success: answers(customerSchema, 'The customer, without the card.'),
    errors: ['customer_not_found', 'payment_method_not_found'],
  },
  {
    method: 'post',
    path: '/v1/payments',
    operationId: 'createPayment',
    tag: Tag.payments,
    summary: 'Pay an invoice server to server',
    description:
      'For PCI-DSS compliant merchants: pays an open invoice with card data collected by the ' +
      'merchant. A decline is an answer with `status: failed`, not an HTTP error.',
    auth: Auth.secretKey,
    body: { schema: createPaymentSchema, required: true },
    success: answers(createdPaymentSchema, 'The payment attempt, whatever its outcome.', 201),
    errors: ['invoice_not_found', 'invoice_expired', ...PAY_REFUSALS, ...CARD_CHECKS],
  },
  {
    method: 'get',
    path: '/v1/payments/{id}',
    operationId: 'getPayment',
    tag: Tag.payments,
    summary: 'Get a payment',
    description: 'Reads one attempt to pay an invoice, with its money movements.',
    auth: Auth.secretKey,
    params: paymentId,
    success: answers(paymentSchema, 'The payment with its transactions.'),
    errors: ['payment_not_found'],
  },
  {
    method: 'post',
    path: '/v1/payments/{id}/validate',
    operationId: 'validatePayment',
    tag: Tag.payments,
    summary: 'Validate a payment',
    description: 'Checks a payment against what your server expects; fulfil only on `valid: true`.',
    auth: Auth.secretKey,
    params: paymentId,
    body: { schema: validatePaymentSchema, required: true },
    success: answers(validationResultSchema, 'The verdict, each mismatch named.'),
    errors: ['payment_not_found'],
  },
  {
    method: 'post',
    path: '/v1/payments/{id}/capture',
    operationId: 'capturePayment',
    tag: Tag.payments,
    summary: 'Capture a payment',
    description: 'Captures an authorized payment once, fully or partly (a CP transaction).',
    auth: Auth.secretKey,
    params: paymentId,
    body: noOptions(capturePaymentSchema),
    success: answers(paymentSchema, 'The payment, captured.'),
    errors: ['payment_not_found', 'payment_not_capturable', 'amount_exceeds_authorized'],
  },
  {
    method: 'post',
    path: '/v1/payments/{id}/void',
    operationId: 'voidPayment',
    tag: Tag.payments,
    summary: 'Void a payment',
    description: 'Releases an authorized payment before capture (an RV transaction).',
    auth: Auth.secretKey,
    params: paymentId,
    body: noOptions(voidPaymentSchema),
    success: answers(paymentSchema, 'The payment, voided.'),
    errors: ['payment_not_found', 'payment_not_voidable'],
  },
  {
    method: 'post',
    path: '/v1/payments/{id}/refunds',
    operationId: 'refundPayment',
    tag: Tag.payments,
    summary: 'Refund a payment',
    description: 'Refunds part or the rest of what was captured (an RF transaction).',
    auth: Auth.secretKey,
    params: paymentId,
    body: noOptions(refundPaymentSchema),
    success: answers(paymentSchema, 'The payment with the refund.', 201),
    errors: ['payment_not_found', 'payment_not_refundable', 'amount_exceeds_captured'],
  },
  {
    method: 'post',
    path: '/v1/payments/{id}/rebill',
    operationId: 'rebillPayment',
    tag: Tag.payments,
    summary: 'Rebill a payment',
    description:
      'Charges the same card again for additional items (an RB transaction). A decline is an ' +
      'answer with `status: failed`, not an HTTP error.',
    auth: Auth.secretKey,
    params: paymentId,
    body: { schema: rebillPaymentSchema, required: true },
    success: answers(rebillResultSchema, 'The outcome, with the payment.'),
    errors: ['payment_not_found', 'payment_not_rebillable'],
  },
  {
    method: 'get',
    path: '/v1/checkout/{token}',
    operationId: 'getCheckout',
    tag: Tag.checkout,
    summary: 'Get a checkout',
    description: 'The invoice summary the checkout frame shows; called by the frame.',
    auth: Auth.checkoutToken,
    params: token,
    success: answers(checkoutSummarySchema, 'The summary.'),
    errors: ['checkout_not_found'],
  },
  {
    method: 'post',
    path: '/v1/checkout/{token}/confirm',
    operationId: 'confirmCheckout',
    tag: Tag.checkout,
    summary: 'Pay a checkout',
    description:
      "The shopper pays with the card the frame collected (saved to the invoice's customer when " +
      '`save_card` is true), or with a saved card and its security code typed again. A decline ' +
      'is an answer with `status: failed`; repeated failures lock the checkout and the client ' +
      'address.',
    auth: Auth.checkoutToken,
    params: token,
    body: { schema: confirmCheckoutSchema, required: true },
    success: answers(confirmResultSchema, 'The outcome.'),
    errors: [
      'checkout_not_found',
      'checkout_expired',
      'payment_method_not_found',
      ...PAY_REFUSALS,
      ...CARD_CHECKS,
    ],
  },
  {
    method: 'get',
    path: '/v1/checkout/{token}/events',
    operationId: 'streamCheckoutEvents',
    tag: Tag.checkout,
    summary: 'Follow a checkout',
    description:
      'Server-Sent Events for the page, when its link to the frame is lost (a popup behind ' +
      'COOP, a redirect that never came back): a `status` event at once and on every change, ' +
      'then one `result` event when the checkout has ended, and the stream ends. No card data. ' +
      "CORS: an `Origin` among the app's allowed origins is echoed in " +
      '`Access-Control-Allow-Origin` (`Vary: Origin`, no credentials); another origin is ' +
      'refused. Reconnecting is safe: every connection starts with the state now.',
    auth: Auth.checkoutToken,
    params: token,
    success: {
      status: 200,
      description: 'The stream; a `retry:` hint, then events, and a comment every 15 s.',
      events: [
        {
          name: 'status',
          schema: checkoutStatusEventSchema,
          description: 'Where the checkout stands: first, then on every change.',
        },
        {
          name: 'result',
          schema: checkoutResultEventSchema,
          description: 'The checkout has ended (`id: result`); the stream ends after it.',
        },
      ],
      noContent:
        'The checkout has ended and `Last-Event-ID: result` says this client saw its `result`: ' +
        'a browser stops reconnecting.',
    },
    errors: ['checkout_not_found', 'origin_not_allowed', 'too_many_streams'],
  },
  {
    method: 'get',
    path: '/v1/checkout/{token}/payments/{id}',
    operationId: 'getCheckoutAttempt',
    tag: Tag.checkout,
    summary: 'Get an attempt',
    description:
      'Where an attempt of this checkout stands, in the confirm answer’s shape: the frame asks ' +
      'here after a 3-D Secure challenge and never trusts a message for the outcome.',
    auth: Auth.checkoutToken,
    params: { ...token, ...paymentId },
    success: answers(confirmResultSchema, 'The attempt now.'),
    errors: ['checkout_not_found', 'payment_not_found', 'payment_in_progress'],
  },
  {
    method: 'post',
    path: '/v1/checkout/{token}/payments/{id}/cancel',
    operationId: 'cancelCheckoutChallenge',
    tag: Tag.checkout,
    summary: 'Cancel a challenge',
    description:
      'Ends an open challenge as `authentication_canceled` or `authentication_unavailable`; an ' +
      'attempt that already ended answers how it ended.',
    auth: Auth.checkoutToken,
    params: { ...token, ...paymentId },
    body: { schema: cancelChallengeSchema, required: true },
    success: answers(confirmResultSchema, 'The ended attempt.'),
    errors: ['checkout_not_found', 'payment_not_found', 'payment_in_progress'],
  },
  {
    method: 'get',
    path: '/v1/webhook',
    operationId: 'getWebhookEndpoint',
    tag: Tag.webhooks,
    summary: 'Get the webhook endpoint',
    description: 'Where events are delivered, whether delivery is on, and the signing secret.',
    auth: Auth.secretKey,
    success: answers(webhookEndpointSchema, 'The endpoint and its secret.'),
    errors: [],
  },
  {
    method: 'post',
    path: '/v1/webhook',
    operationId: 'setWebhookEndpoint',
    tag: Tag.webhooks,
    summary: 'Set the webhook endpoint',
    description:
      'Sets the URL events are POSTed to (`null` stops delivery). Setting a URL turns delivery ' +
      'back on after the endpoint answered 410 Gone; events that waited are then sent.',
    auth: Auth.secretKey,
    body: { schema: setWebhookSchema, required: true },
    success: answers(webhookEndpointSchema, 'The endpoint.'),
    errors: [],
  },
  {
    method: 'post',
    path: '/v1/webhook/rotate-secret',
    operationId: 'rotateWebhookSecret',
    tag: Tag.webhooks,
    summary: 'Rotate the signing secret',
    description:
      'Makes a new `whsec_` secret. Deliveries carry a signature with each secret until the old ' +
      'one expires (24 h unless `overlap_seconds` says otherwise), so receivers can switch at ' +
      'their pace.',
    auth: Auth.secretKey,
    body: noOptions(rotateWebhookSecretSchema),
    success: answers(webhookEndpointSchema, 'The endpoint with its new secret.'),
    errors: [],
  },
  {
    method: 'get',
    path: '/v1/order-check',
    operationId: 'getOrderCheck',
    tag: Tag.webhooks,
    summary: 'Get the order check',
    description: 'The URL asked before each payment, if any, and how long it may take.',
    auth: Auth.secretKey,
    success: answers(orderCheckSettingsSchema, 'The order check.'),
    errors: [],
  },
  {
    method: 'post',
    path: '/v1/order-check',
    operationId: 'setOrderCheck',
    tag: Tag.webhooks,
    summary: 'Set the order check',
    description:
      'Sets the URL asked before each payment (`null` turns the check off). It receives a signed ' +
      '`order.check` and answers `{ok: true}`, or `{ok: false, reason}` to stop the payment with ' +
      '`order_check_failed`; no answer in time stops it too.',
    auth: Auth.secretKey,
    body: { schema: setOrderCheckSchema, required: true },
    success: answers(orderCheckSettingsSchema, 'The order check.'),
    errors: [],
  },
  {
    method: 'get',
    path: '/v1/form',
    operationId: 'getPayForm',
    tag: Tag.webhooks,
    summary: 'Get the simple form settings',
    description:
      'Where a merchant without server code posts its signed HTML form (`POST /pay`), the secret ' +
      'that signs it and the fields the signature covers, in signing order.',
    auth: Auth.secretKey,
    success: answers(payFormSettingsSchema, 'The form settings.'),
    errors: [],
  },
  {
    method: 'get',
    path: '/v1/events',
    operationId: 'listEvents',
    tag: Tag.webhooks,
    summary: 'List events',
    description: 'The app’s events, newest first, each with its delivery state and attempts.',
    auth: Auth.secretKey,
    query: {
      limit: {
        schema: z.int().check(z.minimum(1), z.maximum(100)),
        description: '1–100, default 20.',
      },
      before: { schema: idSchema('evt'), description: 'Only events older than this one (paging).' },
      type: {
        schema: z.string(),
        description: 'Only events of this type, e.g. `payment.captured`.',
      },
    },
    success: answers(eventListSchema, 'A page of events.'),
    errors: [],
  },
  {
    method: 'get',
    path: '/v1/events/{id}',
    operationId: 'getEvent',
    tag: Tag.webhooks,
    summary: 'Get an event',
    description: 'One event with its delivery log.',
    auth: Auth.secretKey,
    params: eventId,
    success: answers(eventSchema, 'The event.'),
    errors: ['event_not_found'],
  },
  {
    method: 'post',
    path: '/v1/events/{id}/resend',
    operationId: 'resendEvent',
    tag: Tag.webhooks,
    summary: 'Resend an event',
    description:
      'Queues the event for delivery again from the start of the retry schedule, with the same ' +
      '`webhook-id`, whether it was delivered, failed or is still pending.',
    auth: Auth.secretKey,
    params: eventId,
    body: noOptions(resendEventSchema),
    success: answers(eventSchema, 'The event, pending delivery.'),
    errors: ['event_not_found'],
  },
  {
    method: 'get',
    path: '/v1/embed',
    operationId: 'getEmbedScript',
    tag: Tag.embed,
    summary: 'Get the host script',
    description:
      'The URLs of `embed.js` and the Subresource Integrity of its bytes, for a script tag that ' +
      'loads exactly the code you reviewed. Public (no key; CORS `*`): it is the same for every ' +
      'caller and reveals nothing the script itself does not.',
    auth: Auth.none,
    success: answers(embedScriptSchema, 'Where to load the script, and its integrity.'),
    errors: [],
  },
  {
    method: 'post',
    path: '/v1/test/payments/{id}/chargeback',
    operationId: 'createTestChargeback',
    tag: Tag.testMode,
    summary: 'Simulate a chargeback',
    description: 'The shopper’s bank takes money back (a CB transaction), as an acquirer reports.',
    auth: Auth.secretKey,
    params: paymentId,
    body: noOptions(chargebackSchema),
    success: answers(paymentSchema, 'The payment, disputed.'),
    errors: ['payment_not_found', 'payment_not_disputable', 'amount_exceeds_captured'],
  },
  {
    method: 'post',
    path: '/v1/test/payments/{id}/chargeback-reversal',
    operationId: 'reverseTestChargeback',
    tag: Tag.testMode,
    summary: 'Simulate a won dispute',
    description: 'The merchant won the dispute: the money charged back returns (a CR transaction).',
    auth: Auth.secretKey,
    params: paymentId,
    body: noOptions(disputeOutcomeSchema),
    success: answers(paymentSchema, 'The payment, dispute reversed.'),
    errors: ['payment_not_found', 'payment_not_disputed'],
  },
  {
    method: 'post',
    path: '/v1/test/payments/{id}/dispute-lost',
    operationId: 'loseTestDispute',
    tag: Tag.testMode,
    summary: 'Simulate a lost dispute',
    description: 'The merchant lost the dispute: the chargeback stands and no money moves.',
    auth: Auth.secretKey,
    params: paymentId,
    body: noOptions(disputeOutcomeSchema),
    success: answers(paymentSchema, 'The payment, dispute lost.'),
    errors: ['payment_not_found', 'payment_not_disputed'],
  },
  {
    method: 'post',
    path: '/v1/test/clock/advance',
    operationId: 'advanceTestClock',
    tag: Tag.testMode,
    summary: 'Advance the test clock',
    description:
      'Moves the server clock forward for every app in the process, then expires what ran out.',
    auth: Auth.secretKey,
    testClockOnly: true,
    body: { schema: advanceClockSchema, required: true },
    success: answers(clockAdvancedSchema, 'The new time and what expired.'),
    errors: [],
  },
];
