import { describe, expect, it } from 'vitest';
import {
  connectSchema,
  frameReadySchema,
  parseFrameMessage,
  parseHostMessage,
  parseWindowMessage,
} from './frame-messages';

const frameWindow = { name: 'frame' };
const expected = {
  origin: 'https://pay.example',
  source: frameWindow,
  channel: 'chan_12345678',
  schema: frameReadySchema,
};
const ready = { type: 'payframe:frame-ready', channel: 'chan_12345678' };

describe('parseWindowMessage', () => {
  it('accepts the announcement from the exact origin, window and channel', () => {
    expect(
      parseWindowMessage(
        { origin: 'https://pay.example', source: frameWindow as never, data: ready },
        expected,
      ),
    ).toEqual({ ok: true, message: ready });
  });

  it.each([
    ['https://evil.example', frameWindow, ready, 'not from the expected origin'],
    ['https://pay.example.evil', frameWindow, ready, 'not from the expected origin'],
    ['https://pay.example', { name: 'sibling' }, ready, 'not from our window'],
    [
      'https://pay.example',
      frameWindow,
      { ...ready, channel: 'chan_other123' },
      'not for our channel',
    ],
    [
      'https://pay.example',
      frameWindow,
      { type: 'payframe:connect', channel: 'chan_12345678' },
      'malformed "payframe:connect" message',
    ],
    [
      'https://pay.example',
      frameWindow,
      { ...ready, extra: 1 },
      'malformed "payframe:frame-ready" message',
    ],
    ['https://pay.example', frameWindow, 'payframe:frame-ready', 'not a Payframe message'],
  ])('rejects %s / %o / %o: %s', (origin, source, data, reason) => {
    expect(parseWindowMessage({ origin, source: source as never, data }, expected)).toEqual({
      ok: false,
      reason,
    });
  });

  it('parses the connect message with its own schema', () => {
    const data = { type: 'payframe:connect', channel: 'chan_12345678' };
    expect(
      parseWindowMessage(
        { origin: 'https://pay.example', source: frameWindow as never, data },
        { ...expected, schema: connectSchema },
      ).ok,
    ).toBe(true);
  });
});

describe('parseFrameMessage', () => {
  it('accepts each frame → host message', () => {
    for (const data of [
      { type: 'ready' },
      { type: 'resize', height: 412 },
      { type: 'state', phase: 'processing' },
      { type: 'result', outcome: 'succeeded', invoiceId: 'inv_1', paymentId: 'pay_1' },
      {
        type: 'result',
        outcome: 'failed',
        invoiceId: 'inv_1',
        error: { code: 'card_declined', message: 'Declined', retryable: true },
      },
    ]) {
      expect(parseFrameMessage({ data })).toEqual({ ok: true, message: data });
    }
  });

  it.each([
    [{ type: 'resize', height: -1 }],
    [{ type: 'resize', height: '400' }],
    [{ type: 'state', phase: 'done' }],
    [{ type: 'result', outcome: 'won', invoiceId: 'inv_1' }],
    [
      {
        type: 'result',
        outcome: 'failed',
        invoiceId: 'inv_1',
        error: { code: 'made_up', message: '', retryable: false },
      },
    ],
    [{ type: 'ready', extra: true }],
    [{ type: 'configure' }],
    [null],
  ])('rejects %o', (data) => {
    expect(parseFrameMessage({ data }).ok).toBe(false);
  });
});

describe('parseHostMessage', () => {
  it('accepts configure and close', () => {
    expect(parseHostMessage({ data: { type: 'configure', locale: 'de-DE' } }).ok).toBe(true);
    expect(parseHostMessage({ data: { type: 'close' } }).ok).toBe(true);
  });

  it('rejects a result sent towards the frame and a locale that is not a tag', () => {
    expect(
      parseHostMessage({ data: { type: 'result', outcome: 'succeeded', invoiceId: 'x' } }),
    ).toEqual({
      ok: false,
      reason: 'malformed "result" message',
    });
    expect(parseHostMessage({ data: { type: 'configure', locale: 'en;x<script>' } }).ok).toBe(
      false,
    );
  });
});
