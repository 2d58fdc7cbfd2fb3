import { describe, expect, it } from 'vitest';
import { AddressLimiter } from './address-limiter';

describe('AddressLimiter', () => {
  it('locks an address after the limit within the window, and only that address', () => {
    const limiter = new AddressLimiter(3, 60_000);
    for (let i = 0; i < 3; i++) limiter.recordFailure('10.0.0.1', 1000 + i);
    expect(limiter.isLocked('10.0.0.1', 2000)).toBe(true);
    expect(limiter.isLocked('10.0.0.2', 2000)).toBe(false);
  });

  it('unlocks once the failures leave the window', () => {
    const limiter = new AddressLimiter(2, 60_000);
    limiter.recordFailure('a', 0);
    limiter.recordFailure('a', 10_000);
    expect(limiter.isLocked('a', 59_999)).toBe(true);
    expect(limiter.isLocked('a', 60_000)).toBe(false);
  });
});
