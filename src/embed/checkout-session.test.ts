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

describe('CheckoutSession: one terminal event whichever way the outcome comes', () => {
  const success = { type: 'result', outcome: 'succeeded', invoiceId: 'inv_1', paymentId: 'pay_1' };
  const terminal = (emit: ReturnType<typeof vi.fn>) =>
    emit.mock.calls.map(([name]) => name).filter((name) => name !== 'payframe-ready');

  test('the frame’s result first: the status stream’s copy and a late cancel change nothing', async () => {
    const { session, probe, emit } = await connectedSession();
    await probe.send({ type: 'ready' });
    await probe.send(success);
    await vi.waitFor(() => expect(terminal(emit)).toEqual(['payframe-success']));
    session.receive({
      type: 'result',
      outcome: 'succeeded',
      invoiceId: 'inv_1',
      paymentId: 'pay_1',
    });
    session.cancelHere('inv_1');
    session.close();
    await settle();
    expect(terminal(emit)).toEqual(['payframe-success']);
  });

  test('the stream’s result first: the frame’s copy arriving later is dropped', async () => {
    const { session, probe, emit } = await connectedSession();
    await probe.send({ type: 'ready' });
    session.receive({
      type: 'result',
      outcome: 'succeeded',
      invoiceId: 'inv_1',
      paymentId: 'pay_1',
    });
    await probe.send(success);
    await probe.send({ type: 'result', outcome: 'canceled', invoiceId: 'inv_1' });
    await settle();
    expect(terminal(emit)).toEqual(['payframe-success']);
  });

  test('a window closed with nothing under way: the cancel is the one ending', async () => {
    const { session, probe, emit } = await connectedSession();
    await probe.send({ type: 'ready' });
    session.cancelHere('inv_1');
    session.receive({
      type: 'result',
      outcome: 'succeeded',
      invoiceId: 'inv_1',
      paymentId: 'pay_1',
    });
    await settle();
    expect(emit.mock.calls.filter(([name]) => name !== 'payframe-ready')).toEqual([
      ['payframe-cancel', { invoiceId: 'inv_1' }],
    ]);
  });

  test('a retryable decline from the stream is not an ending; the success after it is', async () => {
    const { session, emit } = await connectedSession();
    session.receive({
      type: 'result',
      outcome: 'failed',
      invoiceId: 'inv_1',
      error: { code: 'card_declined', message: 'The card was declined.', retryable: true },
    });
    session.receive({
      type: 'result',
      outcome: 'succeeded',
      invoiceId: 'inv_1',
      paymentId: 'pay_2',
    });
    session.cancelHere('inv_1');
    expect(terminal(emit)).toEqual(['payframe-failure', 'payframe-success']);
  });
});
