import { fixtureCleanup } from '@open-wc/testing-helpers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConfirmResult } from '../protocol/checkout';
import { fakeApi, mount, payWith } from './test-app';
import { openSummary } from './test-summary';

const hostedSummary = {
  ...openSummary,
  success_url: 'https://shop.example/thanks?from=payframe',
  cancel_url: 'https://shop.example/cart',
};

describe('<payframe-checkout-app> as the hosted page', () => {
  afterEach(fixtureCleanup);

  it('offers the way back to the shop while paying, with the invoice named', async () => {
    const { ui } = await mount(fakeApi({ summary: hostedSummary }).api);
    const back = ui.getByRole('link', { name: 'Back to the shop' });
    await expect.element(back).toHaveAttribute('href', 'https://shop.example/cart?invoice=inv_1');
  });

  it('returns to success_url with invoice and payment after a success', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      const result: ConfirmResult = {
        status: 'succeeded',
        invoice_id: 'inv_1',
        payment_id: 'pay_9',
      };
      const { app, ui } = await mount(
        fakeApi({ summary: hostedSummary, confirm: async () => result }).api,
      );
      const visited: string[] = [];
      app.navigate = (url) => visited.push(url);
      await payWith(ui);
      await expect.element(ui.getByText('Taking you back to the shop…')).toBeVisible();
      expect(visited).toEqual([]);
      vi.advanceTimersByTime(1500);
      expect(visited).toEqual([
        'https://shop.example/thanks?from=payframe&invoice=inv_1&payment=pay_9',
      ]);
      expect(ui.getByRole('link', { name: 'Back to the shop' }).query()).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps the way back after a final failure, and adds nothing when embedded', async () => {
    const failed: ConfirmResult = {
      status: 'failed',
      invoice_id: 'inv_1',
      payment_id: 'pay_9',
      error: { code: 'order_check_failed', message: 'No.', retryable: false },
    };
    const { ui } = await mount(
      fakeApi({ summary: hostedSummary, confirm: async () => failed }).api,
    );
    await payWith(ui);
    await expect
      .element(
        ui.getByText('The shop could not accept this order. Nothing was charged.', { exact: true }),
      )
      .toBeVisible();
    await expect.element(ui.getByRole('link', { name: 'Back to the shop' })).toBeVisible();

    fixtureCleanup();
    const hash = `#origin=${encodeURIComponent('http://localhost:5173')}&channel=ch_0123456789`;
    const embedded = await mount(fakeApi({ summary: hostedSummary }).api, {
      where: { pathname: '/checkout/ct_test1', hash },
    });
    await expect.element(embedded.ui.getByRole('button', { name: /^Pay/ })).toBeVisible();
    expect(embedded.ui.getByRole('link', { name: 'Back to the shop' }).query()).toBeNull();
  });
});
