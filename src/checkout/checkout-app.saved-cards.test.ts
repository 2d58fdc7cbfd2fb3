import { fixtureCleanup } from '@open-wc/testing-helpers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { ConfirmResult } from '../protocol/checkout';
import type { CardForm } from './card-form.element';
import type { CheckoutApp } from './checkout-app.element';
import { EXP_YEAR, deferred, fakeApi, mount, payWith } from './test-app';
import { customerSummary, openSummary, returningSummary } from './test-summary';

const VISA = 'Visa ending 4242 Expires 12/30';
const AMEX = 'American Express ending 0005 Expires 03/31';
const NEW = 'Use a new card';
const SAVE = 'Save this card for future payments';

const ids = { invoice_id: 'inv_1', payment_id: 'pay_1' };
const succeeded: ConfirmResult = { status: 'succeeded', ...ids };

/** The card form inside the app, whose focus and inputs live in its own shadow root. */
function formOf(app: CheckoutApp) {
  const form = app.shadowRoot!.querySelector<CardForm>('payframe-card-form')!;
  const input = (id: string) => form.shadowRoot!.querySelector<HTMLInputElement>(`#${id}`);
  const focused = () => form.shadowRoot!.activeElement;
  return { form, input, focused };
}

const pay = (ui: Awaited<ReturnType<typeof mount>>['ui']) =>
  userEvent.click(ui.getByRole('button', { name: /^Pay/ }));

describe('<payframe-checkout-app> for a returning customer', () => {
  afterEach(() => {
    fixtureCleanup();
    vi.restoreAllMocks();
    document.documentElement.lang = 'en';
    document.documentElement.dir = '';
  });

  it('offers no saving and no saved cards when the invoice names no customer', async () => {
    const { ui } = await mount(fakeApi({ summary: openSummary }).api);
    await expect.element(ui.getByLabelText('Card number')).toBeVisible();
    expect(ui.getByRole('checkbox').query()).toBeNull();
    expect(ui.getByRole('radio').query()).toBeNull();
  });

  it('asks a customer’s consent to save the new card, unticked, with what it allows', async () => {
    const { ui } = await mount(fakeApi({ summary: customerSummary }).api);
    const save = ui.getByRole('checkbox', { name: SAVE });
    await expect.element(save).not.toBeChecked();
    await expect
      .element(save)
      .toHaveAccessibleDescription('Demo Shop may charge it for your future orders.');
    // No saved card yet: the form is the usual one, without a group to choose from.
    expect(ui.getByRole('radio').query()).toBeNull();
  });

  it('sends save_card true when the shopper ticked the box', async () => {
    const { api, confirms } = fakeApi({ summary: customerSummary });
    const { ui } = await mount(api);
    await userEvent.click(ui.getByRole('checkbox', { name: SAVE }));
    await payWith(ui);
    expect(confirms[0]?.body).toMatchObject({ card: { number: '4242424242424242' } });
    expect(confirms[0]?.body.save_card).toBe(true);
  });

  it('sends save_card false when the box stays unticked', async () => {
    const { api, confirms } = fakeApi({ summary: customerSummary });
    const { ui } = await mount(api);
    await payWith(ui);
    expect(confirms[0]?.body.save_card).toBe(false);
    expect(confirms[0]?.body.saved_card).toBeUndefined();
  });

  it('lists the saved cards first, the newest chosen, and asks only its security code', async () => {
    const { ui } = await mount(fakeApi({ summary: returningSummary }).api);
    const group = ui.getByRole('group', { name: 'Pay with' });
    await expect.element(group.getByRole('radio', { name: VISA })).toBeChecked();
    await expect.element(group.getByRole('radio', { name: AMEX })).not.toBeChecked();
    await expect.element(group.getByRole('radio', { name: NEW })).not.toBeChecked();
    expect(group.getByRole('radio').all()).toHaveLength(3);
    await expect.element(ui.getByLabelText('Security code for Visa ending 4242')).toBeVisible();
    expect(ui.getByLabelText('Card number').query()).toBeNull();
    expect(ui.getByLabelText('Name on card').query()).toBeNull();
    expect(ui.getByRole('checkbox').query()).toBeNull();
  });

  it('pays with the saved card and its security code, and no card data', async () => {
    const answer = deferred<ConfirmResult>();
    const { api, confirms } = fakeApi({ summary: returningSummary, confirm: () => answer.promise });
    const { ui } = await mount(api);
    await ui.getByLabelText('Security code for Visa ending 4242').fill('123');
    await pay(ui);

    await expect.element(ui.getByRole('status')).toHaveTextContent('Processing payment…');
    await expect.element(ui.getByRole('button', { name: /^Pay/ })).toBeDisabled();
    await expect.element(ui.getByRole('radio', { name: AMEX })).toBeDisabled();
    expect(confirms).toEqual([
      {
        token: 'ct_test1',
        body: {
          saved_card: { id: 'pm_visa4242aa', cvc: '123' },
          challenge_window_size: expect.stringMatching(/^0[1-5]$/),
          three_ds_method: 'U',
          locale: expect.stringMatching(/^en/),
        },
      },
    ]);

    answer.resolve(succeeded);
    await expect.element(ui.getByRole('heading')).toHaveTextContent('Payment successful');
  });

  it('asks four digits for an Amex card and three for the others, with the form’s messages', async () => {
    const { api, confirms } = fakeApi({ summary: returningSummary });
    const { app, ui } = await mount(api);
    const { input, focused } = formOf(app);

    await ui.getByLabelText('Security code for Visa ending 4242').fill('1234');
    await pay(ui);
    const visaCvc = ui.getByLabelText('Security code for Visa ending 4242');
    await expect
      .element(visaCvc)
      .toHaveAccessibleDescription("Your card's security code is invalid.");
    await expect.element(visaCvc).toHaveAttribute('aria-invalid', 'true');

    await userEvent.click(ui.getByRole('radio', { name: AMEX }));
    const amexCvc = ui.getByLabelText('Security code for American Express ending 0005');
    await expect.element(amexCvc).toHaveValue('');
    await amexCvc.fill('123');
    await pay(ui);
    await expect
      .element(amexCvc)
      .toHaveAccessibleDescription("Your card's security code is incomplete.");
    await expect.poll(focused).toBe(input('cvc'));
    expect(confirms).toHaveLength(0);

    await amexCvc.fill('1234');
    await expect.element(amexCvc).toHaveAttribute('aria-invalid', 'false');
    await pay(ui);
    expect(confirms[0]?.body.saved_card).toEqual({ id: 'pm_amex0005bb', cvc: '1234' });
  });

  it('shows the card form with the consent on "Use a new card", and pays with the new card', async () => {
    const { api, confirms } = fakeApi({ summary: returningSummary });
    const { ui } = await mount(api);
    await ui.getByLabelText('Security code for Visa ending 4242').fill('999');
    await userEvent.click(ui.getByRole('radio', { name: NEW }));

    await expect.element(ui.getByLabelText('Card number')).toBeVisible();
    await expect.element(ui.getByRole('checkbox', { name: SAVE })).not.toBeChecked();
    // A security code belongs to one card: the new card's starts empty.
    await expect.element(ui.getByLabelText('Security code')).toHaveValue('');
    await userEvent.click(ui.getByRole('checkbox', { name: SAVE }));
    await payWith(ui);
    expect(confirms[0]?.body).toMatchObject({
      card: { number: '4242424242424242', exp_month: 12, exp_year: EXP_YEAR, cvc: '123' },
      save_card: true,
    });
    expect(confirms[0]?.body.saved_card).toBeUndefined();
  });

  it('after a decline on a saved card keeps it chosen and puts the caret in its security code', async () => {
    let answer: ConfirmResult = {
      status: 'failed',
      ...ids,
      error: { code: 'incorrect_cvc', message: 'Incorrect CVC.', retryable: true },
    };
    const { api, confirms } = fakeApi({
      summary: returningSummary,
      confirm: async () => answer,
    });
    const { app, ui } = await mount(api);
    const { input, focused } = formOf(app);
    const cvc = ui.getByLabelText('Security code for Visa ending 4242');
    await cvc.fill('123');
    await pay(ui);

    await expect
      .element(ui.getByRole('alert'))
      .toHaveTextContent("Your card's security code is incorrect. Check it and try again.");
    await expect.element(ui.getByRole('radio', { name: VISA })).toBeChecked();
    await expect.element(cvc).toHaveValue('');
    await expect.element(cvc).toHaveAttribute('aria-invalid', 'false');
    await expect.poll(focused).toBe(input('cvc'));

    answer = succeeded;
    await userEvent.keyboard('321{Enter}');
    await expect.element(ui.getByRole('heading')).toHaveTextContent('Payment successful');
    expect(confirms.map((c) => c.body.saved_card)).toEqual([
      { id: 'pm_visa4242aa', cvc: '123' },
      { id: 'pm_visa4242aa', cvc: '321' },
    ]);
  });

  it('moves through the cards with the arrow keys, as one radio group', async () => {
    const { app, ui } = await mount(fakeApi({ summary: returningSummary }).api);
    const { focused } = formOf(app);
    const radio = (name: string) => ui.getByRole('radio', { name }).element();
    (radio(VISA) as HTMLElement).focus();

    await userEvent.keyboard('{ArrowDown}');
    await expect.element(ui.getByRole('radio', { name: AMEX })).toBeChecked();
    await expect
      .element(ui.getByLabelText('Security code for American Express ending 0005'))
      .toBeVisible();
    expect(focused()).toBe(radio(AMEX));

    await userEvent.keyboard('{ArrowDown}');
    await expect.element(ui.getByRole('radio', { name: NEW })).toBeChecked();
    await expect.element(ui.getByLabelText('Card number')).toBeVisible();
    expect(focused()).toBe(radio(NEW));

    await userEvent.keyboard('{ArrowUp}');
    await expect.element(ui.getByRole('radio', { name: AMEX })).toBeChecked();
    // The group is one tab stop: Tab goes on to the chosen card's security code.
    await userEvent.tab();
    expect(focused()).toBe(formOf(app).input('cvc'));
  });

  it('shows a saved card’s 3-D Secure challenge like any card’s', async () => {
    // The challenge posts its request to the issuer's page; here it goes nowhere.
    vi.spyOn(HTMLFormElement.prototype, 'submit').mockImplementation(() => {});
    const { api } = fakeApi({
      summary: returningSummary,
      confirm: async () => ({
        status: 'requires_action',
        ...ids,
        action: {
          type: 'challenge',
          url: 'https://acs.example/challenge',
          method: 'POST',
          parameters: { creq: 'creq-1' },
        },
      }),
    });
    const { app, ui } = await mount(api);
    await ui.getByLabelText('Security code for Visa ending 4242').fill('123');
    await pay(ui);
    await expect.element(ui.getByRole('heading')).toHaveTextContent('Confirm with your bank');
    expect(formOf(app).form.hidden).toBe(true);
  });

  it('names the saved cards in Arabic, with the brand as it is written', async () => {
    const { ui } = await mount(fakeApi({ summary: returningSummary }).api, {
      where: { pathname: '/checkout/ct_test1', hash: '#locale=ar' },
    });
    await expect
      .element(ui.getByRole('radio', { name: 'Visa المنتهية بـ 4242 تنتهي في 12/30' }))
      .toBeChecked();
    await expect.element(ui.getByRole('radio', { name: 'استخدام بطاقة جديدة' })).toBeVisible();
    await expect
      .element(ui.getByLabelText('رمز الأمان لبطاقة Visa المنتهية بـ 4242'))
      .toHaveAttribute('dir', 'ltr');
  });
});
