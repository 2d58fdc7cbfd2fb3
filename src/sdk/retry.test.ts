import { describe, expect, it } from 'vitest';
import {
  BACKOFF_CAP_MS,
  RETRY_AFTER_MAX_MS,
  backoffDelay,
  retryAfterDelay,
  retryDelay,
  sleep,
} from './retry';

describe('sdk retry timing', () => {
  it('draws each wait between zero and a ceiling that doubles from 100 ms', () => {
    const almostOne = () => 0.999_999;
    expect([0, 1, 2, 3].map((retry) => backoffDelay(retry, almostOne))).toEqual([
      99, 199, 399, 799,
    ]);
    expect(backoffDelay(3, () => 0)).toBe(0);
  });

  it('never waits longer than the cap, however many retries', () => {
    expect(backoffDelay(50, () => 0.999_999)).toBe(BACKOFF_CAP_MS - 1);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2030-01-01T00:00:00Z');
    expect(retryAfterDelay('2', now)).toBe(2000);
    expect(retryAfterDelay('Tue, 01 Jan 2030 00:00:03 GMT', now)).toBe(3000);
    expect(retryAfterDelay('Mon, 31 Dec 2029 23:00:00 GMT', now)).toBe(0);
  });

  it('bounds a long Retry-After and ignores a missing or unreadable one', () => {
    expect(retryAfterDelay('3600')).toBe(RETRY_AFTER_MAX_MS);
    expect(retryAfterDelay(null)).toBeNull();
    expect(retryAfterDelay('soon')).toBeNull();
  });

  it('prefers the server’s Retry-After over its own backoff', () => {
    expect(retryDelay(0, '1')).toBe(1000);
    expect(retryDelay(0, null)).toBeLessThan(100);
  });

  it('stops waiting when the caller aborts, with the caller’s reason', async () => {
    const controller = new AbortController();
    const waiting = sleep(60_000, controller.signal);
    controller.abort(new Error('shopper left'));
    await expect(waiting).rejects.toThrow('shopper left');
  });
});
