import type { CreateCustomer, Customer, PayInvoice } from '../../protocol/customers';
import type { CreatedPayment } from '../../protocol/payment-operations';
import { newId } from '../../protocol/ids';
import type { AppRecord, CustomerRecord, SavedCardRecord } from '../store/records';
import { effectiveInvoiceStatus, getInvoice } from './invoices';
import { payInvoice } from './pay-invoice';
import { getPayment } from './payments';
import { PayframeError } from './payframe-error';
import type { CaptureMode } from '../../protocol/invoices';
import type { Services } from './services';

export async function createCustomer(
  services: Services,
  app: AppRecord,
  body: CreateCustomer,
): Promise<Customer> {
  const customer: CustomerRecord = {
    id: newId('cus'),
    app_id: app.id,
    email: body.email ?? null,
    name: body.name ?? null,
    metadata: JSON.stringify(body.metadata ?? {}),
    created_at: services.now(),
  };
  await services.store.insertCustomer(customer);
  return customerView(customer, []);
}

export async function getCustomer(
  services: Services,
  app: Pick<AppRecord, 'id'>,
  id: string,
): Promise<Customer> {
  const customer = await services.store.findCustomer(app.id, id);
  if (!customer) throw new PayframeError('customer_not_found', `No customer ${id}.`);
  return customerView(customer, await services.store.listSavedCards(app.id, id));
}

/** Removes a saved card: no longer offered in the frame nor chargeable by the merchant. */
export async function detachPaymentMethod(
  services: Services,
  app: AppRecord,
  customerId: string,
  id: string,
): Promise<Customer> {
  const customer = await getCustomer(services, app, customerId);
  const detached = await services.store.detachPaymentMethod(app.id, customerId, id, services.now());
  if (!detached) throw new PayframeError('payment_method_not_found', `No saved card ${id}.`);
  return { ...customer, payment_methods: customer.payment_methods.filter((m) => m.id !== id) };
}

/**
 * `POST /v1/invoices/{id}/pay`: the merchant charges a card the customer saved with consent,
 * without the shopper present — no challenge, no security code. A decline is an answer with the
 * payment `failed`, not an HTTP error (docs/adr/0004).
 */
export async function chargeSavedCard(
  services: Services,
  app: AppRecord,
  invoiceId: string,
  body: PayInvoice,
): Promise<CreatedPayment> {
  const invoice = await getInvoice(services, app, invoiceId);
  if (invoice.customer_id !== null && invoice.customer_id !== body.customer) {
    throw new PayframeError('customer_mismatch', `Invoice ${invoice.id} is for another customer.`);
  }
  const card = await services.store.findSavedCard(app.id, body.payment_method);
  if (!card || card.customer_id !== body.customer) {
    throw new PayframeError(
      'payment_method_not_found',
      `Customer ${body.customer} has no saved card ${body.payment_method}.`,
    );
  }
  const status = effectiveInvoiceStatus(invoice, services.now());
  if (status === 'expired') throw new PayframeError('invoice_expired');
  if (status !== 'open') throw new PayframeError('invoice_not_open');
  const result = await payInvoice(
    services,
    invoice,
    { kind: 'saved', card, cvc: null },
    invoice.capture as CaptureMode,
    // Unused: a merchant-initiated charge is not authenticated.
    { windowSize: '05', method: 'U', locale: 'en', shopperResultUrl: null },
  );
  return { ...(await getPayment(services, app, result.payment_id)), action: null };
}

export function customerView(customer: CustomerRecord, cards: SavedCardRecord[]): Customer {
  return {
    id: customer.id,
    object: 'customer',
    email: customer.email,
    name: customer.name,
    metadata: JSON.parse(customer.metadata) as Record<string, string>,
    payment_methods: cards.map((c) => ({
      id: c.id,
      object: 'payment_method',
      customer: c.customer_id,
      card: {
        brand: c.brand,
        last4: c.last4,
        exp_month: c.exp_month,
        exp_year: c.exp_year,
        fingerprint: c.fingerprint,
      },
      created_at: new Date(c.created_at).toISOString(),
    })),
    created_at: new Date(customer.created_at).toISOString(),
  };
}
