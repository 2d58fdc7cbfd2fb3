import { describe, expect, it } from 'vitest';
import { challengeNotifySchema } from '../protocol/three-ds';
import { httpOrigin, parseNestedMessage } from './nested-frame';

const frameWindow = {} as Window;
const expected = { origin: 'http://localhost:4000', source: frameWindow };
const data = { type: 'payframe:challenge-complete', paymentId: 'pay_1' };

describe('parseNestedMessage', () => {
  it('accepts the expected message from the expected origin and window', () => {
    const event = { origin: 'http://localhost:4000', source: frameWindow, data };
    expect(parseNestedMessage(event, expected, challengeNotifySchema)).toEqual({
      ok: true,
      message: data,
    });
  });

  it.each([
    [
      { origin: 'http://127.0.0.1:4001', source: frameWindow, data },
      'not from the expected origin',
    ],
    [{ origin: 'http://localhost:4000', source: window, data }, 'not from our frame'],
    [{ origin: 'http://localhost:4000', source: null, data }, 'not from our frame'],
    [
      { origin: 'http://localhost:4000', source: frameWindow, data: { ...data, outcome: 'Y' } },
      'not the expected message',
    ],
  ])('rejects %o: %s', (event, reason) => {
    expect(parseNestedMessage(event, expected, challengeNotifySchema)).toEqual({
      ok: false,
      reason,
    });
  });

  it('rejects everything while the frame has no window or the origin is unknown', () => {
    const event = { origin: 'http://localhost:4000', source: null, data };
    expect(parseNestedMessage(event, { ...expected, source: null }, challengeNotifySchema)).toEqual(
      { ok: false, reason: 'not from our frame' },
    );
    expect(
      parseNestedMessage(
        { ...event, origin: 'null' },
        { origin: null, source: frameWindow },
        challengeNotifySchema,
      ),
    ).toEqual({ ok: false, reason: 'not from the expected origin' });
  });
});

describe('httpOrigin', () => {
  it('gives the origin of an http(s) URL and null for anything else', () => {
    expect(httpOrigin('http://127.0.0.1:4001/challenge?x=1')).toBe('http://127.0.0.1:4001');
    expect(httpOrigin('https://acs.example/c')).toBe('https://acs.example');
    expect(httpOrigin('javascript:alert(1)')).toBeNull();
    expect(httpOrigin('/relative')).toBeNull();
  });
});
