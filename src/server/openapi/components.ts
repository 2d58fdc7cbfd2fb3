import { z } from 'zod/mini';
import {
  checkoutSummarySchema,
  cancelChallengeSchema,
  confirmCheckoutSchema,
  confirmResultSchema,
} from '../../protocol/checkout';
import {
  checkoutResultEventSchema,
  checkoutStatusEventSchema,
} from '../../protocol/checkout-events';
import {
  createCustomerSchema,
  customerSchema,
  detachPaymentMethodSchema,
  payInvoiceSchema,
  paymentMethodSchema,
} from '../../protocol/customers';
import { embedScriptSchema } from '../../protocol/embed';
import { errorCodeSchema, fieldErrorSchema, problemSchema } from '../../protocol/errors';
import { createInvoiceSchema, invoiceSchema, lineItemSchema } from '../../protocol/invoices';
import { amountSchema, currencySchema } from '../../protocol/money';
import {
  cardInputSchema,
  challengeActionSchema,
  chargebackSchema,
  createdPaymentSchema,
  createPaymentSchema,
  disputeOutcomeSchema,
  rebillPaymentSchema,
  rebillResultSchema,
} from '../../protocol/payment-operations';
import {
  capturePaymentSchema,
  paymentErrorSchema,
  paymentSchema,
  refundPaymentSchema,
  transactionSchema,
  validatePaymentSchema,
  validationResultSchema,
  voidPaymentSchema,
} from '../../protocol/payments';
import { orderCheckSettingsSchema, setOrderCheckSchema } from '../../protocol/order-check';
import { payFormSettingsSchema } from '../../protocol/pay-form';
import {
  eventListSchema,
  eventSchema,
  resendEventSchema,
  rotateWebhookSecretSchema,
  setWebhookSchema,
  webhookAttemptSchema,
  webhookEndpointSchema,
} from '../../protocol/webhooks';

/**
 * Which side of the wire a component is read on. Request bodies are converted as zod's input
 * (a field with a default is optional), answers as its output (every field is there).
 */
export type Side = 'request' | 'response' | 'both';

/** JSON Schema keywords merged into a schema's conversion, plus the component name. */
type Annotation = { id?: string; description?: string } & Record<string, unknown>;

/**
 * The named schemas of `components.schemas`, registered on the zod schemas themselves: any schema
 * registered with an `id` becomes a `$ref` wherever it is used. Annotations without an `id`
 * restore what a refinement cannot say in JSON Schema.
 */
export const componentRegistry = z.registry<Annotation>();
export const componentSides = new Map<string, Side>();

function component(schema: z.ZodMiniType, id: string, side: Side, annotation: Annotation = {}) {
  componentRegistry.add(schema, { ...annotation, id });
  componentSides.set(id, side);
}

/** The id of a registered component, or undefined for a schema that has none. */
export function componentId(schema: z.ZodMiniType): string | undefined {
  return componentRegistry.get(schema)?.id;
}

// Refinements are code; these say the same thing in JSON Schema.
componentRegistry.add(currencySchema, {
  description: 'ISO 4217 currency code.',
  pattern: '^[A-Z]{3}$',
  examples: ['EUR'],
});
componentRegistry.add(amountSchema, {
  description: 'Integer number of minor units (cents for EUR, yen for JPY).',
});
const itemsOrAmount = { oneOf: [{ required: ['items'] }, { required: ['amount'] }] };
// OpenAPI's own keyword, for code generators: the union's variants differ by `status`.
const byStatus = { discriminator: { propertyName: 'status' } };

/** `POST /v1/invoices/{id}/cancel` takes no options. */
export const cancelInvoiceSchema = z.strictObject({});

/** `POST /v1/test/clock/advance` (test clock only). */
export const advanceClockSchema = z.strictObject({
  seconds: z.int().check(z.minimum(1), z.maximum(366 * 24 * 60 * 60)),
});
/** `expired` counts by kind, open-ended: the expiry sweep learns new kinds (3-D Secure challenges). */
export const clockAdvancedSchema = z.object({
  now: z.string(),
  expired: z.record(z.string(), z.int().check(z.minimum(0))),
});

component(lineItemSchema, 'LineItem', 'both');
component(createInvoiceSchema, 'CreateInvoice', 'request', itemsOrAmount);
component(cancelInvoiceSchema, 'CancelInvoice', 'request');
component(invoiceSchema, 'Invoice', 'response');

component(cardInputSchema, 'CardInput', 'request');
component(createPaymentSchema, 'CreatePayment', 'request');
component(validatePaymentSchema, 'ValidatePayment', 'request');
component(capturePaymentSchema, 'CapturePayment', 'request');
component(voidPaymentSchema, 'VoidPayment', 'request');
component(refundPaymentSchema, 'RefundPayment', 'request');
component(rebillPaymentSchema, 'RebillPayment', 'request', itemsOrAmount);
component(transactionSchema, 'Transaction', 'response');
component(paymentErrorSchema, 'PaymentError', 'response');
component(paymentSchema, 'Payment', 'response');
component(challengeActionSchema, 'ChallengeAction', 'response');
component(createdPaymentSchema, 'CreatedPayment', 'response');
component(validationResultSchema, 'ValidationResult', 'response');
component(rebillResultSchema, 'RebillResult', 'response', byStatus);

component(createCustomerSchema, 'CreateCustomer', 'request');
component(paymentMethodSchema, 'PaymentMethod', 'response');
component(customerSchema, 'Customer', 'response');
component(detachPaymentMethodSchema, 'DetachPaymentMethod', 'request');
component(payInvoiceSchema, 'PayInvoice', 'request');

component(checkoutSummarySchema, 'CheckoutSummary', 'response');
component(confirmCheckoutSchema, 'ConfirmCheckout', 'request', {
  oneOf: [{ required: ['card'] }, { required: ['saved_card'] }],
});
component(confirmResultSchema, 'ConfirmResult', 'response', byStatus);
component(cancelChallengeSchema, 'CancelChallenge', 'request');
component(checkoutStatusEventSchema, 'CheckoutStatusEvent', 'response');
component(checkoutResultEventSchema, 'CheckoutResultEvent', 'response');

component(payFormSettingsSchema, 'PayFormSettings', 'response');
component(setOrderCheckSchema, 'SetOrderCheck', 'request');
component(orderCheckSettingsSchema, 'OrderCheck', 'response');
component(setWebhookSchema, 'SetWebhook', 'request');
component(rotateWebhookSecretSchema, 'RotateWebhookSecret', 'request');
component(webhookEndpointSchema, 'WebhookEndpoint', 'response');
component(webhookAttemptSchema, 'WebhookAttempt', 'response');
component(eventSchema, 'Event', 'response');
component(eventListSchema, 'EventList', 'response');
component(resendEventSchema, 'ResendEvent', 'request');

component(embedScriptSchema, 'EmbedScript', 'response');

component(chargebackSchema, 'Chargeback', 'request');
component(disputeOutcomeSchema, 'DisputeOutcome', 'request');
component(advanceClockSchema, 'AdvanceClock', 'request');
component(clockAdvancedSchema, 'ClockAdvanced', 'response');

component(errorCodeSchema, 'ErrorCode', 'response');
component(fieldErrorSchema, 'FieldError', 'response');
component(problemSchema, 'Problem', 'response');
