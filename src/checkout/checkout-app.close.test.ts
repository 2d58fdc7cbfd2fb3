import { fixtureCleanup } from '@open-wc/testing-helpers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConfirmResult } from '../protocol/checkout';
import './define';
import { deferred, embedInThisPage, fakeApi, payWith } from './test-app';
import { openSummary } from './test-summary';

const channel = 'ch_close_test';
afterEach(() => fixtureCleanup());

/** The frame embedded in this page, with the test as its host over a real MessageChannel. */
async function embedded(confirm?: () => Promise<ConfirmResult>) {
  const fake = fakeApi({
    summary: { ...openSummary, allowed_origins: [location.origin] },
    ...(confirm ? { confirm } : {}),
  });
  const embedding = await embedInThisPage(channel, fake);
  const results = () => embedding.received.filter((m) => m.type === 'result');
  return { ...embedding, results };
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
