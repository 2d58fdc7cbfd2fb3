import { describe, expect, it } from 'vitest';
import {
  embeddingOf,
  isSerializedOrigin,
  localeFromHash,
  parseHashParams,
  tokenFromPath,
} from './hash-params';

const channel = 'ch_0123456789abcdef';

describe('parseHashParams', () => {
  it('is standalone without a fragment or without origin and channel keys', () => {
    expect(parseHashParams('')).toEqual({ kind: 'standalone' });
    expect(parseHashParams('#')).toEqual({ kind: 'standalone' });
    expect(parseHashParams('#section-2')).toEqual({ kind: 'standalone' });
  });

  it('reads a URL-encoded origin and the channel', () => {
    const hash = `#origin=${encodeURIComponent('http://localhost:5173')}&channel=${channel}`;
    expect(parseHashParams(hash)).toEqual({
      kind: 'embedded',
      origin: 'http://localhost:5173',
      channel,
    });
  });

  it('reads an origin that was not encoded', () => {
    expect(parseHashParams(`#origin=https://shop.example&channel=${channel}`)).toEqual({
      kind: 'embedded',
      origin: 'https://shop.example',
      channel,
    });
  });

  it.each([
    ['a path', 'https://shop.example/cart'],
    ['a trailing slash', 'https://shop.example/'],
    ['an upper-case host', 'https://Shop.example'],
    ['a default port', 'https://shop.example:443'],
    ['the opaque origin', 'null'],
    ['a wildcard', '*'],
    ['another scheme', 'javascript:alert(1)'],
    ['a file URL', 'file:///tmp/x.html'],
    ['an empty value', ''],
  ])('rejects %s as origin', (_, origin) => {
    const parsed = parseHashParams(`#origin=${encodeURIComponent(origin)}&channel=${channel}`);
    expect(parsed).toEqual({ kind: 'invalid', reason: 'origin is not an origin' });
  });

  it('rejects two origins', () => {
    const parsed = parseHashParams(
      `#origin=https%3A%2F%2Fa.example&origin=https%3A%2F%2Fb.example&channel=${channel}`,
    );
    expect(parsed).toEqual({ kind: 'invalid', reason: 'expected exactly one origin' });
  });

  it('rejects a channel without an origin', () => {
    expect(parseHashParams(`#channel=${channel}`)).toEqual({
      kind: 'invalid',
      reason: 'expected exactly one origin',
    });
  });

  it('rejects a missing or malformed channel', () => {
    const origin = encodeURIComponent('https://shop.example');
    expect(parseHashParams(`#origin=${origin}`)).toMatchObject({ kind: 'invalid' });
    expect(parseHashParams(`#origin=${origin}&channel=short`)).toEqual({
      kind: 'invalid',
      reason: 'malformed channel',
    });
    expect(parseHashParams(`#origin=${origin}&channel=${channel}%3Cscript%3E`)).toEqual({
      kind: 'invalid',
      reason: 'malformed channel',
    });
  });
});

describe('isSerializedOrigin', () => {
  it('accepts origins as browsers report them', () => {
    expect(isSerializedOrigin('http://localhost:5173')).toBe(true);
    expect(isSerializedOrigin('https://xn--bcher-kva.example')).toBe(true);
    expect(isSerializedOrigin('http://127.0.0.1:4001')).toBe(true);
  });
});

describe('embeddingOf', () => {
  const allowed = ['http://localhost:5173', 'https://shop.example'];

  it('connects only to an origin that is exactly one of the allowed origins', () => {
    expect(
      embeddingOf({ kind: 'embedded', origin: 'https://shop.example', channel }, allowed),
    ).toEqual({ kind: 'embedded', origin: 'https://shop.example', channel });
  });

  it('refuses an origin that is not allowed', () => {
    expect(
      embeddingOf({ kind: 'embedded', origin: 'https://evil.example', channel }, allowed),
    ).toEqual({ kind: 'refused', reason: 'https://evil.example is not an allowed origin' });
    expect(
      embeddingOf({ kind: 'embedded', origin: 'http://localhost:5174', channel }, allowed),
    ).toMatchObject({ kind: 'refused' });
  });

  it('refuses a malformed fragment rather than showing the standalone page', () => {
    expect(embeddingOf({ kind: 'invalid', reason: 'malformed channel' }, allowed)).toEqual({
      kind: 'refused',
      reason: 'malformed channel',
    });
  });

  it('is standalone without a fragment, whatever the allowed origins', () => {
    expect(embeddingOf({ kind: 'standalone' }, [])).toEqual({ kind: 'standalone' });
  });
});

describe('tokenFromPath', () => {
  it('reads the token from /checkout/{token}', () => {
    expect(tokenFromPath('/checkout/ct_4sT9kQ2mXw')).toBe('ct_4sT9kQ2mXw');
    expect(tokenFromPath('/checkout/ct_4sT9kQ2mXw/')).toBe('ct_4sT9kQ2mXw');
  });

  it('returns null for other paths and for tokens with other characters', () => {
    expect(tokenFromPath('/')).toBeNull();
    expect(tokenFromPath('/checkout/')).toBeNull();
    expect(tokenFromPath('/checkout/ct_a/extra')).toBeNull();
    expect(tokenFromPath('/checkout/..%2Fv1')).toBeNull();
  });
});

describe('localeFromHash', () => {
  it('reads the locale the host asked for beside origin and channel', () => {
    expect(localeFromHash(`#origin=https://shop.example&channel=${channel}&locale=de-CH`)).toBe(
      'de-CH',
    );
    expect(localeFromHash('#locale=auto')).toBe('auto');
  });

  it('ignores a missing, repeated or malformed locale', () => {
    expect(localeFromHash(`#origin=https://shop.example&channel=${channel}`)).toBeUndefined();
    expect(localeFromHash('#locale=de&locale=fr')).toBeUndefined();
    expect(localeFromHash('#locale=%3Cscript%3E')).toBeUndefined();
    expect(localeFromHash('#locale=')).toBeUndefined();
  });
});
