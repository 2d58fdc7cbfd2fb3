import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IDEMPOTENCY_ABANDONED_MS, IDEMPOTENCY_RETENTION_MS } from './routes/idempotency';
import { startTestServer, type TestServer } from './test-support/test-server';
import { storesUnderTest, type TestStore } from './test-support/test-stores';

const stores = await storesUnderTest();

const BODY = { currency: 'EUR', order_id: 'idem-1', amount: 1500 };

describe.each(stores)('Idempotency-Key on %s', (_name, open) => {
  let store: TestStore;
  let server: TestServer;
  let clock = Date.now();
  beforeEach(async () => {
    store = await open();
    server = await startTestServer(store);
    clock = Date.now();
    server.services.now = () => clock;
  });
  afterEach(async () => {
    await server.close();
    await store.dispose();
  });

  const create = (key: string, body: unknown = BODY, secretKey?: string) =>
    fetch(`${server.url}/v1/invoices`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${secretKey ?? server.secretKey}`,
        'content-type': 'application/json',
        'idempotency-key': key,
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('replays the stored status and body for the same request', async () => {
    const first = await create('key-1');
    const again = await create('key-1', { amount: 1500, order_id: 'idem-1', currency: 'EUR' });
    expect(again.status).toBe(first.status);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.text()).toBe(await first.text());
  });

  it('refuses the same key with another body with 422', async () => {
    await create('key-2');
    const other = await create('key-2', { ...BODY, amount: 1600 });
    expect(other.status).toBe(422);
    expect(await other.json()).toMatchObject({ code: 'idempotency_key_reused' });
  });

  it('creates one invoice from concurrent duplicates', async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, () => create('key-3')));
    const created = answers.filter((a) => a.status === 201);
    const busy = answers.filter((a) => a.status === 409);
    expect(created.length + busy.length).toBe(10);
    expect(created.length).toBeGreaterThanOrEqual(1);
    const ids = new Set(await Promise.all(created.map(async (a) => (await a.json()).id)));
    expect(ids.size).toBe(1);
    for (const answer of busy) {
      expect(await answer.json()).toMatchObject({ code: 'idempotency_key_in_use' });
    }
    const replay = await create('key-3');
    expect((await replay.json()).id).toBe([...ids][0]);
  });

  it('keeps keys apart per app', async () => {
    const other = await startTestServer(store);
    try {
      const mine = await (await create('shared-key')).json();
      const theirs = await (await create('shared-key', BODY, other.secretKey)).json();
      expect(theirs.id).not.toBe(mine.id);
    } finally {
      await other.close();
    }
  });

  it('stores no answer for invalid parameters, so a corrected retry works', async () => {
    const bad = await create('key-4', { ...BODY, amount: -1 });
    expect(bad.status).toBe(400);
    const fixed = await create('key-4', BODY);
    expect(fixed.status).toBe(201);
    expect(fixed.headers.get('idempotent-replayed')).toBeNull();
  });

  it('replays domain refusals too', async () => {
    const path = '/v1/payments/pay_doesnotexist1/void';
    const post = () =>
      fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.secretKey}`, 'idempotency-key': 'key-5' },
      });
    const first = await post();
    expect(first.status).toBe(404);
    const again = await post();
    expect(again.status).toBe(404);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.headers.get('content-type')).toContain('application/problem+json');
  });

  it('keeps answers for 24 hours, then frees the key', async () => {
    const first = await (await create('key-6')).json();
    clock += IDEMPOTENCY_RETENTION_MS - 1000;
    expect((await (await create('key-6')).json()).id).toBe(first.id);
    clock += 2000;
    expect((await (await create('key-6')).json()).id).not.toBe(first.id);
  });

  it('frees a key whose first request never answered', async () => {
    await store.store.claimIdempotencyKey(
      {
        app_id: server.appId,
        key: 'key-7',
        request_hash: 'from a request that crashed',
        response_status: null,
        response_body: null,
        created_at: clock,
      },
      { expiredBefore: 0, abandonedBefore: 0 },
    );
    expect((await create('key-7')).status).toBe(422);
    clock += IDEMPOTENCY_ABANDONED_MS + 1;
    expect((await create('key-7')).status).toBe(201);
  });

  it('keeps the invoice and answer of the retry that took over a key from a request too slow to answer', async () => {
    // The first request stops inside the store until the test lets it go on.
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const served = server.services.store;
    const insertInvoice = served.insertInvoice.bind(served);
    let calls = 0;
    served.insertInvoice = async (...args) => {
      if (calls++ === 0) {
        entered();
        await held;
      }
      return insertInvoice(...args);
    };
    const slow = create('key-8');
    await inside;
    clock += IDEMPOTENCY_ABANDONED_MS + 1;
    const retry = await create('key-8');
    expect(retry.status).toBe(201);
    const retried = await retry.json();
    release();
    // The slow request's invoice is rolled back; it is told the key is another request's.
    const late = await slow;
    expect(late.status).toBe(409);
    expect(await late.json()).toMatchObject({ code: 'idempotency_key_in_use' });
    const invoices = await store.store.db.selectFrom('invoices').select('id').execute();
    expect(invoices.map((row) => row.id)).toEqual([retried.id]);
    const replay = await create('key-8');
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect((await replay.json()).id).toBe(retried.id);
  });

  it('rejects a malformed key', async () => {
    const response = await create('x'.repeat(256));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'invalid_request' });
  });
});
