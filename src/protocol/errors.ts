import { z } from 'zod/mini';
import { errorCodeSchema, type ErrorCode } from './error-codes';

export { errorCodeSchema, type ErrorCode };

/**
 * The one catalog of stable error codes. `kind` tells who can act on it: the shopper (another
 * card, another try), the merchant's integration, the network, or us. `status` is the HTTP status
 * when the code is answered as RFC 9457 problem+json; payment outcomes (declines) travel inside a
 * 200 answer instead and carry `retryable`.
 */
export const ErrorKind = {
  shopper: 'shopper',
  merchant: 'merchant',
  network: 'network',
  internal: 'internal',
} as const;
export type ErrorKind = (typeof ErrorKind)[keyof typeof ErrorKind];

interface CatalogEntry {
  status: number;
  kind: ErrorKind;
  title: string;
  retryable: boolean;
}

const entry = (
  status: number,
  kind: ErrorKind,
  title: string,
  retryable = false,
): CatalogEntry => ({
  status,
  kind,
  title,
  retryable,
});

export const ERROR_CATALOG = {
  // Request shape
  malformed_json: entry(400, 'merchant', 'The request body is not valid JSON.'),
  invalid_request: entry(400, 'merchant', 'The request does not match the schema.'),
  unsupported_media_type: entry(415, 'merchant', 'Send the body as application/json.'),
  body_too_large: entry(413, 'merchant', 'The request body is too large.'),
  not_found: entry(404, 'merchant', 'No such endpoint.'),
  method_not_allowed: entry(405, 'merchant', 'This endpoint does not accept that method.'),
  // Authentication
  missing_api_key: entry(401, 'merchant', 'Send the secret key as `Authorization: Bearer sk_…`.'),
  invalid_api_key: entry(401, 'merchant', 'The secret key is not valid.'),
  // Idempotency-Key
  idempotency_key_reused: entry(
    422,
    'merchant',
    'This Idempotency-Key was used with a different request.',
  ),
  idempotency_key_in_use: entry(
    409,
    'merchant',
    'A request with this Idempotency-Key is still being handled.',
    true,
  ),
  // Resources
  invoice_not_found: entry(404, 'merchant', 'No such invoice.'),
  payment_not_found: entry(404, 'merchant', 'No such payment.'),
  event_not_found: entry(404, 'merchant', 'No such event.'),
  customer_not_found: entry(404, 'merchant', 'No such customer.'),
  payment_method_not_found: entry(404, 'merchant', 'No such saved card for this customer.'),
  customer_mismatch: entry(409, 'merchant', 'The invoice is for another customer.'),
  invalid_form_signature: entry(
    400,
    'merchant',
    'The payment form is not signed by the shop, or was changed after it was signed.',
  ),
  form_order_conflict: entry(
    409,
    'merchant',
    'This order was already submitted with another amount, currency or return address.',
  ),
  checkout_not_found: entry(404, 'merchant', 'No such checkout.'),
  checkout_expired: entry(410, 'shopper', 'This checkout has expired.'),
  invoice_expired: entry(409, 'merchant', 'The invoice has expired and can no longer be paid.'),
  invoice_not_open: entry(409, 'shopper', 'This invoice can no longer be paid.'),
  payment_in_progress: entry(
    409,
    'shopper',
    'A payment for this invoice is already in progress.',
    true,
  ),
  too_many_attempts: entry(429, 'shopper', 'Too many failed attempts for this checkout.'),
  too_many_streams: entry(
    503,
    'internal',
    'Too many status streams are open on this server. Try again shortly.',
    true,
  ),
  illegal_transition: entry(409, 'merchant', 'The payment cannot move to that state.'),
  // Back office
  payment_not_capturable: entry(409, 'merchant', 'Only an authorized payment can be captured.'),
  payment_not_voidable: entry(409, 'merchant', 'Only an authorized payment can be voided.'),
  payment_not_refundable: entry(409, 'merchant', 'Only a captured payment can be refunded.'),
  payment_not_rebillable: entry(409, 'merchant', 'Only a captured payment can be rebilled.'),
  payment_not_disputable: entry(
    409,
    'merchant',
    'Only a captured payment with money not refunded can be disputed.',
  ),
  payment_not_disputed: entry(409, 'merchant', 'The payment is not disputed.'),
  amount_exceeds_authorized: entry(
    422,
    'merchant',
    'The capture amount exceeds the authorized amount.',
  ),
  amount_exceeds_captured: entry(
    422,
    'merchant',
    'The refund amount exceeds what is left of the captured amount.',
  ),
  // Card input, re-validated on the server
  invalid_card_number: entry(400, 'shopper', 'The card number is not valid.', true),
  invalid_expiry: entry(400, 'shopper', 'The expiry date is not valid or has passed.', true),
  invalid_cvc: entry(400, 'shopper', 'The security code is not valid.', true),
  // Payment outcomes (declines) from the acquirer
  card_declined: entry(402, 'shopper', 'The card was declined.', true),
  insufficient_funds: entry(402, 'shopper', 'The card has insufficient funds.', true),
  expired_card: entry(402, 'shopper', 'The card has expired.', true),
  incorrect_cvc: entry(402, 'shopper', 'The security code is incorrect.', true),
  processing_error: entry(402, 'network', 'The card could not be processed. Try again.', true),
  order_check_failed: entry(402, 'merchant', 'The shop did not accept this order.'),
  // 3-D Secure outcomes: the shopper may try again, or with another card
  authentication_failed: entry(
    402,
    'shopper',
    'The card could not be verified with your bank.',
    true,
  ),
  authentication_canceled: entry(402, 'shopper', 'Verification with your bank was canceled.', true),
  authentication_timeout: entry(402, 'shopper', 'Verification with your bank took too long.', true),
  authentication_rejected: entry(402, 'shopper', 'Your bank refused this payment.', true),
  authentication_unavailable: entry(
    402,
    'network',
    'Your bank could not be reached for verification. Try again.',
    true,
  ),
  // Integration errors seen by the frame or the host element
  origin_not_allowed: entry(403, 'merchant', 'This page is not allowed to embed the checkout.'),
  frame_load_failed: entry(502, 'network', 'The checkout could not be loaded.', true),
  unsupported_mode: entry(400, 'merchant', 'This display mode is not available.'),
  invalid_appearance: entry(400, 'merchant', 'The appearance has a value that is not allowed.'),
  internal_error: entry(500, 'internal', 'Something went wrong on our side.', true),
} as const satisfies Record<ErrorCode, CatalogEntry>;

export function catalogEntry(code: ErrorCode): CatalogEntry {
  return ERROR_CATALOG[code];
}

/** One field-level problem inside an `invalid_request`. */
export const fieldErrorSchema = z.object({ path: z.string(), message: z.string() });
export type FieldError = z.infer<typeof fieldErrorSchema>;

/** RFC 9457 problem details with our stable `code`. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  code: errorCodeSchema,
  detail: z.optional(z.string()),
  errors: z.optional(z.array(fieldErrorSchema)),
});
export type Problem = z.infer<typeof problemSchema>;
