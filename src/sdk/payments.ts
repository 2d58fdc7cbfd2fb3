import type { z } from 'zod/mini';
import {
  createdPaymentSchema,
  rebillResultSchema,
  type CreatedPayment,
  type createPaymentSchema,
  type RebillResult,
  type rebillPaymentSchema,
} from '../protocol/payment-operations';
import {
  paymentSchema,
  validationResultSchema,
  type capturePaymentSchema,
  type Payment,
  type refundPaymentSchema,
  type ValidatePayment,
  type ValidationResult,
} from '../protocol/payments';
import type { HttpClient, ReadOptions, RequestOptions } from './http';

export type PaymentCreateParams = z.input<typeof createPaymentSchema>;
export type CaptureParams = z.input<typeof capturePaymentSchema>;
export type RefundParams = z.input<typeof refundPaymentSchema>;
export type RebillParams = z.input<typeof rebillPaymentSchema>;
export type ValidateParams = ValidatePayment;

const path = (id: string, operation = '') => `/v1/payments/${encodeURIComponent(id)}${operation}`;

/** One attempt to pay an invoice, and the back-office operations on it. */
export class Payments {
  constructor(private readonly http: HttpClient) {}

  /**
   * Server-to-server payment with card data the merchant collected itself (PCI-DSS scope):
   * `type` PA authorizes only, DB also captures. A decline is an answer (`status: 'failed'`).
   */
  create(body: PaymentCreateParams, options?: RequestOptions): Promise<CreatedPayment> {
    return this.http.post('/v1/payments', body, createdPaymentSchema, options);
  }

  /** The payment with every money movement (transaction) on it. */
  get(id: string, options?: ReadOptions): Promise<Payment> {
    return this.http.get(path(id), paymentSchema, options);
  }

  /** Captures an authorized payment once; omit `amount` to capture all of it. */
  capture(id: string, body: CaptureParams = {}, options?: RequestOptions): Promise<Payment> {
    return this.http.post(path(id, '/capture'), body, paymentSchema, options);
  }

  /** Releases an authorized payment. */
  void(id: string, options?: RequestOptions): Promise<Payment> {
    return this.http.post(path(id, '/void'), {}, paymentSchema, options);
  }

  /** Refunds part or, without `amount`, the rest of what was captured. */
  refund(id: string, body: RefundParams = {}, options?: RequestOptions): Promise<Payment> {
    return this.http.post(path(id, '/refunds'), body, paymentSchema, options);
  }

  /** Charges the same card again; a decline resolves with `status: 'failed'`, it does not throw. */
  rebill(id: string, body: RebillParams, options?: RequestOptions): Promise<RebillResult> {
    return this.http.post(path(id, '/rebill'), body, rebillResultSchema, options);
  }

  /**
   * Is this payment what the merchant expects to have been paid? Fulfil only on `valid: true`;
   * `valid: false` is an answer naming each mismatch in `reasons`, not an error.
   */
  validate(
    id: string,
    expected: ValidateParams,
    options?: RequestOptions,
  ): Promise<ValidationResult> {
    return this.http.post(path(id, '/validate'), expected, validationResultSchema, options);
  }
}
