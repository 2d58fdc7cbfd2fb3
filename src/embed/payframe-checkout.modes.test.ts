import { fixture, fixtureCleanup, html } from '@open-wc/testing-helpers';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { crossOrigin, fixtureUrl, FrameProbe } from '../messaging/test-fixtures/frame-harness';
import { OVERLAY_RESULT_MS } from './constants';
import './define';
import { PayframeCheckoutElement } from './payframe-checkout.element';

/** The element as shipped, on the fixture frame, recording where a redirect would go. */
class ModesCheckout extends PayframeCheckoutElement {
  navigated: string[] = [];
  protected override frameSrc(channel: string): string {
    return fixtureUrl({ frameOrigin: this.paymentOrigin!, hostOrigin: location.origin, channel });
  }
  protected override navigate(url: string): void {
    this.navigated.push(url);
  }
}
customElements.define('modes-payframe-checkout', ModesCheckout);

const frameOrigin = crossOrigin();
const invoiceId = 'inv_overlay';
const probes: FrameProbe[] = [];
let events: { name: string; detail: unknown }[] = [];
const record = (event: Event) =>
  events.push({ name: event.type, detail: (event as CustomEvent).detail });
const names = ['payframe-ready', 'payframe-success', 'payframe-cancel', 'payframe-error'];

beforeEach(() => {
  events = [];
  for (const name of names) document.addEventListener(name, record);
});
afterEach(() => {
  for (const name of names) document.removeEventListener(name, record);
  for (const probe of probes.splice(0)) probe.dispose();
  fixtureCleanup();
  document.documentElement.style.overflow = '';
});

/** A checkout in `mode` on the fixture frame, in `locale`. */
const modesCheckout = (mode: string, token: string, locale: string) =>
  fixture<ModesCheckout>(
    html`<modes-payframe-checkout
      mode=${mode}
      token=${token}
      locale=${locale}
      .paymentOrigin=${frameOrigin}
    ></modes-payframe-checkout>`,
  );

const dialogOf = (el: HTMLElement) => el.shadowRoot!.querySelector('dialog');
const iframeOf = (el: HTMLElement) => el.shadowRoot!.querySelector('iframe');

/** A page with a button (the shopper's last focus) and an overlay checkout, connected and ready. */
async function overlayReady() {
  const page = await fixture<HTMLElement>(
    html`<div>
      <button id="buy">Buy</button>
      <modes-payframe-checkout
        mode="overlay"
        token="ct_overlay"
        .paymentOrigin=${frameOrigin}
      ></modes-payframe-checkout>
    </div>`,
  );
  const el = page.querySelector<ModesCheckout>('modes-payframe-checkout')!;
  const buy = page.querySelector<HTMLButtonElement>('#buy')!;
  const probe = new FrameProbe(() => iframeOf(el)?.contentWindow, frameOrigin);
  probes.push(probe);
  await probe.next('connected');
  await probe.send({ type: 'ready' });
  await vi.waitFor(() => expect(events.map((e) => e.name)).toContain('payframe-ready'));
  return { el, buy, probe };
}

describe('<payframe-checkout mode="overlay">', () => {
  test('loads the frame in a closed dialog, and open() shows it modal over a still page', async () => {
    const { el, buy } = await overlayReady();
    const dialog = dialogOf(el)!;
    expect(dialog.open).toBe(false);
    expect(dialog.contains(iframeOf(el))).toBe(true);

    buy.focus();
    await el.open();
    expect(dialog.open).toBe(true);
    expect(dialog.matches(':modal')).toBe(true);
    expect(document.documentElement.style.overflow).toBe('hidden');
    // The page behind is inert: its button cannot take the focus.
    buy.focus();
    expect(document.activeElement).not.toBe(buy);
    expect(el.shadowRoot!.querySelector('button.close')!.getAttribute('aria-label')).toBe(
      'Close the checkout',
    );
  });

  test.each([
    [
      'the close button',
      (el: HTMLElement) => userEvent.click(el.shadowRoot!.querySelector('button.close')!),
    ],
    ['Escape', () => userEvent.keyboard('{Escape}')],
    [
      'a click on the backdrop',
      async (el: HTMLElement) => {
        dialogOf(el)!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      },
    ],
  ])('%s asks the frame to close; its answer cancels and gives the focus back', async (_, act) => {
    const { el, buy, probe } = await overlayReady();
    buy.focus();
    await el.open();
    el.shadowRoot!.querySelector<HTMLButtonElement>('button.close')!.focus();
    await act(el);
    expect((await probe.next('received')).message).toEqual({ type: 'close' });
    // The dialog stays until the frame agrees: a payment might be under way.
    expect(dialogOf(el)!.open).toBe(true);

    probe.sendLast({ type: 'result', outcome: 'canceled', invoiceId });
    // Taken down: its form can no longer pay unseen.
    await vi.waitFor(() => expect(dialogOf(el)).toBeNull());
    expect(events.filter((e) => e.name === 'payframe-cancel')).toEqual([
      { name: 'payframe-cancel', detail: { invoiceId } },
    ]);
    expect(document.activeElement).toBe(buy);
    expect(document.documentElement.style.overflow).toBe('');
  });

  test('after a success it shows the final screen a moment, then gives the page back', async () => {
    const { el, buy, probe } = await overlayReady();
    buy.focus();
    await el.open();
    await probe.send({ type: 'result', outcome: 'succeeded', invoiceId, paymentId: 'pay_1' });
    await vi.waitFor(() => expect(events.map((e) => e.name)).toContain('payframe-success'));
    expect(dialogOf(el)!.open).toBe(true);
    await vi.waitFor(() => expect(dialogOf(el)!.open).toBe(false), {
      timeout: OVERLAY_RESULT_MS + 2000,
    });
    expect(document.activeElement).toBe(buy);
    expect(document.documentElement.style.overflow).toBe('');
  });
});

describe('<payframe-checkout mode="overlay"> after it ended', () => {
  test('open() after a cancel opens a new checkout with its own ending', async () => {
    const { el, probe } = await overlayReady();
    await el.open();
    probe.sendLast({ type: 'result', outcome: 'canceled', invoiceId });
    await vi.waitFor(() => expect(dialogOf(el)).toBeNull());

    await el.open();
    expect(dialogOf(el)!.open).toBe(true);
    const again = new FrameProbe(() => iframeOf(el)?.contentWindow, frameOrigin);
    probes.push(again);
    await again.next('connected');
    await again.send({ type: 'ready' });
    await again.send({ type: 'result', outcome: 'succeeded', invoiceId, paymentId: 'pay_2' });
    await vi.waitFor(() =>
      expect(events.filter((e) => e.name !== 'payframe-ready').map((e) => e.name)).toEqual([
        'payframe-cancel',
        'payframe-success',
      ]),
    );
  });

  test('its close button still closes an overlay reopened on a finished checkout', async () => {
    const { el, probe } = await overlayReady();
    await el.open();
    await probe.send({ type: 'result', outcome: 'succeeded', invoiceId, paymentId: 'pay_1' });
    await vi.waitFor(() => expect(dialogOf(el)!.open).toBe(false), {
      timeout: OVERLAY_RESULT_MS + 2000,
    });
    await el.open();
    expect(dialogOf(el)!.open).toBe(true);
    await userEvent.click(el.shadowRoot!.querySelector('button.close')!);
    expect(dialogOf(el)!.open).toBe(false);
    expect(document.documentElement.style.overflow).toBe('');
  });

  test('with two overlays open, the page scrolls again only once both are closed', async () => {
    const first = await overlayReady();
    const second = await overlayReady();
    await first.el.open();
    await second.el.open();
    first.el.destroy();
    expect(document.documentElement.style.overflow).toBe('hidden');
    second.el.destroy();
    expect(document.documentElement.style.overflow).toBe('');
  });
});

describe('<payframe-checkout> words of its own', () => {
  test('the overlay speaks the checkout’s language: its label, close button and frame title', async () => {
    const el = await modesCheckout('overlay', 'ct_arabic', 'ar');
    await el.updateComplete;
    const dialog = dialogOf(el)!;
    expect([dialog.lang, dialog.dir, dialog.getAttribute('aria-label')]).toEqual([
      'ar',
      'rtl',
      'دفع آمن',
    ]);
    expect(dialog.querySelector('button')!.getAttribute('aria-label')).toBe('إغلاق صفحة الدفع');
    expect(iframeOf(el)!.title).toBe('نموذج دفع آمن');
  });
});

describe('<payframe-checkout mode="redirect">', () => {
  test('mounts no frame and open() leaves for the hosted page in the chosen language', async () => {
    const el = await modesCheckout('redirect', 'ct_redirect', 'de');
    expect(iframeOf(el)).toBeNull();
    expect(el.navigated).toEqual([]);
    await el.open();
    expect(el.navigated).toEqual([`${frameOrigin}/checkout/ct_redirect#locale=de`]);
    expect(events).toEqual([]);
  });
});
