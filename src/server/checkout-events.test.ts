import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCheckoutEvent } from '../protocol/checkout-events';
import { openEventStream, type EventStreamReader } from './test-support/event-stream';
import { expectProblem } from './test-support/payments';
import {
  cardBody,
  SHOP_ORIGIN,
  startTestServer,
  type TestServer,
} from './test-support/test-server';
import { storesUnderTest, type TestStore } from './test-support/test-stores';
import { passChallenge } from './test-support/challenge';

const stores = await storesUnderTest();
const VISA = '4242424242424242';
const DECLINED = '4000000000000002';
const CHALLENGE = '4000000000003220';
/** Fast enough for tests; the defaults are one read a second and a comment every 15 s. */
const FAST = { pollMs: 25, heartbeatMs: 60_000, retryMs: 1500 };

describe.each(stores)('checkout status stream on %s', (_name, open) => {
  let store: TestStore;
  let server: TestServer;

  async function start(options: Parameters<typeof startTestServer>[1] = {}) {
    server = await startTestServer(store, { eventStreams: FAST, ...options });
  }
  beforeEach(async () => {
    store = await open();
  });
  // Streams still open are ended by the server closing (which a test below checks), not aborted:
  // fetch opens a spare connection after an abort, and an unused one holds server.close() up.
  afterEach(async () => {
    await server.close();
    await store.dispose();
  });

  async function checkout(): Promise<{ id: string; token: string }> {
    const response = await server.merchant('/v1/invoices', {
      body: { currency: 'EUR', order_id: 'o-events', amount: 2500 },
    });
    const invoice = await response.json();
    return { id: invoice.id, token: invoice.checkout.token };
  }
  const eventsUrl = (token: string, base = server.url) => `${base}/v1/checkout/${token}/events`;
  const follow = (token: string, headers: Record<string, string> = {}) =>
    openEventStream(eventsUrl(token), headers);
  /** The next event, checked against the protocol schema the page parses it with. */
  async function next(reader: EventStreamReader) {
    const received = await reader.next();
    const parsed = parseCheckoutEvent({ type: received.event, data: received.data });
    if (!parsed.ok) throw new Error(`${parsed.reason}: ${received.data}`);
    return { ...parsed.message, id: received.id };
  }
  /** The next event past `processing` statuses: a beat may catch an attempt under way. */
  async function settled(reader: EventStreamReader) {
    for (;;) {
      const received = await next(reader);
      if (received.name !== 'status' || received.data.status !== 'processing') return received;
    }
  }
  const confirm = async (token: string, number: string, base = server.url) =>
    (
      await fetch(`${base}/v1/checkout/${token}/confirm`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(cardBody(number)),
      })
    ).json();

  /** The status of a new stream, asked again while the server has not yet seen a client leave. */
  async function statusOnceFreed(token: string): Promise<number> {
    for (let tries = 0; ; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const reader = await follow(token);
      if (reader.response.status !== 503 || tries === 20) return reader.response.status;
    }
  }

  it('sends the status at once, then the succeeded result of a confirm, and ends', async () => {
    await start();
    const { id, token } = await checkout();
    const reader = await follow(token);
    expect(reader.response.status).toBe(200);
    expect(reader.response.headers.get('content-type')).toBe('text/event-stream');
    expect(reader.response.headers.get('cache-control')).toBe('no-store');
    expect(await next(reader)).toEqual({
      name: 'status',
      data: { status: 'open', invoice_id: id },
      id: null,
    });
    expect(reader.retry).toBe(1500);

    const paid = await confirm(token, VISA);
    expect(paid.status).toBe('succeeded');
    expect(await settled(reader)).toMatchObject({
      name: 'status',
      data: { status: 'paid', invoice_id: id, payment_id: paid.payment_id, outcome: 'succeeded' },
    });
    expect(await next(reader)).toEqual({
      name: 'result',
      data: { type: 'result', outcome: 'succeeded', invoiceId: id, paymentId: paid.payment_id },
      id: 'result',
    });
    expect(await reader.ended()).toEqual([]);
  });

  it('ends as the frame would when the merchant cancels the invoice', async () => {
    await start();
    const { id, token } = await checkout();
    const reader = await follow(token);
    await next(reader);
    await server.merchant(`/v1/invoices/${id}/cancel`, { method: 'POST' });
    expect(await settled(reader)).toMatchObject({
      name: 'status',
      data: { status: 'canceled', outcome: 'failed', error: { code: 'invoice_not_open' } },
    });
    expect(await next(reader)).toMatchObject({
      name: 'result',
      data: {
        outcome: 'failed',
        invoiceId: id,
        error: { code: 'invoice_not_open', retryable: false },
      },
    });
    expect(await reader.ended()).toEqual([]);
  });

  it('ends with checkout_expired once the checkout window passes', async () => {
    await start();
    const { token } = await checkout();
    const reader = await follow(token);
    await next(reader);
    await server.merchant('/v1/test/clock/advance', { body: { seconds: 3601 } });
    expect(await next(reader)).toMatchObject({ name: 'status', data: { status: 'expired' } });
    expect(await next(reader)).toMatchObject({
      name: 'result',
      data: { outcome: 'failed', error: { code: 'checkout_expired', retryable: false } },
    });
    expect(await reader.ended()).toEqual([]);
  });

  it('reports a retryable decline without ending, so the shopper can pay again', async () => {
    await start();
    const { id, token } = await checkout();
    const reader = await follow(token);
    await next(reader);
    const declined = await confirm(token, DECLINED);
    expect(await settled(reader)).toEqual({
      name: 'status',
      data: {
        status: 'open',
        invoice_id: id,
        payment_id: declined.payment_id,
        outcome: 'failed',
        error: { code: 'card_declined', message: 'The card was declined.', retryable: true },
      },
      id: null,
    });
    const paid = await confirm(token, VISA);
    expect(await settled(reader)).toMatchObject({ name: 'status', data: { status: 'paid' } });
    expect(await next(reader)).toMatchObject({
      name: 'result',
      data: { outcome: 'succeeded', paymentId: paid.payment_id },
    });
  });

  it('ends as failed, not retryable, once failed attempts lock the checkout', async () => {
    await start({ maxFailedAttempts: 2 });
    const { id, token } = await checkout();
    const reader = await follow(token);
    await next(reader);
    await confirm(token, DECLINED);
    expect(await settled(reader)).toMatchObject({ data: { status: 'open', outcome: 'failed' } });
    await confirm(token, DECLINED);
    expect(await settled(reader)).toMatchObject({
      name: 'status',
      data: { status: 'open', outcome: 'failed', error: { code: 'too_many_attempts' } },
    });
    expect(await next(reader)).toEqual({
      name: 'result',
      data: {
        type: 'result',
        outcome: 'failed',
        invoiceId: id,
        error: {
          code: 'too_many_attempts',
          message: 'Too many failed attempts for this checkout.',
          retryable: false,
        },
      },
      id: 'result',
    });
  });

  it('follows a 3-D Secure challenge to its end', async () => {
    await start();
    const { token } = await checkout();
    const reader = await follow(token);
    await next(reader);
    const pending = await confirm(token, CHALLENGE);
    expect(await settled(reader)).toMatchObject({
      data: { status: 'requires_action', payment_id: pending.payment_id },
    });
    await passChallenge(server, pending.action.parameters.creq);
    expect(await settled(reader)).toMatchObject({ data: { status: 'paid' } });
    expect(await next(reader)).toMatchObject({
      name: 'result',
      data: { outcome: 'succeeded', paymentId: pending.payment_id },
    });
  });

  it('sees a payment made through another server process on the same database', async () => {
    await start();
    const { token } = await checkout();
    const reader = await follow(token);
    await next(reader);
    const secondStore = store.reopen();
    const second = await startTestServer({ ...store, store: secondStore });
    try {
      const paid = await confirm(token, VISA, second.url);
      expect(await settled(reader)).toMatchObject({ data: { status: 'paid' } });
      expect(await next(reader)).toMatchObject({ data: { paymentId: paid.payment_id } });
    } finally {
      await second.close();
      await secondStore.close();
    }
  });

  it('answers an ended checkout whole, and 204 to a browser that already saw the result', async () => {
    await start();
    const { id, token } = await checkout();
    await confirm(token, VISA);
    const late = await follow(token);
    expect(await next(late)).toMatchObject({ name: 'status', data: { status: 'paid' } });
    expect(await next(late)).toMatchObject({ name: 'result', data: { invoiceId: id } });
    expect(await late.ended()).toEqual([]);
    const again = await fetch(eventsUrl(token), { headers: { 'last-event-id': 'result' } });
    expect(again.status).toBe(204);
    expect(await again.text()).toBe('');
  });

  it('echoes an allowed Origin and refuses any other with origin_not_allowed', async () => {
    await start();
    const { token } = await checkout();
    const allowed = await follow(token, { origin: SHOP_ORIGIN });
    expect(allowed.response.headers.get('access-control-allow-origin')).toBe(SHOP_ORIGIN);
    expect(allowed.response.headers.get('access-control-allow-credentials')).toBeNull();
    expect(allowed.response.headers.get('vary')).toContain('Origin');
    expect((await next(allowed)).name).toBe('status');

    const other = await fetch(eventsUrl(token), { headers: { origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    expect(other.headers.get('vary')).toContain('Origin');
    await expectProblem(other, 403, 'origin_not_allowed');
    const sandboxed = await fetch(eventsUrl(token), { headers: { origin: 'null' } });
    await expectProblem(sandboxed, 403, 'origin_not_allowed');

    for (const origin of [undefined, server.services.config.publicUrl]) {
      const sameOrigin = await follow(token, origin ? { origin } : {});
      expect(sameOrigin.response.headers.get('access-control-allow-origin')).toBeNull();
      expect((await next(sameOrigin)).name).toBe('status');
    }
  });

  it('answers an unknown token 404 checkout_not_found before any stream', async () => {
    await start();
    const unknown = await fetch(eventsUrl('ct_0000000000000000'), {
      headers: { origin: SHOP_ORIGIN },
    });
    expect(unknown.headers.get('access-control-allow-origin')).toBeNull();
    await expectProblem(unknown, 404, 'checkout_not_found');
    await expectProblem(await fetch(eventsUrl('not-a-token')), 400, 'invalid_request');
  });

  it('refuses streams past the cap with 503 too_many_streams, and frees a slot on disconnect', async () => {
    await start({ eventStreams: { ...FAST, maxStreams: 2 } });
    const { token } = await checkout();
    const first = await follow(token);
    await follow(token);
    const refused = await fetch(eventsUrl(token), { headers: { origin: SHOP_ORIGIN } });
    expect(refused.headers.get('retry-after')).toBe('2');
    expect(refused.headers.get('access-control-allow-origin')).toBe(SHOP_ORIGIN);
    await expectProblem(refused, 503, 'too_many_streams');

    first.close();
    expect(await statusOnceFreed(token)).toBe(200);
  });

  it('keeps a quiet stream alive with comments and ends it at its longest life', async () => {
    await start({ eventStreams: { ...FAST, heartbeatMs: 30, maxLifeMs: 300 } });
    const { token } = await checkout();
    const reader = await follow(token);
    await next(reader);
    expect(await reader.ended()).toEqual([]);
    expect(reader.comments.length).toBeGreaterThanOrEqual(2);
    expect(reader.comments[0]).toBe('keep-alive');
  });

  it('ends open streams when the server closes, without waiting for them', async () => {
    await start();
    const { token } = await checkout();
    const reader = await follow(token);
    await next(reader);
    const started = Date.now();
    await server.close();
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await reader.ended()).toEqual([]);
  });
});
