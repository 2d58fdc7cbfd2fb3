import type { Invoice } from '../src/protocol/invoices';
import type { ValidationResult } from '../src/protocol/payments';

/**
 * The shop server's calls to the payment server with its secret key. (The typed merchant SDK with
 * idempotency and retries replaces this in the payments-core issue.)
 */
export class PayframeApi {
  constructor(
    private readonly baseUrl: string,
    private readonly secretKey: string,
  ) {}

  private async post<T>(path: string, body: unknown, idempotencyKey?: string): Promise<T> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${this.secretKey}`,
        'content-type': 'application/json',
        ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
      },
      body: JSON.stringify(body),
    });
    const json = (await response.json()) as T & { code?: string; detail?: string };
    if (!response.ok) {
      throw new Error(`Payframe ${path} answered ${response.status} ${json.code ?? ''}`);
    }
    return json;
  }

  createInvoice(body: {
    currency: string;
    order_id: string;
    description: string;
    items: { name: string; unit_amount: number; quantity: number }[];
  }): Promise<Invoice> {
    // Keyed by order: a retried request can never create a second invoice for the same order.
    return this.post('/v1/invoices', body, `invoice-${body.order_id}`);
  }

  validatePayment(
    paymentId: string,
    expected: { amount: number; currency: string; order_id: string },
  ): Promise<ValidationResult> {
    return this.post(`/v1/payments/${encodeURIComponent(paymentId)}/validate`, expected);
  }
}
