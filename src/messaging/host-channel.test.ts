import { afterEach, describe, expect, test, vi } from 'vitest';
import type { FrameToHost } from '../protocol/frame-messages';
import { openHostChannel, type HostChannel } from './host-channel';
import {
  addFrame,
  crossOrigin,
  fixtureUrl,
  FrameProbe,
  settle,
} from './test-fixtures/frame-harness';

/**
 * The handshake between this test page (the host) and a real iframe running the frame side
 * (`test-fixtures/test-frame.html`), loaded from another origin unless a test says otherwise.
 */
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

let counter = 0;
const newChannel = () => `test-channel-${++counter}-${Date.now()}`;

function setup(options: { frameOrigin?: string; expectOrigin?: string; channel?: string } = {}) {
  const frameOrigin = options.frameOrigin ?? crossOrigin();
  const channel = options.channel ?? newChannel();
  const iframe = addFrame();
  const received: FrameToHost[] = [];
  const rejected: { reason: string; data: unknown }[] = [];
  const host: HostChannel = openHostChannel({
    frameWindow: () => iframe.contentWindow,
    frameOrigin: options.expectOrigin ?? frameOrigin,
    channel,
    onMessage: (message) => received.push(message),
    onReject: (reason, data) => rejected.push({ reason, data }),
  });
  const probe = new FrameProbe(() => iframe.contentWindow, frameOrigin);
  cleanups.push(() => {
    host.dispose();
    probe.dispose();
    iframe.remove();
  });
  const load = (fragment: { origin?: string; channel?: string } = {}, timeoutMs?: number) => {
    iframe.src = fixtureUrl({
      frameOrigin,
      hostOrigin: fragment.origin ?? location.origin,
      channel: fragment.channel ?? channel,
      timeoutMs,
    });
  };
  return { frameOrigin, channel, iframe, host, probe, received, rejected, load };
}

const isFrameReady = (data: unknown) =>
  typeof data === 'object' &&
  data !== null &&
  'type' in data &&
  data.type === 'payframe:frame-ready';

describe('openHostChannel with a real frame', () => {
  test('connects to its own frame and carries messages both ways over the port', async () => {
    const { host, probe, received, load } = setup();
    load();
    await host.connected;
    await probe.next('connected');

    await probe.send({ type: 'resize', height: 480 });
    await vi.waitFor(() => expect(received).toEqual([{ type: 'resize', height: 480 }]));

    host.send({ type: 'configure', locale: 'de-CH' });
    const report = await probe.next('received');
    expect(report.message).toEqual({ type: 'configure', locale: 'de-CH' });
  });

  test('drops a malformed message on the port with its reason', async () => {
    const { host, probe, received, rejected, load } = setup();
    load();
    await host.connected;
    await probe.next('connected');

    await probe.send({ type: 'resize', height: 'tall' });
    await probe.send({ type: 'ready' });
    await vi.waitFor(() => expect(received).toEqual([{ type: 'ready' }]));
    expect(rejected).toContainEqual({
      reason: 'malformed "resize" message',
      data: { type: 'resize', height: 'tall' },
    });
  });

  test('rejects a frame-ready from another origin, and the frame gets no port', async () => {
    const { host, probe, rejected, load, channel } = setup({ expectOrigin: location.origin });
    const connected = vi.fn();
    void host.connected.then(connected);
    load({}, 300);

    const failed = await probe.next('failed');
    expect(failed.message).toBe('handshake_timeout');
    expect(rejected).toContainEqual({
      reason: 'not from the expected origin',
      data: { type: 'payframe:frame-ready', channel },
    });
    expect(connected).not.toHaveBeenCalled();
  });

  test('rejects a frame-ready for another channel, and the frame gets no port', async () => {
    const { probe, rejected, load } = setup();
    load({ channel: 'someone-elses-channel' }, 300);

    expect((await probe.next('failed')).message).toBe('handshake_timeout');
    expect(rejected).toContainEqual({
      reason: 'not for our channel',
      data: { type: 'payframe:frame-ready', channel: 'someone-elses-channel' },
    });
  });

  test('rejects a frame-ready from a sibling frame, which gets nothing, then connects its own', async () => {
    const { host, probe, rejected, load, frameOrigin, channel } = setup();
    const sibling = addFrame(
      fixtureUrl({ frameOrigin, hostOrigin: location.origin, channel, timeoutMs: 300 }),
    );
    const siblingProbe = new FrameProbe(() => sibling.contentWindow, frameOrigin);
    cleanups.push(() => {
      siblingProbe.dispose();
      sibling.remove();
    });

    expect((await siblingProbe.next('failed')).message).toBe('handshake_timeout');
    expect(siblingProbe.of('connected')).toEqual([]);
    expect(rejected).toContainEqual({
      reason: 'not from our window',
      data: { type: 'payframe:frame-ready', channel },
    });

    load();
    await host.connected;
    await probe.next('connected');
  });

  test('posts nothing to a page whose origin is not the one in the fragment', async () => {
    const { host, probe, rejected, load } = setup();
    const connected = vi.fn();
    void host.connected.then(connected);
    load({ origin: 'https://elsewhere.example' }, 300);

    await probe.next('announced');
    await probe.next('failed');
    await settle();
    expect(rejected.filter((r) => isFrameReady(r.data))).toEqual([]);
    expect(connected).not.toHaveBeenCalled();
  });

  test('dispose() stops delivery from the frame', async () => {
    const { host, probe, received, load } = setup();
    load();
    await host.connected;
    await probe.next('connected');

    host.dispose();
    await probe.send({ type: 'resize', height: 200 });
    await settle();
    expect(received).toEqual([]);
  });

  test('dispose() before the handshake leaves the frame unanswered', async () => {
    const { host, probe, load } = setup();
    host.dispose();
    load({}, 300);

    expect((await probe.next('failed')).message).toBe('handshake_timeout');
  });

  test('a frame that disposes its side receives nothing more', async () => {
    const { host, probe, load } = setup();
    load();
    await host.connected;
    await probe.next('connected');

    await probe.command({ command: 'dispose' });
    host.send({ type: 'close' });
    await settle();
    expect(probe.of('received')).toEqual([]);
  });

  test('transfers the port only to the exact payment origin', () => {
    const frameWindow = { postMessage: vi.fn() } as unknown as Window;
    const hostWindow = new EventTarget() as Window;
    const host = openHostChannel({
      frameWindow: () => frameWindow,
      frameOrigin: 'https://pay.example',
      channel: 'channel-123',
      onMessage: () => {},
      hostWindow,
    });
    cleanups.push(() => host.dispose());
    const announce = Object.assign(new Event('message'), {
      origin: 'https://pay.example',
      source: frameWindow,
      data: { type: 'payframe:frame-ready', channel: 'channel-123' },
    });
    hostWindow.dispatchEvent(announce);

    expect(frameWindow.postMessage).toHaveBeenCalledWith(
      { type: 'payframe:connect', channel: 'channel-123' },
      'https://pay.example',
      [expect.any(MessagePort)],
    );
  });

  test('ignores a message with no source while its frame is not attached', () => {
    const hostWindow = new EventTarget() as Window;
    const rejected = vi.fn();
    const host = openHostChannel({
      frameWindow: () => null,
      frameOrigin: 'https://pay.example',
      channel: 'channel-123',
      onMessage: () => {},
      onReject: rejected,
      hostWindow,
    });
    cleanups.push(() => host.dispose());
    const data = { type: 'payframe:frame-ready', channel: 'channel-123' };
    hostWindow.dispatchEvent(
      Object.assign(new Event('message'), { origin: 'https://pay.example', source: null, data }),
    );

    expect(rejected).toHaveBeenCalledWith('our frame is not attached', data);
  });

  test.each(['*', '/', 'null', 'https://pay.example/', 'pay.example'])(
    'refuses %j as the frame origin',
    (frameOrigin) => {
      expect(() =>
        openHostChannel({
          frameWindow: () => null,
          frameOrigin,
          channel: 'channel-123',
          onMessage: () => {},
        }),
      ).toThrow(TypeError);
    },
  );
});
