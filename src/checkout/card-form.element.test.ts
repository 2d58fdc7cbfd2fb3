import { fixture, fixtureCleanup, html } from '@open-wc/testing-helpers';
import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { CardForm } from './card-form.element';
import './define';
import { CARD_SUBMIT, type CardSubmitDetail } from './events';

async function mount() {
  const form = await fixture<CardForm>(
    html`<payframe-card-form .amount=${'€19.99'}></payframe-card-form>`,
  );
  const root = form.shadowRoot!;
  const field = (label: string) => page.elementLocator(form).getByLabelText(label);
  const input = (id: string) => root.querySelector<HTMLInputElement>(`#${id}`)!;
  const submits: CardSubmitDetail[] = [];
  form.addEventListener(CARD_SUBMIT, (event) => submits.push(event.detail));
  return { form, root, field, input, submits };
}

/** Moves focus out of the field, as a shopper does by tabbing on. */
async function leave(input: HTMLInputElement) {
  input.blur();
  await ((input.getRootNode() as ShadowRoot).host as CardForm).updateComplete;
}

/** Two years ahead, so the expiry typed in these tests never lies in the past. */
const EXP_YEAR = new Date().getFullYear() + 2;
const EXP_YY = String(EXP_YEAR % 100).padStart(2, '0');

/** The same digits as a Japanese input method types them. */
const asciiToWide = (digits: string) =>
  digits.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));

async function fillValidCard(field: (label: string) => ReturnType<typeof page.getByLabelText>) {
  await userEvent.type(field('Card number'), '4242424242424242');
  await userEvent.type(field('Expiry date'), `12${EXP_YY}`);
  await userEvent.type(field('Security code'), '123');
  await userEvent.type(field('Name on card'), '  Ada Lovelace ');
}

describe('<payframe-card-form>', () => {
  afterEach(fixtureCleanup);

  it('labels every field and sets the autofill tokens and numeric keyboards', async () => {
    const { field } = await mount();
    const expected = [
      ['Card number', 'cc-number', 'numeric'],
      ['Expiry date', 'cc-exp', 'numeric'],
      ['Security code', 'cc-csc', 'numeric'],
      ['Name on card', 'cc-name', 'text'],
    ];
    for (const [label, autocomplete, inputmode] of expected) {
      const input = field(label!).element() as HTMLInputElement;
      expect(input.autocomplete).toBe(autocomplete);
      expect(input.inputMode).toBe(inputmode);
    }
  });

  it('moves on to the next field once a field is complete and valid', async () => {
    const { root, field, input } = await mount();
    const focused = () => (root.activeElement as HTMLElement | null)?.id;
    await userEvent.type(field('Card number'), '4242424242424241');
    // A 16-digit number failing its check digit keeps the shopper there.
    await expect.poll(focused).toBe('number');
    await userEvent.type(field('Card number'), '{Backspace}2');
    await expect.poll(focused).toBe('expiry');
    await userEvent.keyboard(`12${EXP_YY}`);
    await expect.poll(focused).toBe('cvc');
    await userEvent.keyboard('123');
    await expect.poll(focused).toBe('name');
    expect(input('cvc').value).toBe('123');
    // Amex: 15 digits and a 4-digit code.
    await userEvent.clear(field('Card number'));
    await userEvent.type(field('Card number'), '378282246310005');
    await expect.poll(focused).toBe('expiry');
  });

  it('labels the button with the amount', async () => {
    await mount();
    await expect
      .element(page.getByRole('button', { name: /^Pay/ }))
      .toHaveTextContent('Pay €19.99');
  });

  it('groups the card number in fours as it is typed, keeping the caret at the end', async () => {
    const { field, input } = await mount();
    await userEvent.type(field('Card number'), '42424242424');
    expect(input('number').value).toBe('4242 4242 424');
    expect(input('number').selectionStart).toBe('4242 4242 424'.length);
  });

  it('formats a number that arrives at once with dashes and spaces, as when pasted', async () => {
    const { field, input } = await mount();
    await field('Card number').fill('4242-4242 4242 4242');
    expect(input('number').value).toBe('4242 4242 4242 4242');
  });

  it('takes digits typed on Arabic and Japanese keyboards as the digits they are', async () => {
    const { field, input, form, submits } = await mount();
    await field('Card number').fill('٤٢٤٢ ٤٢٤٢ ٤٢٤٢ ٤٢٤٢');
    expect(input('number').value).toBe('4242 4242 4242 4242');
    await field('Expiry date').fill(`１２／${asciiToWide(EXP_YY)}`);
    expect(input('expiry').value).toBe(`12 / ${EXP_YY}`);
    await field('Security code').fill('۱۲۳');
    expect(input('cvc').value).toBe('123');
    await field('Name on card').fill('Ada Lovelace');
    form.shadowRoot!.querySelector('form')!.requestSubmit();
    expect(submits.map((s) => 'card' in s && s.card.number)).toEqual(['4242424242424242']);
  });

  it('groups an American Express number 4-6-5', async () => {
    const { field, input } = await mount();
    await field('Card number').fill('378282246310005');
    expect(input('number').value).toBe('3782 822463 10005');
  });

  it('removes the digit before a group gap on backspace, not just the gap', async () => {
    const { field, input } = await mount();
    await userEvent.type(field('Card number'), '42424');
    const number = input('number');
    number.setSelectionRange(5, 5);
    await userEvent.keyboard('{Backspace}');
    expect(number.value).toBe('4244');
  });

  it('shows the detected brand', async () => {
    const { field, root } = await mount();
    const brand = () => root.querySelector('[part="brand"]')!;
    expect(brand().getAttribute('data-brand')).toBe('unknown');
    await userEvent.type(field('Card number'), '4');
    expect(brand().getAttribute('data-brand')).toBe('visa');
    expect(brand().textContent).toContain('Visa');
    await field('Card number').fill('5555');
    expect(brand().getAttribute('data-brand')).toBe('mastercard');
    expect(brand().textContent).toContain('Mastercard');
  });

  it('formats the expiry as MM / YY and pads a one-digit month', async () => {
    const { field, input } = await mount();
    await userEvent.type(field('Expiry date'), '427');
    expect(input('expiry').value).toBe('04 / 27');
  });

  it('does not show an error while the first digits are typed', async () => {
    const { field, input, root } = await mount();
    await userEvent.type(field('Card number'), '4242');
    expect(input('number').getAttribute('aria-invalid')).toBe('false');
    expect(root.querySelector('.error')).toBeNull();
  });

  it('shows an invalid card number on blur, linked to the field', async () => {
    const { field, input, root } = await mount();
    await userEvent.type(field('Card number'), '4242424242424241');
    await leave(input('number'));
    const number = input('number');
    expect(number.getAttribute('aria-invalid')).toBe('true');
    const message = root.getElementById(number.getAttribute('aria-describedby')!);
    expect(message?.textContent).toBe('Your card number is invalid.');
  });

  it('shows an incomplete card number on blur', async () => {
    const { field, input, root } = await mount();
    await userEvent.type(field('Card number'), '4242');
    await leave(input('number'));
    expect(root.getElementById('number-error')?.textContent).toBe(
      'Your card number is incomplete.',
    );
  });

  it('shows a past expiry date on blur, linked to the field', async () => {
    const { field, input, root } = await mount();
    await userEvent.type(field('Expiry date'), '0120');
    await leave(input('expiry'));
    const expiry = input('expiry');
    expect(expiry.getAttribute('aria-invalid')).toBe('true');
    expect(expiry.getAttribute('aria-describedby')).toBe('expiry-error');
    expect(root.getElementById('expiry-error')?.textContent).toBe(
      "Your card's expiry date is in the past.",
    );
  });

  it('shows a short security code on blur, linked to the field', async () => {
    const { field, input, root } = await mount();
    await userEvent.type(field('Security code'), '12');
    await leave(input('cvc'));
    const cvc = input('cvc');
    expect(cvc.getAttribute('aria-invalid')).toBe('true');
    expect(cvc.getAttribute('aria-describedby')).toBe('cvc-error');
    expect(root.getElementById('cvc-error')?.textContent).toBe(
      "Your card's security code is incomplete.",
    );
  });

  it('clears the error as soon as the field becomes valid', async () => {
    const { field, input } = await mount();
    await userEvent.type(field('Security code'), '12');
    await leave(input('cvc'));
    await userEvent.type(field('Security code'), '3');
    expect(input('cvc').getAttribute('aria-invalid')).toBe('false');
    expect(input('cvc').hasAttribute('aria-describedby')).toBe(false);
  });

  it('on submit with empty fields, shows every problem, focuses the first and emits nothing', async () => {
    const { input, root, submits } = await mount();
    await userEvent.click(page.getByRole('button', { name: /^Pay/ }));
    await expect.poll(() => root.activeElement).toBe(input('number'));
    expect(root.querySelectorAll('.error')).toHaveLength(4);
    expect(submits).toHaveLength(0);
  });

  it('emits the parsed card on submit: digits only, four-digit year, trimmed name', async () => {
    const { field, submits } = await mount();
    await fillValidCard(field);
    await userEvent.click(page.getByRole('button', { name: /^Pay/ }));
    expect(submits).toEqual([
      {
        card: {
          number: '4242424242424242',
          exp_month: 12,
          exp_year: EXP_YEAR,
          cvc: '123',
          name: 'Ada Lovelace',
        },
      },
    ]);
  });

  it('submits on Enter from a field', async () => {
    const { field, submits } = await mount();
    await fillValidCard(field);
    await userEvent.keyboard('{Enter}');
    expect(submits).toHaveLength(1);
  });

  it('emits once for a double submit and disables the button while processing', async () => {
    const { form, field, root, submits } = await mount();
    await fillValidCard(field);
    const formElement = root.querySelector('form')!;
    formElement.requestSubmit();
    formElement.requestSubmit();
    expect(submits).toHaveLength(1);
    await form.updateComplete;
    expect(root.querySelector('button')!.disabled).toBe(true);
    expect(root.querySelector<HTMLInputElement>('#number')!.readOnly).toBe(true);

    form.processing = false;
    await form.updateComplete;
    formElement.requestSubmit();
    expect(submits).toHaveLength(2);
  });

  it('shows a decline as an alert and clears number and security code for another card', async () => {
    const { form, field, input, root } = await mount();
    await fillValidCard(field);
    form.declineMessage = 'Your card was declined. Try another card.';
    await form.clearCard();
    expect(root.querySelector('[role="alert"]')?.textContent).toContain(
      'Your card was declined. Try another card.',
    );
    expect(input('number').value).toBe('');
    expect(input('cvc').value).toBe('');
    expect(input('expiry').value).toBe(`12 / ${EXP_YY}`);
    expect(input('name').value).toBe('  Ada Lovelace ');
    expect(root.activeElement).toBe(input('number'));
    expect(root.querySelector('.error')).toBeNull();
  });
});
