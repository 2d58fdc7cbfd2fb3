import { fixture, fixtureCleanup, html } from '@open-wc/testing-helpers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { CheckoutSummary, ConfirmCheckout, ConfirmResult } from '../protocol/checkout';
import { CheckoutApiError, type CheckoutApi } from './checkout-api';
import type { CheckoutApp } from './checkout-app.element';
import './define';
import { openSummary } from './test-summary';

const summary = openSummary;

/** An in-memory checkout: answers the summary, and confirms with whatever the test decides. */
function fakeApi(options: { summary?: CheckoutSummary; confirm?: () => Promise<ConfirmResult> }) {
  const confirms: { token: string; body: ConfirmCheckout }[] = [];
  const api: CheckoutApi = {
    fetchSummary: async () => options.summary ?? summary,
    confirmCheckout: (token, body) => {
      confirms.push({ token, body });
      return options.confirm?.() ?? new Promise(() => {});
    },
  };
  return { api, confirms };
}

async function mount(api: CheckoutApi, where = { pathname: '/checkout/ct_test1', hash: '' }) {
  const app = await fixture<CheckoutApp>(
    html`<payframe-checkout-app .api=${api} .where=${where}></payframe-checkout-app>`,
  );
  const ui = page.elementLocator(app);
  return { app, ui };
}

/** Two years ahead, so the expiry typed in these tests never lies in the past. */
const EXP_YEAR = new Date().getFullYear() + 2;
const EXP_YY = String(EXP_YEAR % 100).padStart(2, '0');

async function payWith(ui: ReturnType<typeof page.elementLocator>, number = '4242424242424242') {
  await ui.getByLabelText('Card number').fill(number);
  await ui.getByLabelText('Expiry date').fill(`12 / ${EXP_YY}`);
  await ui.getByLabelText('Security code').fill('123');
  await ui.getByLabelText('Name on card').fill('Ada Lovelace');
  await userEvent.click(ui.getByRole('button', { name: /^Pay/ }));
}

const deferred = <T>() => {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((yes, no) => ((resolve = yes), (reject = no)));
  return { promise, resolve, reject };
};

describe('<payframe-checkout-app>', () => {
  afterEach(fixtureCleanup);

  it('says the link is not valid when the path has no checkout token', async () => {
    const { api } = fakeApi({});
    const { ui } = await mount(api, { pathname: '/somewhere/else', hash: '' });
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
    const { ui } = await mount(fakeApi({}).api, { pathname: '/checkout/ct_test1', hash });
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
        },
      },
    ]);

    answer.resolve({ status: 'succeeded', invoice_id: 'inv_1', payment_id: 'pay_1' });
    await expect.element(ui.getByRole('heading')).toHaveTextContent('Payment successful');
    await expect.element(ui.getByText('You paid €19.99 to Demo Shop.')).toBeVisible();
    await expect.element(ui.getByRole('status')).toHaveTextContent('');
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
    await expect.element(ui.getByText(/This checkout has expired/)).toBeVisible();
    expect(ui.getByRole('button', { name: /^Pay/ }).query()).toBeNull();
  });

  it('shows "already paid" when a retry finds the invoice paid by an earlier attempt', async () => {
    let status: CheckoutSummary['status'] = 'open';
    const api: CheckoutApi = {
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
