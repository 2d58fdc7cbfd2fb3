import { orderCheckAnswerSchema } from '../../protocol/order-check';
import type { InvoiceRecord, PaymentRecord } from '../store/records';
import { signingSecrets, webhookHeaders } from '../webhooks/signature';
import { invoiceView } from './invoices';
import type { Services } from './services';

/** The merchant's verdict; `reason` says why a payment was stopped, for the logs and the tests. */
export type OrderVerdict = { ok: true } | { ok: false; reason: string };

/**
 * Asks the app's order-check URL, if it has one, whether this payment may go ahead: a signed POST
 * (Standard Webhooks headers, the app's webhook secret) of `{type: "order.check", timestamp,
 * data: {invoice, payment}}`, answered `{ok: true}` or `{ok: false, reason}`. Anything else (no
 * answer in time, another status, another body) stops the payment too: the check exists so that
 * nothing is charged that the merchant did not agree to.
 */
export async function checkOrder(
  services: Services,
  invoice: InvoiceRecord,
  payment: PaymentRecord,
): Promise<OrderVerdict> {
  const timeoutMs = services.config.orderCheckTimeoutMs;
  try {
    const app = await services.store.findApp(invoice.app_id);
    if (!app?.order_check_url) return { ok: true };
    const body = orderCheckBody(services, invoice, payment);
    const response = await fetch(app.order_check_url, {
      method: 'POST',
      headers: {
        // Signed like a webhook, with both secrets while one is rotated out.
        ...webhookHeaders(
          signingSecrets(app, services.now()),
          payment.id,
          Math.floor(Date.now() / 1000),
          body,
        ),
        'content-type': 'application/json',
        'user-agent': 'Payframe-OrderCheck/1',
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (response.status < 200 || response.status >= 300) {
      await response.body?.cancel();
      return { ok: false, reason: `the order check answered HTTP ${response.status}` };
    }
    const text = await readAtMost(response, MAX_ANSWER_BYTES);
    const answer = orderCheckAnswerSchema.safeParse(text === null ? null : parseJson(text));
    if (!answer.success) return { ok: false, reason: 'the order check answered no {ok} verdict' };
    return answer.data.ok
      ? { ok: true }
      : { ok: false, reason: answer.data.reason ?? 'the order check said no' };
  } catch {
    return { ok: false, reason: `the order check gave no answer within ${timeoutMs} ms` };
  }
}

/** A verdict is a few bytes; a longer answer is not read to its end. */
const MAX_ANSWER_BYTES = 4096;

function orderCheckBody(services: Services, invoice: InvoiceRecord, payment: PaymentRecord) {
  return JSON.stringify({
    type: 'order.check',
    timestamp: new Date(services.now()).toISOString(),
    data: {
      invoice: invoiceView(invoice, services),
      payment: {
        id: payment.id,
        amount: payment.amount,
        currency: payment.currency,
        card: {
          brand: payment.brand,
          last4: payment.last4,
          exp_month: payment.exp_month,
          exp_year: payment.exp_year,
        },
      },
    },
  });
}

/** The body as text, or null when it is longer than `limit` bytes. */
async function readAtMost(response: Response, limit: number): Promise<string | null> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
