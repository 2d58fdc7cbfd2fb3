import { fixtureCleanup } from '@open-wc/testing-helpers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { CheckoutSummary, ConfirmResult } from '../protocol/checkout';
import { CheckoutApiError, type CheckoutApi } from './checkout-api';
import { EXP_YEAR, EXP_YY, deferred, fakeApi, mount, payWith } from './test-app';
import { openSummary } from './test-summary';

const summary = openSummary;

describe('<payframe-checkout-app>', () => {
  afterEach(fixtureCleanup);

  it('says the link is not valid when the path has no checkout token', async () => {
    const { api } = fakeApi({});
    const { ui } = await mount(api, { where: { pathname: '/somewhere/else', hash: '' } });
    await expect.element(ui.getByRole('heading')).toHaveTextContent('Checkout unavailable');
    await expect.element(ui.getByText(/This checkout link is not valid/)).toBeVisible();
    expect(ui.getByLabelText('Card number').query()).toBeNull();
  });

  it('shows merchant, amount, description and a Pay button with the amount', async () => {
    const { ui } = await mount(fakeApi({}).api);
    await expect.element(ui.getByRole('heading')).toHaveTextContent('Demo Shop');
    await expect.element(ui.getByText('€19.99', { exact: true })).toBeVisible();
    await expect.element(ui.getByText('Order #1001')).toBeVisible();
    await expect.element(ui.getByRole('button', { name: 'Pay €19.99' })).toBeEnabled();
    await expect.element(ui.getByText('Secured by Payframe')).toBeVisible();
  });

  it('refuses a host origin that is not allowed and posts nothing to it', async () => {
    const post = vi.spyOn(window.parent, 'postMessage');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const hash = `#origin=${encodeURIComponent('https://evil.example')}&channel=ch_0123456789`;
    const { ui } = await mount(fakeApi({}).api, {
      where: { pathname: '/checkout/ct_test1', hash },
    });
    await expect
      .element(ui.getByRole('heading'))
      .toHaveTextContent('This page is not allowed to show this checkout');
    expect(ui.getByLabelText('Card number').query()).toBeNull();
    expect(post).not.toHaveBeenCalled();
    post.mockRestore();
    warn.mockRestore();
  });

  it('shows "already paid" for an invoice paid before the page loaded', async () => {
    const { ui } = await mount(fakeApi({ summary: { ...summary, status: 'paid' } }).api);
    await expect
      .element(ui.getByRole('heading'))
      .toHaveTextContent('This invoice has already been paid');
  });

  it('confirms the card, shows processing, then the success view', async () => {
    const answer = deferred<ConfirmResult>();
    const { api, confirms } = fakeApi({ confirm: () => answer.promise });
    const { ui } = await mount(api);
    await payWith(ui);

    await expect.element(ui.getByRole('status')).toHaveTextContent('Processing payment…');
    await expect.element(ui.getByRole('button', { name: /^Pay/ })).toBeDisabled();
    expect(confirms).toEqual([
      {
        token: 'ct_test1',
        body: {
          card: {
            number: '4242424242424242',
            exp_month: 12,
            exp_year: EXP_YEAR,
            cvc: '123',
            name: 'Ada Lovelace',
          },
          challenge_window_size: expect.stringMatching(/^0[1-5]$/),
          three_ds_method: 'U',
          locale: expect.stringMatching(/^en/),
        },
      },
    ]);

    answer.resolve({ status: 'succeeded', invoice_id: 'inv_1', payment_id: 'pay_1' });
    await expect.element(ui.getByRole('heading')).toHaveTextContent('Payment successful');
    await expect.element(ui.getByText('You paid €19.99 to Demo Shop.')).toBeVisible();
    await expect.element(ui.getByRole('status')).toHaveTextContent('Payment successful');
  });

  it('after a retryable decline shows the reason and asks for another card', async () => {
    const { api } = fakeApi({
      confirm: async () => ({
        status: 'failed',
        invoice_id: 'inv_1',
        payment_id: 'pay_2',
        error: { code: 'insufficient_funds', message: 'Insufficient funds.', retryable: true },
      }),
    });
    const { app, ui } = await mount(api);
    await payWith(ui, '4000000000009995');
    await expect
      .element(ui.getByRole('alert'))
      .toHaveTextContent('Your card has insufficient funds. Try another card.');
    await expect.element(ui.getByLabelText('Card number')).toHaveValue('');
    await expect.element(ui.getByLabelText('Security code')).toHaveValue('');
    await expect.element(ui.getByLabelText('Expiry date')).toHaveValue(`12 / ${EXP_YY}`);
    await expect.element(ui.getByRole('button', { name: /^Pay/ })).toBeEnabled();
    const form = app.shadowRoot!.querySelector('payframe-card-form')!;
    await expect.poll(() => form.shadowRoot!.activeElement?.id).toBe('number');
  });

  it('after a network error keeps the card and lets the shopper try again', async () => {
    const { api, confirms } = fakeApi({
      confirm: () => Promise.reject(new CheckoutApiError('network', 0, 'offline')),
    });
    const { ui } = await mount(api);
    await payWith(ui);
    await expect.element(ui.getByRole('alert')).toHaveTextContent(/could not reach/);
    await expect.element(ui.getByRole('button', { name: /^Pay/ })).toBeEnabled();
    await expect.element(ui.getByRole('status')).toHaveTextContent('');
    await expect.element(ui.getByLabelText('Card number')).toHaveValue('4242 4242 4242 4242');
    await userEvent.click(ui.getByRole('button', { name: /^Pay/ }));
    expect(confirms).toHaveLength(2);
  });

  it('ends with a final error when the checkout has expired', async () => {
    const { api } = fakeApi({
      confirm: () => Promise.reject(new CheckoutApiError('checkout_expired', 410, 'Expired.')),
    });
    const { ui } = await mount(api);
    await payWith(ui);
    await expect
      .element(ui.getByRole('heading'))
      .toHaveTextContent('Payment could not be completed');
    await expect.element(ui.getByText(/^This checkout has expired/)).toBeVisible();
    await expect
      .element(ui.getByRole('status'))
      .toHaveTextContent(/^Payment could not be completed\. This checkout has expired/);
    expect(ui.getByRole('button', { name: /^Pay/ }).query()).toBeNull();
  });

  it('shows "already paid" when a retry finds the invoice paid by an earlier attempt', async () => {
    let status: CheckoutSummary['status'] = 'open';
    const api: CheckoutApi = {
      ...fakeApi({}).api,
      fetchSummary: async () => ({
        ...summary,
        status,
        payment_id: status === 'paid' ? 'pay_1' : null,
      }),
      confirmCheckout: async () => {
        status = 'paid';
        throw new CheckoutApiError('invoice_not_open', 409, 'Not open.');
      },
    };
    const { ui } = await mount(api);
    await payWith(ui);
    await expect
      .element(ui.getByRole('heading'))
      .toHaveTextContent('This invoice has already been paid');
  });
});
