import { describe, expect, it } from 'vitest';
import { idSchema, newId, randomBase62 } from './ids';

describe('ids', () => {
  it('are prefixed random base62', () => {
    expect(newId('pay')).toMatch(/^pay_[0-9A-Za-z]{22}$/);
    expect(randomBase62(40)).toMatch(/^[0-9A-Za-z]{40}$/);
  });

  it('sort by creation time, except checkout tokens, which are all random', () => {
    const times = [0, 61, 62, 1_700_000_000_000, 1_700_000_000_001, 1_800_000_000_000];
    const ids = times.map((ms) => newId('inv', ms));
    expect([...ids].sort()).toEqual(ids);
    expect(newId('pay', 1_700_000_000_000).slice(4, 12)).toBe(
      newId('txn', 1_700_000_000_000).slice(4, 12),
    );
    expect(newId('inv', 0).slice(4, 12)).toBe('00000000');
    // Two checkout tokens made in the same millisecond share no time prefix.
    const tokens = Array.from({ length: 50 }, () => newId('ct', 1_700_000_000_000).slice(3, 11));
    expect(new Set(tokens).size).toBe(50);
    for (const bad of [1.5, -1, 62 ** 8, Number.NaN]) {
      expect(() => newId('inv', bad)).toThrow(RangeError);
    }
  });

  it('do not repeat', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newId('inv')));
    expect(ids.size).toBe(1000);
  });

  it('use every base62 character', () => {
    const seen = new Set(randomBase62(20_000));
    expect(seen.size).toBe(62);
  });

  it('are checked against their prefix', () => {
    const schema = idSchema('inv');
    expect(schema.safeParse(newId('inv')).success).toBe(true);
    for (const bad of [newId('pay'), 'inv_', 'inv_abc', 'inv_abcdefgh!', `inv_${'a'.repeat(65)}`]) {
      expect(schema.safeParse(bad).success).toBe(false);
    }
  });
});
