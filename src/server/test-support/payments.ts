import { expect } from 'vitest';
import { cardBody, type TestServer } from './test-server';

/** An invoice paid through the frame's confirm; `manual` leaves the payment authorized. */
export async function paidPayment(
  server: TestServer,
  options: {
    capture?: 'automatic' | 'manual';
    amount?: number;
    orderId?: string;
    card?: string;
    cardOverrides?: Record<string, unknown>;
  } = {},
): Promise<string> {
  const invoice = await (
    await server.merchant('/v1/invoices', {
      body: {
        currency: 'EUR',
        order_id: options.orderId ?? 'order-1',
        amount: options.amount ?? 1000,
        capture: options.capture ?? 'automatic',
      },
    })
  ).json();
  const result = await (
    await fetch(`${server.url}/v1/checkout/${invoice.checkout.token}/confirm`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(cardBody(options.card ?? '4242424242424242', options.cardOverrides)),
    })
  ).json();
  expect(result.status).toBe('succeeded');
  return result.payment_id;
}

/** Asserts a problem+json answer with the given status and stable code. */
export async function expectProblem(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  expect(await response.json()).toMatchObject({ code });
}

/** The event types the app's outbox holds, in order. */
export async function eventTypes(server: TestServer): Promise<string[]> {
  return (await server.services.store.listEvents(server.appId)).map((e) => e.type);
}

/** `[type, amount]` of each transaction on a payment answer that moved money (succeeded). */
export function movements(payment: {
  transactions: { type: string; amount: number; status: string }[];
}) {
  return payment.transactions
    .filter((t) => t.status === 'succeeded')
    .map((t) => [t.type, t.amount]);
}
