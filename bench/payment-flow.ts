import { performance } from 'node:perf_hooks';
import { AnswerTimeout, type JsonAnswer, type JsonClient } from './http-client';

/** The four requests of the full flow of DESIGN §11, in order. */
export const STEPS = ['create invoice', 'confirm', 'capture', 'validate'] as const;
export type Step = (typeof STEPS)[number];

export interface Sample {
  step: Step;
  /** performance.now() when the request was due (open loop: the flow's scheduled start). */
  start: number;
  end: number;
}

export interface FlowResult {
  samples: Sample[];
  /** Why the flow failed: the step and the unexpected answer. */
  failure?: string;
  /** The failure was a request the server did not answer in time (overload, not a wrong answer). */
  timedOut?: boolean;
}

export interface Merchant {
  client: JsonClient;
  secretKey: string;
  /** Makes order ids and idempotency keys unique across runs against the same database. */
  runId: string;
}

const CURRENCY = 'EUR';
const ITEMS = [
  { name: 'Espresso beans 1 kg', unit_amount: 2450, quantity: 1 },
  { name: 'Paper filters', unit_amount: 375, quantity: 2 },
];
const AMOUNT = ITEMS.reduce((sum, item) => sum + item.unit_amount * item.quantity, 0);
const CARD = {
  number: '4242424242424242',
  exp_month: 12,
  exp_year: new Date().getFullYear() + 3,
  cvc: '123',
  name: 'Bench Shopper',
};

class UnexpectedAnswer extends Error {}

type Json = Record<string, unknown>;

function expectAnswer(
  step: Step,
  answer: JsonAnswer,
  status: number,
  check: (body: Json) => boolean,
): Json {
  const body = answer.body as Json;
  if (answer.status !== status || typeof body !== 'object' || body === null || !check(body)) {
    const text = JSON.stringify(answer.body).slice(0, 300);
    throw new UnexpectedAnswer(`${step}: HTTP ${answer.status} ${text}`);
  }
  return body;
}

/**
 * One merchant order, end to end over HTTP, with every answer checked:
 * create invoice (manual capture) → confirm with an approved card → capture → validate.
 * `scheduledAt` is when the flow was due; the first request's latency counts from it.
 */
export async function runFlow(
  merchant: Merchant,
  sequence: number,
  scheduledAt = performance.now(),
): Promise<FlowResult> {
  const { client, secretKey, runId } = merchant;
  const auth = { authorization: `Bearer ${secretKey}` };
  const samples: Sample[] = [];
  let start = scheduledAt;
  // Every request counts, answered or not: leaving out one that timed out would flatter p99.
  const timed = async (step: Step, send: () => Promise<JsonAnswer>) => {
    try {
      return await send();
    } finally {
      const end = performance.now();
      samples.push({ step, start, end });
      start = end;
    }
  };
  const orderId = `order-${runId}-${sequence}`;
  try {
    const invoice = expectAnswer(
      'create invoice',
      await timed('create invoice', () =>
        client.post(
          '/v1/invoices',
          { currency: CURRENCY, items: ITEMS, order_id: orderId, capture: 'manual' },
          { ...auth, 'idempotency-key': `bench-${runId}-${sequence}` },
        ),
      ),
      201,
      (b) =>
        b.object === 'invoice' &&
        b.status === 'open' &&
        b.amount === AMOUNT &&
        b.order_id === orderId &&
        typeof (b.checkout as Json | undefined)?.token === 'string',
    );
    const token = (invoice.checkout as Json).token as string;
    const confirmed = expectAnswer(
      'confirm',
      await timed('confirm', () => client.post(`/v1/checkout/${token}/confirm`, { card: CARD })),
      200,
      (b) =>
        b.status === 'succeeded' &&
        b.invoice_id === invoice.id &&
        typeof b.payment_id === 'string' &&
        b.payment_id.startsWith('pay_'),
    );
    const paymentId = confirmed.payment_id as string;
    expectAnswer(
      'capture',
      await timed('capture', () => client.post(`/v1/payments/${paymentId}/capture`, {}, auth)),
      200,
      (b) =>
        b.id === paymentId &&
        b.status === 'captured' &&
        Array.isArray(b.transactions) &&
        b.transactions.some((t: Json) => t.type === 'CP' && t.amount === AMOUNT),
    );
    expectAnswer(
      'validate',
      await timed('validate', () =>
        client.post(
          `/v1/payments/${paymentId}/validate`,
          { amount: AMOUNT, currency: CURRENCY, order_id: orderId },
          auth,
        ),
      ),
      200,
      (b) =>
        b.valid === true &&
        Array.isArray(b.reasons) &&
        b.reasons.length === 0 &&
        (b.payment as Json | undefined)?.status === 'captured',
    );
    return { samples };
  } catch (error) {
    if (error instanceof UnexpectedAnswer) return { samples, failure: error.message };
    const step = samples.at(-1)?.step ?? STEPS[0];
    const failure = `${step}: ${(error as Error).message}`;
    return { samples, failure, timedOut: error instanceof AnswerTimeout };
  }
}
