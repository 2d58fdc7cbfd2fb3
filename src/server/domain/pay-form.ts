import { createHmac, timingSafeEqual } from 'node:crypto';
import { payFormSigningString, type PayForm } from '../../protocol/pay-form';
import type { InvoiceRecord } from '../store/records';
import { createInvoiceRecord, effectiveInvoiceStatus } from './invoices';
import { PayframeError } from './payframe-error';
import type { Services } from './services';

/**
 * The simple HTML form (`POST /pay`): check the signature with the app's form secret → find or
 * create the order's invoice → hand back where the shopper pays. A replayed form (the same signed
 * order, posted again) leads to the same invoice, so it can never be paid twice, unless that
 * invoice expired or was canceled unpaid, when it gets a new one; a form whose amount or currency
 * was changed fails its signature.
 */
export async function acceptPayForm(services: Services, form: PayForm): Promise<InvoiceRecord> {
  const app = await services.store.findApp(form.app);
  const expected = app?.form_secret
    ? createHmac('sha256', app.form_secret).update(payFormSigningString(form)).digest()
    : null;
  const given = Buffer.from(form.signature, 'hex');
  if (!app || !expected || !timingSafeEqual(expected, given)) {
    throw new PayframeError('invalid_form_signature');
  }
  const fresh = createInvoiceRecord(services, app, {
    currency: form.currency,
    amount: Number(form.amount),
    order_id: form.order_id,
    capture: 'automatic',
    ...(form.description ? { description: form.description } : {}),
    success_url: form.success_url,
    cancel_url: form.cancel_url,
  });
  let invoice = await services.store.insertFormInvoice({ ...fresh, form_order: form.order_id });
  // An order whose invoice ran out (expired, canceled) unpaid starts over rather than dead-ending.
  const lapsed = ['expired', 'canceled'].includes(effectiveInvoiceStatus(invoice, services.now()));
  if (lapsed && (await services.store.releaseFormOrder(invoice.id, services.now()))) {
    invoice = await services.store.insertFormInvoice({ ...fresh, form_order: form.order_id });
  }
  const same =
    invoice.amount === fresh.amount &&
    invoice.currency === fresh.currency &&
    invoice.success_url === fresh.success_url &&
    invoice.cancel_url === fresh.cancel_url;
  if (!same) throw new PayframeError('form_order_conflict');
  return invoice;
}
