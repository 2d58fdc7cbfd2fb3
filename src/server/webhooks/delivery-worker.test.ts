import { Webhook } from 'standardwebhooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../protocol/ids';
import { createMerchantApp } from '../domain/apps';
import { TestClock } from '../domain/test-clock';
import type { KyselyStore } from '../store/kysely-store';
import { insertEvents } from '../store/outbox';
import { storesUnderTest, type TestStore } from '../test-support/test-stores';
import {
  startWebhookReceiver,
  type Behaviour,
  type WebhookReceiver,
} from '../test-support/webhook-receiver';
import { WebhookWorker } from './delivery-worker';
import { MAX_ATTEMPTS, RETRY_DELAYS_MS } from './schedule';

const stores = await storesUnderTest();
const MINUTE = 60_000;

describe.each(stores)('webhook delivery worker on %s', (_name, open) => {
  let t: TestStore;
  let clock: TestClock;
  let receiver: WebhookReceiver | undefined;
  const extraStores: KyselyStore[] = [];

  beforeEach(async () => {
    t = await open();
    clock = new TestClock();
  });
  afterEach(async () => {
    await receiver?.close();
    receiver = undefined;
    for (const store of extraStores.splice(0)) await store.close();
    await t.dispose();
  });

  const services = (store: KyselyStore = t.store) => ({ store, now: clock.now });
  /** A worker whose jitter is zero (random 0.5), so retry times are exact. */
  const worker = (store?: KyselyStore, options = {}) =>
    new WebhookWorker(services(store), { random: () => 0.5, timeoutMs: 500, ...options });

  async function appWith(behave?: (index: number) => Behaviour) {
    receiver = await startWebhookReceiver(behave && ((_, index) => behave(index)));
    const keys = await createMerchantApp(services(), {
      name: 'Shop',
      allowedOrigins: ['https://shop.example'],
      webhookUrl: receiver.url,
    });
    return keys;
  }

  async function addEvents(appId: string, count: number, type = 'payment.captured') {
    const ids = Array.from({ length: count }, () => newId('evt'));
    await t.store.db
      .insertInto('events')
      .values(
        ids.map((id, n) => ({
          id,
          app_id: appId,
          type,
          data: JSON.stringify({ id: `pay_${n}`, object: 'payment', amount: 1000 + n }),
          created_at: clock.now(),
        })),
      )
      .execute();
    return ids;
  }

  const eventRow = (id: string) =>
    t.store.db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('delivers an event signed per Standard Webhooks, checked by an independent verifier', async () => {
    const keys = await appWith();
    const [id] = await addEvents(keys.app.id, 1);
    expect(await worker().runOnce()).toBe(1);

    expect(receiver!.received).toHaveLength(1);
    const [delivery] = receiver!.received;
    const verified = new Webhook(keys.webhookSecret).verify(delivery!.body, {
      'webhook-id': String(delivery!.headers['webhook-id']),
      'webhook-timestamp': String(delivery!.headers['webhook-timestamp']),
      'webhook-signature': String(delivery!.headers['webhook-signature']),
    });
    expect(verified).toEqual({
      type: 'payment.captured',
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      data: { id: 'pay_0', object: 'payment', amount: 1000 },
    });
    expect(delivery!.headers['webhook-id']).toBe(id);
    expect(delivery!.headers['content-type']).toBe('application/json');
    expect(await eventRow(id!)).toMatchObject({ delivery: 'delivered', attempts: 1 });
    // Delivered events are not sent again.
    expect(await worker().runOnce()).toBe(0);
  });

  it('retries on 500, timeout, dropped connection and 429 on schedule, honouring Retry-After, with one webhook-id', async () => {
    const answers: Behaviour[] = [
      { status: 500 },
      'hang',
      'reset',
      { status: 429, headers: { 'retry-after': '10800' } },
      { status: 204 },
    ];
    const keys = await appWith((index) => answers[index] ?? { status: 200 });
    const [id] = await addEvents(keys.app.id, 1);
    const sender = worker();

    // The fourth wait is the schedule's 2 h stretched to the 3 h the endpoint asked for.
    const expectedWaits = [
      RETRY_DELAYS_MS[0]!,
      RETRY_DELAYS_MS[1]!,
      RETRY_DELAYS_MS[2]!,
      10_800_000,
    ];
    for (const wait of expectedWaits) {
      const before = clock.now();
      await sender.runOnce();
      const row = await eventRow(id!);
      expect(row.delivery).toBe('pending');
      expect(row.next_attempt_at - before).toBeGreaterThanOrEqual(wait);
      expect(row.next_attempt_at - clock.now()).toBeLessThanOrEqual(wait);
      // Not due yet: nothing is sent a moment before its time.
      clock.advance(wait - 1000);
      expect(await sender.runOnce()).toBe(0);
      clock.advance(1000);
    }
    await sender.runOnce();

    expect(await eventRow(id!)).toMatchObject({ delivery: 'delivered', attempts: 5 });
    expect(receiver!.received.map((d) => d.id)).toEqual(Array(5).fill(id));
    const log = await t.store.listAttempts(keys.app.id, [id!]);
    expect(log.map((a) => [a.attempt, a.status_code])).toEqual([
      [1, 500],
      [2, null],
      [3, null],
      [4, 429],
      [5, 204],
    ]);
    expect(log[1]!.error).toBe('no answer within 0.5 s');
    expect(log[2]!.error).toMatch(/connection|socket|fetch failed/i);
  });

  it('gives up after the last retry, then sends again from the start when resent', async () => {
    const keys = await appWith(() => ({ status: 503 }));
    const [id] = await addEvents(keys.app.id, 1);
    const sender = worker();
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await sender.runOnce();
      clock.advance(11 * 60 * MINUTE);
    }
    expect(await eventRow(id!)).toMatchObject({ delivery: 'failed', attempts: MAX_ATTEMPTS });
    expect(await sender.runOnce()).toBe(0);

    expect(await t.store.resendEvent(keys.app.id, id!, clock.now())).toMatchObject({
      delivery: 'pending',
    });
    expect(await sender.runOnce()).toBe(1);
    expect(receiver!.received).toHaveLength(MAX_ATTEMPTS + 1);
    const log = await t.store.listAttempts(keys.app.id, [id!]);
    expect(log.at(-1)!.attempt).toBe(MAX_ATTEMPTS + 1);
  });

  it('disables the endpoint on 410; its events wait and go out once a URL is set again', async () => {
    const keys = await appWith((index) => (index === 0 ? { status: 410 } : { status: 200 }));
    const ids = await addEvents(keys.app.id, 3);
    const sender = worker(undefined, { maxInFlight: 1 });
    await sender.runOnce();
    expect(receiver!.received).toHaveLength(1);
    expect((await t.store.findApp(keys.app.id))!.webhook_disabled_at).not.toBeNull();
    expect(await sender.runOnce()).toBe(0);

    await t.store.setWebhookUrl(keys.app.id, receiver!.url);
    await sender.runOnce();
    expect(receiver!.ids()).toEqual(ids);
    for (const id of ids) expect((await eventRow(id)).delivery).toBe('delivered');
  });

  it('signs with both secrets while one is rotated out, then with the new one alone', async () => {
    const keys = await appWith();
    const newSecret = 'whsec_' + Buffer.from('a'.repeat(24)).toString('base64');
    await t.store.rotateWebhookSecret(keys.app.id, newSecret, clock.now() + 60 * MINUTE);
    await addEvents(keys.app.id, 1);
    await worker().runOnce();
    const during = receiver!.received[0]!;
    const headers = (d: typeof during) => ({
      'webhook-id': String(d.headers['webhook-id']),
      'webhook-timestamp': String(d.headers['webhook-timestamp']),
      'webhook-signature': String(d.headers['webhook-signature']),
    });
    expect(String(during.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(() => new Webhook(newSecret).verify(during.body, headers(during))).not.toThrow();
    expect(() =>
      new Webhook(keys.webhookSecret).verify(during.body, headers(during)),
    ).not.toThrow();

    clock.advance(61 * MINUTE);
    await addEvents(keys.app.id, 1);
    await worker().runOnce();
    const after = receiver!.received[1]!;
    expect(() => new Webhook(newSecret).verify(after.body, headers(after))).not.toThrow();
    expect(() => new Webhook(keys.webhookSecret).verify(after.body, headers(after))).toThrow();
  });

  it('loses nothing when a process dies holding leases: another sends those once they lapse', async () => {
    const keys = await appWith();
    const ids = await addEvents(keys.app.id, 20);
    // A process leased five events and died before recording them (sent or not).
    const dead = await t.store.leaseDueEvents({
      owner: 'dead-process',
      dueBy: clock.now(),
      leaseNow: Date.now(),
      leaseUntil: Date.now() + 60_000,
      limit: 5,
      perApp: 10,
      excludeApps: [],
    });
    expect(dead).toHaveLength(5);
    const restarted = t.reopen();
    extraStores.push(restarted);
    let wallOffset = 0;
    const second = worker(restarted, { wallClock: () => Date.now() + wallOffset });
    expect(await second.runOnce()).toBe(15);
    // Leases run on real time, not the test clock: moving that clock takes no lease over.
    clock.advance(2 * 60 * MINUTE);
    expect(await second.runOnce()).toBe(0);
    wallOffset = 61_000;
    expect(await second.runOnce()).toBe(5);
    expect(receiver!.received).toHaveLength(20);
    expect(receiver!.ids().sort()).toEqual([...ids].sort());
    for (const id of ids) {
      expect((await restarted.findEvent(keys.app.id, id))!.delivery).toBe('delivered');
    }
  });

  it('keeps other apps’ webhooks flowing while one app’s endpoint hangs', async () => {
    const slow = await appWith(() => 'hang');
    const fast = await startWebhookReceiver();
    const other = await createMerchantApp(services(), {
      name: 'Other',
      allowedOrigins: ['https://other.example'],
      webhookUrl: fast.url,
    });
    try {
      await addEvents(slow.app.id, 30);
      const ids = await addEvents(other.app.id, 5);
      const sender = worker(undefined, { maxInFlight: 10, perApp: 3, timeoutMs: 3000 });
      const running = sender.runOnce();
      await expect.poll(() => fast.ids().length, { timeout: 2500 }).toBe(5);
      // Only the slow app's share of the slots is stuck on it.
      expect(receiver!.received).toHaveLength(3);
      expect(fast.ids().sort()).toEqual([...ids].sort());
      await receiver!.close();
      receiver = undefined;
      await running;
    } finally {
      await fast.close();
    }
  });

  it('records an event of an app without an endpoint as skipped, so no lease reads past it', async () => {
    const keys = await createMerchantApp(services(), {
      name: 'No endpoint',
      allowedOrigins: ['https://none.example'],
    });
    const event = (id: string) => ({
      id,
      app_id: keys.app.id,
      type: 'payment.captured',
      data: '{}',
      created_at: clock.now(),
    });
    const [quiet, heard] = [newId('evt'), newId('evt')];
    await insertEvents(t.store.db, [event(quiet)]);
    expect((await eventRow(quiet)).delivery).toBe('skipped');
    receiver = await startWebhookReceiver();
    await t.store.setWebhookUrl(keys.app.id, receiver.url);
    await insertEvents(t.store.db, [event(heard)]);
    expect((await eventRow(heard)).delivery).toBe('pending');
    await worker().runOnce();
    await expect.poll(() => receiver!.received.map((r) => r.id)).toEqual([heard]);
  });

  it('marks events from while no endpoint was set as skipped, sends new ones, resends on demand', async () => {
    receiver = await startWebhookReceiver();
    const keys = await createMerchantApp(services(), {
      name: 'Later',
      allowedOrigins: ['https://later.example'],
    });
    const [before] = await addEvents(keys.app.id, 1);
    await t.store.setWebhookUrl(keys.app.id, receiver.url);
    expect((await eventRow(before!)).delivery).toBe('skipped');
    const [after] = await addEvents(keys.app.id, 1);
    await worker().runOnce();
    expect(receiver.ids()).toEqual([after]);
    await t.store.resendEvent(keys.app.id, before!, clock.now());
    await worker().runOnce();
    expect(receiver.ids()).toEqual([after, before]);
  });

  it('two processes polling the same outbox never send the same attempt twice', async () => {
    const keys = await appWith();
    const ids = await addEvents(keys.app.id, 60);
    const other = t.reopen();
    extraStores.push(other);
    const a = worker(undefined, { maxInFlight: 7 });
    const b = worker(other, { maxInFlight: 7 });
    const [sentA, sentB] = await Promise.all([a.runOnce(), b.runOnce()]);
    expect(sentA + sentB).toBe(60);
    expect(receiver!.received).toHaveLength(60);
    expect(receiver!.ids().sort()).toEqual([...ids].sort());
  });
});
