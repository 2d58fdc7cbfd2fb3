import { fixture, fixtureCleanup, html } from '@open-wc/testing-helpers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page } from 'vitest/browser';
import type { ConfirmResult } from '../protocol/checkout';
import type { FrameToHost } from '../protocol/frame-messages';
import type { CheckoutApp } from './checkout-app.element';
import './define';
import { deferred, fakeApi, payWith, slowTiming } from './test-app';
import { openSummary } from './test-summary';

const channel = 'ch_close_test';
afterEach(() => fixtureCleanup());

/** The frame embedded in this page, with the test as its host over a real MessageChannel. */
async function embedded(confirm?: () => Promise<ConfirmResult>) {
  const ready = new Promise<void>((resolve) => {
    const onReady = (event: MessageEvent) => {
      if ((event.data as { type?: string } | null)?.type !== 'payframe:frame-ready') return;
      window.removeEventListener('message', onReady);
      resolve();
    };
    window.addEventListener('message', onReady);
  });
  const fake = fakeApi({
    summary: { ...openSummary, allowed_origins: [location.origin] },
    ...(confirm ? { confirm } : {}),
  });
  const where = {
    pathname: '/checkout/ct_test1',
    hash: `#origin=${encodeURIComponent(location.origin)}&channel=${channel}`,
  };
  const app = await fixture<CheckoutApp>(
    html`<payframe-checkout-app
      .api=${fake.api}
      .where=${where}
      .timing=${slowTiming}
      .hostWindow=${window}
    ></payframe-checkout-app>`,
  );
  await ready;
  const { port1, port2 } = new MessageChannel();
  const received: FrameToHost[] = [];
  port1.onmessage = (event) => received.push(event.data as FrameToHost);
  window.postMessage({ type: 'payframe:connect', channel }, location.origin, [port2]);
  await vi.waitFor(() => expect(received).toContainEqual({ type: 'ready' }));
  const results = () => received.filter((m) => m.type === 'result');
  return { app, ui: page.elementLocator(app), port: port1, results, fake };
}

describe('the frame asked to close by its host', () => {
  it('ends a checkout with nothing under way as canceled, once', async () => {
    const { port, results } = await embedded();
    port.postMessage({ type: 'close' });
    await vi.waitFor(() =>
      expect(results()).toEqual([
        { type: 'result', outcome: 'canceled', invoiceId: openSummary.invoice_id },
      ]),
    );
    port.postMessage({ type: 'close' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(results()).toHaveLength(1);
  });

  it('leaves a payment under way to its answer', async () => {
    const answer = deferred<ConfirmResult>();
    const { ui, port, results } = await embedded(() => answer.promise);
    await payWith(ui);
    await expect.element(ui.getByRole('status')).toHaveTextContent('Processing payment…');
    port.postMessage({ type: 'close' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(results()).toEqual([]);
    answer.resolve({
      status: 'succeeded',
      invoice_id: openSummary.invoice_id,
      payment_id: 'pay_1',
    });
    await vi.waitFor(() =>
      expect(results()).toEqual([
        {
          type: 'result',
          outcome: 'succeeded',
          invoiceId: openSummary.invoice_id,
          paymentId: 'pay_1',
        },
      ]),
    );
  });
});
