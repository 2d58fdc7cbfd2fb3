import { fixture, fixtureCleanup, html } from '@open-wc/testing-helpers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { CardForm } from './card-form.element';
import './define';
import { EXP_YY, embedInThisPage, fakeApi, mount } from './test-app';
import { resolveLocale } from './i18n';
import { STRINGS } from './test-strings';
import { openSummary } from './test-summary';

const where = (hash: string) => ({ pathname: '/checkout/ct_test1', hash });

/** The app's card form and its inputs, which live in the form's own shadow root. */
function formOf(app: HTMLElement) {
  const form = app.shadowRoot!.querySelector<CardForm>('payframe-card-form')!;
  const input = (id: string) => form.shadowRoot!.querySelector<HTMLInputElement>(`#${id}`)!;
  return { form, input, part: (selector: string) => form.shadowRoot!.querySelector(selector)! };
}

describe('<payframe-checkout-app> in other languages', () => {
  afterEach(() => {
    fixtureCleanup();
    document.documentElement.lang = 'en';
    document.documentElement.dir = '';
  });

  it('speaks the locale the host put in the fragment, not the browser’s', async () => {
    const { ui } = await mount(fakeApi({}).api, { where: where('#locale=de') });
    await expect.element(ui.getByLabelText('Kartennummer')).toBeVisible();
    await expect.element(ui.getByText('19,99 €', { exact: true })).toBeVisible();
    await expect.element(ui.getByRole('button', { name: '19,99 € bezahlen' })).toBeEnabled();
    await expect.element(ui.getByText('Gesichert durch Payframe')).toBeVisible();
    expect(document.documentElement.lang).toBe('de');
    expect(document.title).toBe('Zahlung an Demo Shop');
  });

  it('shows its first form already in the language of the fragment, never English first', async () => {
    // Each language but English is a chunk of its own, here one that takes its time: the form
    // waits for it. A form's first update renders the strings it was created with.
    const firstLabels: string[] = [];
    const proto = customElements.get('payframe-card-form')!.prototype as CardForm;
    const firstUpdated = vi
      .spyOn(proto as unknown as { firstUpdated(): void }, 'firstUpdated')
      .mockImplementation(function (this: CardForm) {
        firstLabels.push(this.strings.cardNumber);
      });
    const slowLocale: typeof resolveLocale = async (requested) => {
      await new Promise((resolve) => setTimeout(resolve, 150));
      return resolveLocale(requested);
    };
    try {
      const { ui } = await mount(fakeApi({}).api, {
        where: where('#locale=ja'),
        resolveLocale: slowLocale,
      });
      await expect.element(ui.getByLabelText('カード番号')).toBeVisible();
      expect(firstLabels).toEqual(['カード番号']);
    } finally {
      firstUpdated.mockRestore();
    }
  });

  it('speaks the locale of the latest configure, even when an earlier one loads slower', async () => {
    const { app, ui, port } = await embedInThisPage('ch_locale0001');
    app.resolveLocale = async (requested) => {
      if (requested === 'de') await new Promise((resolve) => setTimeout(resolve, 200));
      return resolveLocale(requested);
    };
    port.postMessage({ type: 'configure', locale: 'de' });
    port.postMessage({ type: 'configure', locale: 'fr' });
    await expect.element(ui.getByLabelText('Numéro de carte')).toBeVisible();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await expect.element(ui.getByLabelText('Numéro de carte')).toBeVisible();
    expect(document.documentElement.lang).toBe('fr');
  });

  it('keeps its language when the one asked for later cannot be loaded', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const { app, ui, port } = await embedInThisPage('ch_locale0002');
      port.postMessage({ type: 'configure', locale: 'ja' });
      await expect.element(ui.getByLabelText('カード番号')).toBeVisible();
      app.resolveLocale = () => Promise.reject(new TypeError('Failed to fetch module'));
      port.postMessage({ type: 'configure', locale: 'de' });
      await vi.waitFor(() => expect(warn).toHaveBeenCalled());
      await expect.element(ui.getByLabelText('カード番号')).toBeVisible();
      expect(document.documentElement.lang).toBe('ja');
    } finally {
      warn.mockRestore();
    }
  });

  it('shows English when the language of the fragment cannot be loaded', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const { ui } = await mount(fakeApi({}).api, {
        where: where('#locale=de'),
        resolveLocale: () => Promise.reject(new TypeError('Failed to fetch module')),
      });
      await expect.element(ui.getByLabelText('Card number')).toBeVisible();
      expect(document.documentElement.lang).toBe('en');
    } finally {
      warn.mockRestore();
    }
  });

  it('sends the chosen locale with the confirm, for the issuer’s page', async () => {
    const { api, confirms } = fakeApi({});
    const { ui } = await mount(api, { where: where('#locale=fr-CA') });
    await ui.getByLabelText('Numéro de carte').fill('4242424242424242');
    await ui.getByLabelText('Date d’expiration').fill(`12 / ${EXP_YY}`);
    await ui.getByLabelText('Code de sécurité').fill('123');
    await ui.getByLabelText('Nom sur la carte').fill('Ada Lovelace');
    await userEvent.click(ui.getByRole('button', { name: /^Payer/ }));
    await expect.element(ui.getByRole('status')).toHaveTextContent('Paiement en cours…');
    expect(confirms[0]?.body.locale).toBe('fr-CA');
  });

  it('shows Japanese yen without decimals', async () => {
    const api = fakeApi({ summary: { ...openSummary, amount: 1500, currency: 'JPY' } }).api;
    const { ui } = await mount(api, { where: where('#locale=ja') });
    await expect.element(ui.getByRole('button', { name: '￥1,500を支払う' })).toBeEnabled();
    await expect.element(ui.getByLabelText('カード番号')).toBeVisible();
  });

  it('in Arabic turns the frame right to left, with the card inputs left to right', async () => {
    const { app, ui } = await mount(fakeApi({}).api, { where: where('#locale=ar') });
    await expect.element(ui.getByLabelText('رقم البطاقة')).toBeVisible();
    expect(app.shadowRoot!.querySelector('main')!.dir).toBe('rtl');
    expect(document.documentElement.dir).toBe('rtl');
    expect(document.documentElement.lang).toBe('ar');
    const { input } = formOf(app);
    for (const id of ['number', 'expiry', 'cvc']) expect(input(id).dir, id).toBe('ltr');
    expect(getComputedStyle(input('name')).direction).toBe('rtl');
    expect(getComputedStyle(input('number')).direction).toBe('ltr');
  });

  it.each([
    ['en', 'right'],
    ['ar', 'left'],
  ] as const)('in %s mirrors the layout: labels, digits and brand icon', async (lang, iconSide) => {
    const { app, ui } = await mount(fakeApi({}).api, { where: where(`#locale=${lang}`) });
    await ui.getByLabelText(STRINGS[lang].cardNumber).fill('4242 4242');
    const { input, part } = formOf(app);
    const field = input('number').getBoundingClientRect();
    // The label box spans the field; where its text sits shows the alignment.
    const text = document.createRange();
    text.selectNodeContents(part('label[for="number"]'));
    const label = text.getBoundingClientRect();
    const icon = part('.brand').getBoundingClientRect();
    const middle = field.left + field.width / 2;
    // The icon sits inside the input at the end of the reading direction: right in English, left
    // in Arabic, with the digits against the other side.
    if (iconSide === 'right') {
      expect(icon.left).toBeGreaterThan(middle);
      expect(field.right - icon.right).toBeCloseTo(12, 0);
      expect(label.left).toBeCloseTo(field.left, 0);
      expect(label.right).toBeLessThan(middle);
      expect(getComputedStyle(input('number')).textAlign).toMatch(/^(start|left)$/);
    } else {
      expect(icon.right).toBeLessThan(middle);
      expect(icon.left - field.left).toBeCloseTo(12, 0);
      expect(label.right).toBeCloseTo(field.right, 0);
      expect(label.left).toBeGreaterThan(middle);
      expect(getComputedStyle(input('number')).textAlign).toBe('right');
    }
  });
});

/** Field problems as the shopper sees them after typing, in each language. */
describe('<payframe-card-form> problems in other languages', () => {
  afterEach(fixtureCleanup);

  it.each(['de', 'ar'] as const)(
    'shows %s messages for a bad number, past expiry and short CVC',
    async (lang) => {
      const s = STRINGS[lang];
      const holder = await fixture<HTMLDivElement>(
        html`<div dir=${s.dir} lang=${lang}>
          <payframe-card-form .amount=${'€19.99'} .strings=${s}></payframe-card-form>
        </div>`,
      );
      const form = holder.querySelector('payframe-card-form')!;
      const ui = page.elementLocator(form);
      await userEvent.type(ui.getByLabelText(s.cardNumber), '4242424242424241');
      await userEvent.type(ui.getByLabelText(s.expiry), '0120');
      await userEvent.type(ui.getByLabelText(s.cvc), '12');
      await userEvent.click(ui.getByLabelText(s.name));
      const errors = [...form.shadowRoot!.querySelectorAll('.error')].map((p) => p.textContent);
      expect(errors).toEqual([
        s.invalid.number_invalid,
        s.invalid.expiry_past,
        s.invalid.cvc_incomplete,
      ]);
      await expect
        .element(ui.getByLabelText(s.cardNumber))
        .toHaveAccessibleDescription(s.invalid.number_invalid);
      if (lang === 'ar') {
        const error = form.shadowRoot!.querySelector('.error')!;
        expect(getComputedStyle(error).direction).toBe('rtl');
      }
    },
  );

  it.each(['de', 'fr', 'es', 'ja', 'ar'] as const)(
    'names every empty field in %s when the shopper pays',
    async (lang) => {
      const s = STRINGS[lang];
      const form = await fixture<CardForm>(
        html`<payframe-card-form .amount=${'€1'} .strings=${s}></payframe-card-form>`,
      );
      await userEvent.click(page.elementLocator(form).getByRole('button'));
      const errors = [...form.shadowRoot!.querySelectorAll('.error')].map((p) => p.textContent);
      expect(errors).toEqual([
        s.invalid.number_empty,
        s.invalid.expiry_empty,
        s.invalid.cvc_empty,
        s.invalid.name_empty,
      ]);
    },
  );
});

describe('the Arabic expiry placeholder', () => {
  it('shows the month on the left, over the month digits of the left-to-right input', () => {
    const hint = STRINGS.ar.expiryPlaceholder;
    const line = document.createElement('div');
    line.dir = 'ltr';
    line.textContent = hint;
    document.body.append(line);
    const left = (from: number, to: number) => {
      const range = document.createRange();
      range.setStart(line.firstChild!, from);
      range.setEnd(line.firstChild!, to);
      return range.getBoundingClientRect().left;
    };
    const month = left(0, hint.indexOf('شهر') + 3);
    const year = left(hint.indexOf('سنة'), hint.length);
    line.remove();
    expect(month).toBeLessThan(year);
  });
});
