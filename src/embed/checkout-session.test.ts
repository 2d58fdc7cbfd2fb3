import { afterEach, describe, expect, test, vi } from 'vitest';
import {
  addFrame,
  crossOrigin,
  fixtureUrl,
  FrameProbe,
  settle,
} from '../messaging/test-fixtures/frame-harness';
import { CheckoutSession } from './checkout-session';
import { FRAME_LOAD_TIMEOUT_MS } from './constants';

/** The session on its own, with a frame the test keeps, so it can still talk after dispose(). */
const cleanups: (() => void)[] = [];
afterEach(() => {
  vi.useRealTimers();
  for (const cleanup of cleanups.splice(0)) cleanup();
});

async function connectedSession() {
  const frameOrigin = crossOrigin();
  const channel = `session-test-${Date.now()}`;
  const iframe = addFrame();
  const emit = vi.fn();
  const ended = vi.fn();
  const session = new CheckoutSession({
    paymentOrigin: frameOrigin,
    channel,
    frameWindow: () => iframe.contentWindow,
    emit,
    resize: () => {},
    ended,
  });
  iframe.src = fixtureUrl({ frameOrigin, hostOrigin: location.origin, channel });
  const probe = new FrameProbe(() => iframe.contentWindow, frameOrigin);
  cleanups.push(() => {
    session.dispose();
    probe.dispose();
    iframe.remove();
  });
  await probe.next('connected');
  return { session, probe, emit, ended };
}

describe('CheckoutSession', () => {
  test('after dispose() the frame can still post, but nothing is emitted', async () => {
    const { session, probe, emit } = await connectedSession();
    await probe.send({ type: 'ready' });
    await vi.waitFor(() => expect(emit).toHaveBeenCalledWith('payframe-ready', {}));

    session.dispose();
    await probe.send({
      type: 'result',
      outcome: 'succeeded',
      invoiceId: 'inv_1',
      paymentId: 'pay_1',
    });
    await settle();
    expect(emit).toHaveBeenCalledTimes(1);
  });

  test('dispose() also stops the load timer', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const emit = vi.fn();
    const session = new CheckoutSession({
      paymentOrigin: 'https://pay.example',
      channel: 'channel-123',
      frameWindow: () => null,
      emit,
      resize: () => {},
      ended: () => {},
    });

    session.dispose();
    vi.advanceTimersByTime(FRAME_LOAD_TIMEOUT_MS);
    expect(emit).not.toHaveBeenCalled();
  });

  test('a second ready is not a second payframe-ready', async () => {
    const { probe, emit } = await connectedSession();
    await probe.send({ type: 'ready' });
    await probe.send({ type: 'ready' });
    await probe.send({ type: 'result', outcome: 'canceled', invoiceId: 'inv_1' });
    await vi.waitFor(() =>
      expect(emit).toHaveBeenCalledWith('payframe-cancel', { invoiceId: 'inv_1' }),
    );

    expect(emit.mock.calls.map(([name]) => name)).toEqual(['payframe-ready', 'payframe-cancel']);
  });
});
