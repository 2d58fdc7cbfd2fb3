import { z } from 'zod/mini';

/**
 * The stable error codes alone, without their titles, so browser bundles can validate a code
 * without carrying the whole catalog (`errors.ts` holds status, kind and title for each).
 */
export const ERROR_CODES = [
  'malformed_json',
  'invalid_request',
  'unsupported_media_type',
  'body_too_large',
  'not_found',
  'method_not_allowed',
  'missing_api_key',
  'invalid_api_key',
  'idempotency_key_reused',
  'idempotency_key_in_use',
  'invoice_not_found',
  'payment_not_found',
  'event_not_found',
  'customer_not_found',
  'payment_method_not_found',
  'customer_mismatch',
  'invalid_form_signature',
  'form_order_conflict',
  'checkout_not_found',
  'checkout_expired',
  'invoice_expired',
  'invoice_not_open',
  'payment_in_progress',
  'too_many_attempts',
  'illegal_transition',
  'payment_not_capturable',
  'payment_not_voidable',
  'payment_not_refundable',
  'payment_not_rebillable',
  'payment_not_disputable',
  'payment_not_disputed',
  'amount_exceeds_authorized',
  'amount_exceeds_captured',
  'invalid_card_number',
  'invalid_expiry',
  'invalid_cvc',
  'card_declined',
  'insufficient_funds',
  'expired_card',
  'incorrect_cvc',
  'processing_error',
  'order_check_failed',
  'authentication_failed',
  'authentication_canceled',
  'authentication_timeout',
  'authentication_rejected',
  'authentication_unavailable',
  'origin_not_allowed',
  'frame_load_failed',
  'unsupported_mode',
  'invalid_appearance',
  'internal_error',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export const errorCodeSchema = z.enum(ERROR_CODES);
