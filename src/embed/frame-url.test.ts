import { describe, expect, test } from 'vitest';
import { frameUrl, randomChannelId } from './frame-url';

describe('frameUrl', () => {
  test('puts the token in the path and the host origin and channel in the fragment', () => {
    expect(
      frameUrl('http://localhost:4000', 'ct_abc123', 'http://localhost:5173', 'c0ffee42'),
    ).toBe(
      'http://localhost:4000/checkout/ct_abc123#origin=http%3A%2F%2Flocalhost%3A5173&channel=c0ffee42',
    );
  });

  test('adds a locale other than auto to the fragment', () => {
    const url = (locale?: string) =>
      new URL(frameUrl('https://pay.example', 'ct_1', 'https://shop.example', 'c0ffee42', locale));
    expect(new URLSearchParams(url('de-CH').hash.slice(1)).get('locale')).toBe('de-CH');
    expect(new URLSearchParams(url('auto').hash.slice(1)).has('locale')).toBe(false);
    expect(new URLSearchParams(url().hash.slice(1)).has('locale')).toBe(false);
  });

  test('encodes a token that would otherwise change the path or the fragment', () => {
    const url = new URL(
      frameUrl('https://pay.example', 'ct_a/../b#x?y', 'https://shop.example', 'c0ffee42'),
    );
    expect(url.pathname).toBe('/checkout/ct_a%2F..%2Fb%23x%3Fy');
    expect(url.search).toBe('');
    expect(new URLSearchParams(url.hash.slice(1)).get('origin')).toBe('https://shop.example');
  });
});

describe('randomChannelId', () => {
  test('is 32 characters the protocol accepts as a channel', () => {
    expect(randomChannelId()).toMatch(/^[0-9a-f]{32}$/);
  });

  test('differs on every call', () => {
    const ids = new Set(Array.from({ length: 100 }, randomChannelId));
    expect(ids.size).toBe(100);
  });
});
