import { describe, expect, it } from 'vitest';
import { idSchema, newId, randomBase62 } from './ids';

describe('ids', () => {
  it('are prefixed random base62', () => {
    expect(newId('pay')).toMatch(/^pay_[0-9A-Za-z]{22}$/);
    expect(randomBase62(40)).toMatch(/^[0-9A-Za-z]{40}$/);
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
