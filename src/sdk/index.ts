/**
 * The typed Node client for a merchant's server: invoices, payments, back office, validate.
 * Request and answer types are the protocol's zod schemas; every answer is checked against them.
 */
export { Payframe, type PayframeOptions } from './client';
export {
  PayframeApiError,
  PayframeConnectionError,
  PayframeError,
  PayframeResponseError,
} from './errors';
export type { ReadOptions, RequestOptions } from './http';
export type { InvoiceCreateParams } from './invoices';
export type {
  CaptureParams,
  PaymentCreateParams,
  RebillParams,
  RefundParams,
  ValidateParams,
} from './payments';
export type { ErrorCode, FieldError } from '../protocol/errors';
export type { Invoice, InvoiceStatus, LineItem } from '../protocol/invoices';
export type { CreateCustomer, Customer, PayInvoice, PaymentMethod } from '../protocol/customers';
export type {
  Payment,
  PaymentError,
  PaymentStatus,
  Transaction,
  ValidationReason,
  ValidationResult,
} from '../protocol/payments';
export type { ChallengeAction, CreatedPayment, RebillResult } from '../protocol/payment-operations';
export {
  DEFAULT_TOLERANCE_SECONDS,
  verifyWebhook,
  WebhookVerificationError,
  type WebhookHeadersInput,
  type WebhookPayload,
} from './webhooks';
export type { EventList, WebhookEndpoint, WebhookEvent } from '../protocol/webhooks';
export type { OrderCheckAnswer, OrderCheckSettings } from '../protocol/order-check';
