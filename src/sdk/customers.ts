import { customerSchema, type CreateCustomer, type Customer } from '../protocol/customers';
import type { HttpClient, ReadOptions, RequestOptions } from './http';

/** Customers and the cards they saved with consent in the checkout. */
export class Customers {
  constructor(private readonly http: HttpClient) {}

  /** Name the customer on an invoice (`customer`) to offer saving the card, and saved cards. */
  create(body: CreateCustomer = {}, options?: RequestOptions): Promise<Customer> {
    return this.http.post('/v1/customers', body, customerSchema, options);
  }

  /** The customer with their saved cards (`payment_methods`), newest first. */
  get(id: string, options?: ReadOptions): Promise<Customer> {
    return this.http.get(`/v1/customers/${encodeURIComponent(id)}`, customerSchema, options);
  }

  /** Removes a saved card: no longer offered nor chargeable. */
  detachPaymentMethod(
    customerId: string,
    paymentMethodId: string,
    options?: RequestOptions,
  ): Promise<Customer> {
    const path =
      `/v1/customers/${encodeURIComponent(customerId)}` +
      `/payment_methods/${encodeURIComponent(paymentMethodId)}/detach`;
    return this.http.post(path, {}, customerSchema, options);
  }
}
