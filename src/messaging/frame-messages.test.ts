import { describe, expect, test } from 'vitest';
import {
  connectSchema,
  frameReadySchema,
  parseFrameMessage,
  parseHostMessage,
  parseWindowMessage,
} from '../protocol/frame-messages';

/** The pure message filters of DESIGN §3, called with plain objects. */
const frameWindow = {} as Window;
const expected = {
  origin: 'https://pay.example',
  source: frameWindow,
  channel: 'channel-123',
  schema: frameReadySchema,
};
const announce = { type: 'payframe:frame-ready', channel: 'channel-123' };

describe('parseWindowMessage', () => {
  test('accepts the announcement from the expected origin, window and channel', () => {
    const parsed = parseWindowMessage(
      { origin: 'https://pay.example', source: frameWindow, data: announce },
      expected,
    );
    expect(parsed).toEqual({ ok: true, message: announce });
  });

  test.each([
    [
      'another origin',
      { origin: 'https://evil.example', source: frameWindow, data: announce },
      'not from the expected origin',
    ],
    [
      'the origin with a trailing slash',
      { origin: 'https://pay.example/', source: frameWindow, data: announce },
      'not from the expected origin',
    ],
    [
      'another window',
      { origin: 'https://pay.example', source: {} as Window, data: announce },
      'not from our window',
    ],
    [
      'no window',
      { origin: 'https://pay.example', source: null, data: announce },
      'not from our window',
    ],
    [
      'another channel',
      {
        origin: 'https://pay.example',
        source: frameWindow,
        data: { ...announce, channel: 'channel-999' },
      },
      'not for our channel',
    ],
    [
      'a channel with forbidden characters',
      {
        origin: 'https://pay.example',
        source: frameWindow,
        data: { ...announce, channel: 'chan nel/123' },
      },
      'malformed "payframe:frame-ready" message',
    ],
    [
      'a too short channel',
      {
        origin: 'https://pay.example',
        source: frameWindow,
        data: { ...announce, channel: 'short' },
      },
      'malformed "payframe:frame-ready" message',
    ],
    [
      'an extra key',
      { origin: 'https://pay.example', source: frameWindow, data: { ...announce, port: 1 } },
      'malformed "payframe:frame-ready" message',
    ],
    [
      'the other handshake message',
      {
        origin: 'https://pay.example',
        source: frameWindow,
        data: { ...announce, type: 'payframe:connect' },
      },
      'malformed "payframe:connect" message',
    ],
    [
      'a string',
      { origin: 'https://pay.example', source: frameWindow, data: 'payframe:frame-ready' },
      'not a Payframe message',
    ],
    [
      'null',
      { origin: 'https://pay.example', source: frameWindow, data: null },
      'not a Payframe message',
    ],
    [
      'an object without type',
      { origin: 'https://pay.example', source: frameWindow, data: { channel: 'channel-123' } },
      'not a Payframe message',
    ],
  ])('rejects a message with %s', (_, event, reason) => {
    expect(parseWindowMessage(event, expected)).toEqual({ ok: false, reason });
  });

  test('checks the origin before anything else', () => {
    const parsed = parseWindowMessage(
      { origin: 'https://evil.example', source: null, data: 'junk' },
      expected,
    );
    expect(parsed).toEqual({ ok: false, reason: 'not from the expected origin' });
  });

  test('accepts a connect when asked for one', () => {
    const connect = { type: 'payframe:connect', channel: 'channel-123' };
    const parsed = parseWindowMessage(
      { origin: 'https://shop.example', source: frameWindow, data: connect },
      { ...expected, origin: 'https://shop.example', schema: connectSchema },
    );
    expect(parsed).toEqual({ ok: true, message: connect });
  });
});

describe('parseFrameMessage', () => {
  test.each([
    { type: 'ready' },
    { type: 'resize', height: 0 },
    { type: 'resize', height: 612.5 },
    { type: 'state', phase: 'challenge' },
    { type: 'escape' },
    // A code this build does not know, from a newer frame: passed on, not dropped.
    { type: 'error', code: 'some_future_code', message: 'x' },
    { type: 'result', outcome: 'succeeded', invoiceId: 'inv_1', paymentId: 'pay_1' },
    {
      type: 'result',
      outcome: 'failed',
      invoiceId: 'inv_1',
      paymentId: 'pay_1',
      error: { code: 'card_declined', message: 'The card was declined.', retryable: true },
    },
    { type: 'result', outcome: 'canceled', invoiceId: 'inv_1' },
    {
      type: 'error',
      code: 'invalid_appearance',
      message: 'appearance.theme is not an allowed value',
    },
  ])('accepts %j', (data) => {
    expect(parseFrameMessage({ data })).toEqual({ ok: true, message: data });
  });

  test.each([
    [{ type: 'resize', height: '480px' }, 'malformed "resize" message'],
    [{ type: 'resize', height: -1 }, 'malformed "resize" message'],
    [{ type: 'resize', height: 10_001 }, 'malformed "resize" message'],
    [{ type: 'resize' }, 'malformed "resize" message'],
    [{ type: 'ready', extra: true }, 'malformed "ready" message'],
    [{ type: 'state', phase: 'done' }, 'malformed "state" message'],
    [{ type: 'result', outcome: 'refunded', invoiceId: 'inv_1' }, 'malformed "result" message'],
    [{ type: 'result', outcome: 'succeeded' }, 'malformed "result" message'],
    [
      {
        type: 'result',
        outcome: 'failed',
        invoiceId: 'inv_1',
        error: { code: 'Not A Code!', message: 'x', retryable: true },
      },
      'malformed "result" message',
    ],
    [
      {
        type: 'result',
        outcome: 'failed',
        invoiceId: 'inv_1',
        error: { code: 'card_declined', message: 'x', retryable: 'yes' },
      },
      'malformed "result" message',
    ],
    [{ type: 'error', code: 'not-a-code', message: 'x' }, 'malformed "error" message'],
    [{ type: 'error', code: 'invalid_appearance' }, 'malformed "error" message'],
    [{ type: 'close' }, 'malformed "close" message'],
    [{ type: 'hello' }, 'malformed "hello" message'],
    [{ type: 7 }, 'malformed "7" message'],
    [[], 'not a Payframe message'],
    [undefined, 'not a Payframe message'],
    [42, 'not a Payframe message'],
  ])('rejects %j', (data, reason) => {
    expect(parseFrameMessage({ data })).toEqual({ ok: false, reason });
  });
});

describe('parseHostMessage', () => {
  test.each([
    { type: 'close' },
    { type: 'configure' },
    { type: 'configure', locale: 'auto' },
    { type: 'configure', locale: 'de-CH' },
    // The frame checks the appearance itself (parseAppearance), so it can report what is wrong.
    { type: 'configure', appearance: { theme: 'dark' } },
    { type: 'configure', locale: 'fr', appearance: 'not an object' },
  ])('accepts %j', (data) => {
    expect(parseHostMessage({ data })).toEqual({ ok: true, message: data });
  });

  test.each([
    [{ type: 'configure', locale: 'de_CH' }, 'malformed "configure" message'],
    [{ type: 'configure', locale: 'x' }, 'malformed "configure" message'],
    [{ type: 'configure', locale: 'de', theme: 'dark' }, 'malformed "configure" message'],
    [{ type: 'close', now: true }, 'malformed "close" message'],
    [{ type: 'ready' }, 'malformed "ready" message'],
    [{ type: 'payframe:connect', channel: 'channel-123' }, 'malformed "payframe:connect" message'],
    ['close', 'not a Payframe message'],
  ])('rejects %j', (data, reason) => {
    expect(parseHostMessage({ data })).toEqual({ ok: false, reason });
  });
});
