import type { z } from 'zod/mini';
import { invoiceSchema, type createInvoiceSchema, type Invoice } from '../protocol/invoices';
import type { PayInvoice } from '../protocol/customers';
import { createdPaymentSchema, type CreatedPayment } from '../protocol/payment-operations';
import type { HttpClient, ReadOptions, RequestOptions } from './http';

/** `POST /v1/invoices` body as the caller writes it (`capture` defaults to `automatic`). */
export type InvoiceCreateParams = z.input<typeof createInvoiceSchema>;

/** What the merchant wants paid: `open → paid | canceled | expired`. */
export class Invoices {
  constructor(private readonly http: HttpClient) {}

  /** Creates an invoice; hand `checkout.token` to the page that mounts the checkout. */
  create(body: InvoiceCreateParams, options?: RequestOptions): Promise<Invoice> {
    return this.http.post('/v1/invoices', body, invoiceSchema, options);
  }

  get(id: string, options?: ReadOptions): Promise<Invoice> {
    return this.http.get(`/v1/invoices/${encodeURIComponent(id)}`, invoiceSchema, options);
  }

  /** Cancels an open invoice; its checkout can no longer be paid. */
  cancel(id: string, options?: RequestOptions): Promise<Invoice> {
    return this.http.post(
      `/v1/invoices/${encodeURIComponent(id)}/cancel`,
      {},
      invoiceSchema,
      options,
    );
  }

  /**
   * Charges a card the customer saved with consent, without them (merchant-initiated: no
   * challenge, no security code). A decline is an answer with `status: 'failed'`. Send an
   * `idempotencyKey` so a retry never charges twice.
   */
  pay(id: string, body: PayInvoice, options?: RequestOptions): Promise<CreatedPayment> {
    return this.http.post(
      `/v1/invoices/${encodeURIComponent(id)}/pay`,
      body,
      createdPaymentSchema,
      options,
    );
  }
}
