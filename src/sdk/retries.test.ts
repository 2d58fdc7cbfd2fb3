import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Payframe, PayframeApiError, PayframeConnectionError } from './index';
import { startLoopbackProxy, type LoopbackProxy } from './test-support/loopback-proxy';
import { recordingFetch } from './test-support/recording-fetch';
import { startSdkTestServer, type SdkTestServer } from './test-support/sdk-server';

const BODY = { currency: 'EUR', order_id: 'order-retry', amount: 1200 };

describe('sdk idempotency and retries against the payment server', () => {
  let t: SdkTestServer;
  let proxy: LoopbackProxy;
  beforeEach(async () => {
    t = await startSdkTestServer();
    proxy = await startLoopbackProxy(t.server.url);
  });
  afterEach(async () => {
    await proxy.close();
    await t.close();
  });

  /** A client that talks through the proxy and records each attempt. */
  function throughProxy(options: { maxRetries?: number } = {}) {
    const recorder = recordingFetch();
    return {
      payframe: t.client({ baseUrl: proxy.url, fetch: recorder.fetch, ...options }),
      ...recorder,
    };
  }

  it('retries a create whose answer was lost with the same key and gets the replay', async () => {
    const { payframe, calls } = throughProxy();
    proxy.dropNextAnswer();
    const invoice = await payframe.invoices.create(BODY);
    expect(proxy.dropped).toBe(1);
    expect(calls.map((c) => [c.status, c.replayed])).toEqual([
      [null, false],
      [201, true],
    ]);
    expect(calls[0]!.idempotencyKey).toMatch(/^sdk_[0-9a-f-]{36}$/);
    expect(calls[1]!.idempotencyKey).toBe(calls[0]!.idempotencyKey);
    expect(await t.invoiceCount()).toBe(1);
    expect((await t.client().invoices.get(invoice.id)).order_id).toBe('order-retry');
  });

  it('captures once when the capture answer was lost and the call retried', async () => {
    const invoice = await t.client().invoices.create({ ...BODY, capture: 'manual' });
    const paymentId = await t.confirm(invoice.checkout.token);
    const { payframe, calls } = throughProxy();
    proxy.dropNextAnswer();
    const captured = await payframe.payments.capture(paymentId, { amount: 500 });
    expect(captured.status).toBe('captured');
    expect(calls.map((c) => c.replayed)).toEqual([false, true]);
    expect((await t.eventTypes()).filter((type) => type === 'payment.captured')).toHaveLength(1);
  });

  it('sends a fresh key for each call', async () => {
    const { payframe, calls } = throughProxy();
    await payframe.invoices.create(BODY);
    await payframe.invoices.create(BODY);
    expect(calls[0]!.idempotencyKey).not.toBe(calls[1]!.idempotencyKey);
    expect(await t.invoiceCount()).toBe(2);
  });

  it('waits out idempotency_key_in_use: two concurrent calls with one key get one invoice', async () => {
    // Hold the first request inside the server until the second has been told the key is busy.
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const store = t.server.services.store;
    const insertInvoice = store.insertInvoice.bind(store);
    store.insertInvoice = async (...args) => {
      entered();
      await held;
      return insertInvoice(...args);
    };
    const recorder = recordingFetch((call) => {
      if (call.status === 409) release();
    });
    const payframe = t.client({ fetch: recorder.fetch });
    const options = { idempotencyKey: 'invoice-order-retry' };
    const first = payframe.invoices.create(BODY, options);
    await inside;
    const second = payframe.invoices.create(BODY, options);
    const [a, b] = await Promise.all([first, second]);
    expect(b.id).toBe(a.id);
    expect(recorder.calls.map((c) => c.status)).toContain(409);
    expect(recorder.calls.at(-1)).toMatchObject({ status: 201, replayed: true });
    expect(await t.invoiceCount()).toBe(1);
  });

  it('does not retry a 400', async () => {
    const { payframe, calls } = throughProxy();
    await expect(payframe.invoices.create({ ...BODY, amount: 0 })).rejects.toMatchObject({
      status: 400,
      code: 'invalid_request',
    });
    expect(calls).toHaveLength(1);
  });

  it('does not retry a 422: a key reused for another body', async () => {
    const { payframe, calls } = throughProxy();
    await payframe.invoices.create(BODY, { idempotencyKey: 'k-1' });
    const error = await payframe.invoices
      .create({ ...BODY, amount: 1300 }, { idempotencyKey: 'k-1' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PayframeApiError);
    expect(error).toMatchObject({ status: 422, code: 'idempotency_key_reused' });
    expect(calls).toHaveLength(2);
  });

  it('retries a 5xx, honouring Retry-After', async () => {
    const { payframe, calls } = throughProxy();
    proxy.answerNextWith(503, { 'retry-after': '0' });
    await payframe.invoices.create(BODY);
    expect(calls.map((c) => c.status)).toEqual([503, 201]);
    expect(await t.invoiceCount()).toBe(1);
  });

  it('retries a GET whose answer was lost', async () => {
    const { id } = await t.client().invoices.create(BODY);
    const { payframe, calls } = throughProxy();
    proxy.dropNextAnswer();
    expect((await payframe.invoices.get(id)).id).toBe(id);
    expect(calls.map((c) => c.status)).toEqual([null, 200]);
  });
});

describe('sdk without an answer', () => {
  const listeners: { server: Server; sockets: Set<Socket> }[] = [];
  afterEach(async () => {
    for (const { server, sockets } of listeners.splice(0)) await closeServer(server, sockets);
  });

  async function closeServer(server: Server, sockets: Set<Socket>): Promise<void> {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  }

  /** A TCP port that accepts connections and never answers. */
  async function silentServer(): Promise<string> {
    const sockets = new Set<Socket>();
    const server = createServer((socket) => void sockets.add(socket));
    listeners.push({ server, sockets });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  /** A loopback port nobody listens on: connections are refused. */
  async function closedPort(): Promise<string> {
    const url = await silentServer();
    const { server, sockets } = listeners.pop()!;
    await closeServer(server, sockets);
    return url;
  }

  const client = (baseUrl: string, options: { maxRetries?: number; timeoutMs?: number }) => {
    const recorder = recordingFetch();
    const payframe = new Payframe({
      secretKey: 'sk_test_x',
      baseUrl,
      fetch: recorder.fetch,
      ...options,
    });
    return { payframe, calls: recorder.calls };
  };

  it('gives up after maxRetries with a connection error carrying the cause and the key', async () => {
    const { payframe, calls } = client(await closedPort(), {});
    const error = await payframe.invoices.create(BODY).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PayframeConnectionError);
    const failure = error as PayframeConnectionError;
    expect(failure.attempts).toBe(3);
    expect(failure.message).toContain('ECONNREFUSED');
    expect(failure.cause).toBeInstanceOf(TypeError);
    expect(calls).toHaveLength(3);
    expect(new Set(calls.map((c) => c.idempotencyKey))).toEqual(new Set([failure.idempotencyKey]));
  });

  it('makes exactly one attempt with maxRetries 0', async () => {
    const { payframe, calls } = client(await closedPort(), { maxRetries: 0 });
    await expect(payframe.invoices.get('inv_12345678')).rejects.toBeInstanceOf(
      PayframeConnectionError,
    );
    expect(calls).toHaveLength(1);
  });

  it('times out each attempt and retries it', async () => {
    const { payframe, calls } = client(await silentServer(), {
      maxRetries: 1,
      timeoutMs: 150,
    });
    const error = await payframe.invoices.get('inv_12345678').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PayframeConnectionError);
    expect((error as Error).cause).toMatchObject({ name: 'TimeoutError' });
    expect(calls).toHaveLength(2);
  });

  it('stops at once when the caller aborts, without retrying', async () => {
    const { payframe, calls } = client(await silentServer(), {});
    const controller = new AbortController();
    const call = payframe.invoices.create(BODY, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(call).rejects.toMatchObject({ name: 'AbortError' });
    expect(calls).toHaveLength(1);
  });
});
