import { describe, expect, it } from 'vitest';
import { appRecord } from '../test-support/app-record';
import type { AppRecord } from './records';
import { AppCache } from './app-cache';

const app = (overrides: Partial<AppRecord> = {}): AppRecord =>
  appRecord({
    id: 'app_1',
    allowed_origins: '["https://shop.example"]',
    publishable_key: 'pk_test_1',
    secret_key_hash: 'hash-1',
    webhook_secret: 'whsec_1',
    ...overrides,
  });

/** A cache on a clock the test moves, and a loader that counts its database reads. */
function setup(stored: AppRecord | null = app()) {
  const time = { now: 0 };
  const cache = new AppCache(1000, () => time.now);
  const reads = { count: 0 };
  const load = async () => {
    reads.count++;
    return stored ?? undefined;
  };
  return { cache, time, reads, load };
}

describe('AppCache', () => {
  it('answers a second read within the TTL from memory, by id or by secret-key hash', async () => {
    const { cache, reads, load } = setup();
    await cache.get({ secretHash: 'hash-1' }, load);
    expect(await cache.get({ secretHash: 'hash-1' }, load)).toMatchObject({ id: 'app_1' });
    expect(await cache.get({ id: 'app_1' }, load)).toMatchObject({ secret_key_hash: 'hash-1' });
    expect(reads.count).toBe(1);
  });

  it('reads the database again once the TTL has passed', async () => {
    const { cache, time, reads, load } = setup();
    await cache.get({ id: 'app_1' }, load);
    time.now = 1000;
    await cache.get({ id: 'app_1' }, load);
    expect(reads.count).toBe(2);
  });

  it('never keeps an unknown key', async () => {
    const { cache, reads, load } = setup(null);
    expect(await cache.get({ secretHash: 'wrong' }, load)).toBeUndefined();
    expect(await cache.get({ secretHash: 'wrong' }, load)).toBeUndefined();
    expect(reads.count).toBe(2);
  });

  it('after a clear, reads again, and does not keep a read that began before it', async () => {
    const { cache, reads, load } = setup();
    await cache.get({ id: 'app_1' }, load);
    cache.clear();
    const before = cache.get({ id: 'app_1' }, async () => {
      cache.clear(); // a write finished while this read was on its way
      return load();
    });
    await before;
    await cache.get({ id: 'app_1' }, load);
    expect(reads.count).toBe(3);
  });

  it('hands out apps that cannot be changed by a caller', async () => {
    const { cache, load } = setup();
    const found = await cache.get({ id: 'app_1' }, load);
    expect(Object.isFrozen(found)).toBe(true);
  });
});
