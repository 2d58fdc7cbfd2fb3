import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FrameToHost, HostToFrame } from '../protocol/frame-messages';
import { HostLink } from './host-link';

const channel = 'ch_host_link_test';

/**
 * Plays the host page with this very window: the frame announces itself to `window` at our own
 * origin, and the test answers with a real MessageChannel port, as the embed does.
 */
function connectedLink(onMessage: (message: HostToFrame) => void = () => {}) {
  const content = document.body.appendChild(document.createElement('div'));
  content.style.height = '120px';
  const link = new HostLink({
    origin: location.origin,
    channel,
    onMessage,
    content,
    hostWindow: window,
  });
  const received: FrameToHost[] = [];
  const { port1, port2 } = new MessageChannel();
  port1.onmessage = (event) => received.push(event.data as FrameToHost);
  const answer = () =>
    window.postMessage({ type: 'payframe:connect', channel }, location.origin, [port2]);
  const dispose = () => {
    link.dispose();
    content.remove();
  };
  return { link, content, received, port: port1, answer, dispose };
}

describe('HostLink', () => {
  let cleanup: () => void = () => {};
  afterEach(() => cleanup());

  it('sends ready first, then what was queued before the handshake, then the height', async () => {
    const { link, received, answer, dispose } = connectedLink();
    cleanup = dispose;
    link.setPhase('entry');
    link.sendResult({ type: 'result', outcome: 'canceled', invoiceId: 'inv_1' });
    const connecting = link.connect();
    answer();
    await connecting;
    await expect.poll(() => received.length).toBe(4);
    expect(received.slice(0, 3)).toEqual([
      { type: 'ready' },
      { type: 'state', phase: 'entry' },
      { type: 'result', outcome: 'canceled', invoiceId: 'inv_1' },
    ]);
    expect(received[3]).toMatchObject({ type: 'resize', height: expect.any(Number) });
  });

  it('sends each phase change once', async () => {
    const { link, received, answer, dispose } = connectedLink();
    cleanup = dispose;
    const connecting = link.connect();
    answer();
    await connecting;
    link.setPhase('entry');
    link.setPhase('entry');
    link.setPhase(null);
    link.setPhase('processing');
    await expect
      .poll(() => received.filter((m) => m.type === 'state'))
      .toEqual([
        { type: 'state', phase: 'entry' },
        { type: 'state', phase: 'processing' },
      ]);
  });

  it('sends an integration error to the host', async () => {
    const { link, received, answer, dispose } = connectedLink();
    cleanup = dispose;
    const connecting = link.connect();
    answer();
    await connecting;
    link.sendError('invalid_appearance', 'appearance.theme is not an allowed value');
    await expect
      .poll(() => received.filter((m) => m.type === 'error'))
      .toEqual([
        {
          type: 'error',
          code: 'invalid_appearance',
          message: 'appearance.theme is not an allowed value',
        },
      ]);
  });

  it('sends the new height when the content grows', async () => {
    const { link, content, received, answer, dispose } = connectedLink();
    cleanup = dispose;
    const connecting = link.connect();
    answer();
    await connecting;
    const heights = () => received.flatMap((m) => (m.type === 'resize' ? [m.height] : []));
    await expect.poll(() => heights().length).toBe(1);
    expect(heights()[0]).toBe(Math.ceil(content.getBoundingClientRect().bottom + window.scrollY));
    content.style.height = '420px';
    await expect.poll(() => heights().length).toBe(2);
    expect(heights()[1]! - heights()[0]!).toBe(300);
  });

  it('passes valid host messages on and drops malformed ones', async () => {
    const onMessage = vi.fn();
    const { link, port, answer, dispose } = connectedLink(onMessage);
    cleanup = dispose;
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => {});
    const connecting = link.connect();
    answer();
    await connecting;
    port.postMessage({ type: 'configure', locale: 'en-GB' });
    port.postMessage({ type: 'configure', locale: '<script>' });
    port.postMessage({ type: 'close' });
    await expect.poll(() => onMessage.mock.calls.length).toBe(2);
    expect(onMessage.mock.calls.map(([message]) => message)).toEqual([
      { type: 'configure', locale: 'en-GB' },
      { type: 'close' },
    ]);
    expect(debug).toHaveBeenCalledWith(
      '[payframe] dropped a message:',
      'malformed "configure" message',
    );
    debug.mockRestore();
  });

  it('works on without a host window, posting nothing', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const post = vi.spyOn(window, 'postMessage');
    const link = new HostLink({
      origin: location.origin,
      channel,
      onMessage: () => {},
      content: document.body,
      hostWindow: null,
    });
    await link.connect();
    link.setPhase('entry');
    link.sendResult({ type: 'result', outcome: 'canceled', invoiceId: 'inv_1' });
    expect(post).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalled();
    post.mockRestore();
    warn.mockRestore();
  });
});
