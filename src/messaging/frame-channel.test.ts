import { afterEach, describe, expect, test, vi } from 'vitest';
import { connectToHost } from './frame-channel';
import { addFrame, crossOrigin, fixtureUrl, FrameProbe } from './test-fixtures/frame-harness';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

describe('connectToHost', () => {
  test('announces itself to the exact host origin, never "*"', async () => {
    const hostWindow = { postMessage: vi.fn() } as unknown as Window;
    const pending = connectToHost({
      hostWindow,
      hostOrigin: 'https://shop.example',
      channel: 'channel-123',
      onMessage: () => {},
      timeoutMs: 10,
    });

    expect(hostWindow.postMessage).toHaveBeenCalledExactlyOnceWith(
      { type: 'payframe:frame-ready', channel: 'channel-123' },
      'https://shop.example',
    );
    await expect(pending).rejects.toThrow('handshake_timeout');
  });

  test.each(['*', '/', 'null', '', 'https://shop.example/path'])(
    'refuses %j as the host origin without posting anything',
    async (hostOrigin) => {
      const hostWindow = { postMessage: vi.fn() } as unknown as Window;
      await expect(
        connectToHost({ hostWindow, hostOrigin, channel: 'channel-123', onMessage: () => {} }),
      ).rejects.toThrow(TypeError);
      expect(hostWindow.postMessage).not.toHaveBeenCalled();
    },
  );

  test('rejects a connect posted by a sibling frame instead of the host', async () => {
    const frameOrigin = crossOrigin();
    const channel = `sibling-test-${Date.now()}`;
    // The sibling shares the host's origin, so only the source check can tell it apart.
    const siblingOrigin = location.origin;
    const target = addFrame(fixtureUrl({ frameOrigin, hostOrigin: location.origin, channel }));
    const sibling = addFrame(
      fixtureUrl({ frameOrigin: siblingOrigin, hostOrigin: location.origin, channel: 'other-1' }),
    );
    const targetProbe = new FrameProbe(() => target.contentWindow, frameOrigin);
    const siblingProbe = new FrameProbe(() => sibling.contentWindow, siblingOrigin);
    cleanups.push(() => {
      targetProbe.dispose();
      siblingProbe.dispose();
      target.remove();
      sibling.remove();
    });
    await targetProbe.next('announced');
    await siblingProbe.next('announced');
    const frames = Array.from({ length: window.length }, (_, i) => window[i]);

    const forged = { type: 'payframe:connect', channel };
    await siblingProbe.command({
      command: 'post',
      target: frames.indexOf(target.contentWindow!),
      targetOrigin: frameOrigin,
      data: forged,
      withPort: true,
    });

    const rejection = await targetProbe.next('rejected', (r) => r.reason === 'not from our window');
    expect(rejection.data).toEqual(forged);
    expect(targetProbe.of('connected')).toEqual([]);
  });

  test('ignores a connect for another channel and takes the port of its own', async () => {
    const frameOrigin = crossOrigin();
    const iframe = addFrame(
      fixtureUrl({ frameOrigin, hostOrigin: location.origin, channel: 'right-channel-1' }),
    );
    const probe = new FrameProbe(() => iframe.contentWindow, frameOrigin);
    cleanups.push(() => {
      probe.dispose();
      iframe.remove();
    });
    await probe.next('announced');
    const frame = iframe.contentWindow!;

    const wrong = new MessageChannel();
    frame.postMessage({ type: 'payframe:connect', channel: 'wrong-channel-1' }, frameOrigin, [
      wrong.port2,
    ]);
    await probe.next('rejected', (r) => r.reason === 'not for our channel');
    expect(probe.of('connected')).toEqual([]);

    const right = new MessageChannel();
    frame.postMessage({ type: 'payframe:connect', channel: 'right-channel-1' }, frameOrigin, [
      right.port2,
    ]);
    await probe.next('connected');
    right.port1.postMessage({ type: 'close' });
    expect((await probe.next('received')).message).toEqual({ type: 'close' });
    right.port1.close();
    wrong.port1.close();
  });
});
