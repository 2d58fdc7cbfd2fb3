import { newId } from '../../protocol/ids';
import { MAX_AMOUNT } from '../../protocol/money';
import type { CreateInvoice, Invoice, LineItem } from '../../protocol/invoices';
import type { AppRecord, InvoiceRecord, KeyClaim } from '../store/records';
import { PayframeError } from './payframe-error';
import type { Services } from './services';

/** The amount is always computed here from the items, never taken from a page. */
export function invoiceTotal(body: Pick<CreateInvoice, 'items' | 'amount'>): number {
  const total = body.items
    ? body.items.reduce((sum, item) => sum + item.unit_amount * item.quantity, 0)
    : (body.amount ?? 0);
  if (!Number.isSafeInteger(total) || total > MAX_AMOUNT) {
    throw new PayframeError('invalid_request', 'The invoice total is too large.', [
      { path: 'items', message: `total must be at most ${MAX_AMOUNT}` },
    ]);
  }
  if (total < 1) {
    throw new PayframeError('invalid_request', 'The invoice total must be positive.', [
      { path: 'items', message: 'total must be at least 1' },
    ]);
  }
  return total;
}

/**
 * Creates an invoice and answers it as JSON. With the request's Idempotency-Key, that answer is
 * stored with the invoice in one transaction, so a retry is answered the same even if the process
 * dies right after.
 */
export async function createInvoice(
  services: Services,
  app: AppRecord,
  body: CreateInvoice,
  claim: KeyClaim | null = null,
): Promise<string> {
  if (body.customer && !(await services.store.findCustomer(app.id, body.customer))) {
    throw new PayframeError('customer_not_found', `No customer ${body.customer}.`);
  }
  const invoice = createInvoiceRecord(services, app, body);
  const json = JSON.stringify(invoiceView(invoice, services));
  await services.store.insertInvoice(
    invoice,
    claim === null ? undefined : { ...claim, status: 201, body: json },
  );
  return json;
}

/** A new open invoice for the body, with its checkout token, not yet saved. */
export function createInvoiceRecord(
  services: Services,
  app: AppRecord,
  body: CreateInvoice,
): InvoiceRecord {
  const now = services.now();
  const amount = invoiceTotal(body);
  const items: LineItem[] = body.items ?? [
    { name: body.description ?? body.order_id, unit_amount: amount, quantity: 1 },
  ];
  return {
    id: newId('inv'),
    app_id: app.id,
    status: 'open',
    amount,
    currency: body.currency,
    order_id: body.order_id,
    description: body.description ?? null,
    items: JSON.stringify(items),
    capture: body.capture,
    metadata: JSON.stringify(body.metadata ?? {}),
    success_url: body.success_url ?? null,
    cancel_url: body.cancel_url ?? null,
    checkout_token: newId('ct'),
    checkout_expires_at: now + services.config.checkoutTtlMs,
    processing_payment_id: null,
    paid_payment_id: null,
    form_order: null,
    customer_id: body.customer ?? null,
    created_at: now,
    updated_at: now,
  };
}

export async function getInvoice(
  services: Services,
  app: Pick<AppRecord, 'id'>,
  id: string,
): Promise<InvoiceRecord> {
  const invoice = await services.store.findInvoice(app.id, id);
  if (!invoice) throw new PayframeError('invoice_not_found', `No invoice ${id}.`);
  return invoice;
}

/** An open invoice whose checkout window has passed reads as expired. */
export function effectiveInvoiceStatus(invoice: InvoiceRecord, now: number): Invoice['status'] {
  if (invoice.status === 'open' && now >= invoice.checkout_expires_at) return 'expired';
  return invoice.status as Invoice['status'];
}

export function invoiceView(invoice: InvoiceRecord, services: Services): Invoice {
  return {
    id: invoice.id,
    object: 'invoice',
    status: effectiveInvoiceStatus(invoice, services.now()),
    amount: invoice.amount,
    currency: invoice.currency,
    order_id: invoice.order_id,
    description: invoice.description,
    items: JSON.parse(invoice.items) as LineItem[],
    capture: invoice.capture as Invoice['capture'],
    metadata: JSON.parse(invoice.metadata) as Record<string, string>,
    success_url: invoice.success_url,
    cancel_url: invoice.cancel_url,
    payment_id: invoice.paid_payment_id,
    customer: invoice.customer_id,
    checkout: {
      token: invoice.checkout_token,
      url: `${services.config.publicUrl}/checkout/${invoice.checkout_token}`,
      expires_at: new Date(invoice.checkout_expires_at).toISOString(),
    },
    created_at: new Date(invoice.created_at).toISOString(),
  };
}

/** Cancels an open invoice; a paid, canceled or expired one, or one being paid, stays as it is. */
export async function cancelInvoice(
  services: Services,
  app: AppRecord,
  id: string,
): Promise<InvoiceRecord> {
  const invoice = await getInvoice(services, app, id);
  if (effectiveInvoiceStatus(invoice, services.now()) === 'expired') {
    throw new PayframeError('invoice_not_open', 'The invoice has expired.');
  }
  const outcome = await services.store.cancelInvoice(app.id, id, services.now());
  if (outcome === 'not_found') throw new PayframeError('invoice_not_found', `No invoice ${id}.`);
  if (outcome !== 'canceled') throw new PayframeError(outcome);
  return getInvoice(services, app, id);
}
