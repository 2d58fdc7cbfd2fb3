import { fixture, fixtureCleanup, html } from '@open-wc/testing-helpers';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import {
  crossOrigin,
  fixtureUrl,
  FrameProbe,
  settle,
} from '../messaging/test-fixtures/frame-harness';
import { FRAME_LOAD_TIMEOUT_MS, INITIAL_FRAME_HEIGHT } from './constants';
import './define';
import type { PayframeEventDetails, PayframeEventName } from './events';
import { PayframeCheckoutElement } from './payframe-checkout.element';

/**
 * `<payframe-checkout>` against a real cross-origin frame. The payment server is not running
 * here, so a subclass serves the fixture frame (which plays the checkout frame's side of the
 * channel) instead of `/checkout/{token}`; everything else is the element as shipped.
 */
class FixtureCheckout extends PayframeCheckoutElement {
  protected override frameSrc(channel: string): string {
    return fixtureUrl({ frameOrigin: this.paymentOrigin!, hostOrigin: location.origin, channel });
  }
}
customElements.define('fixture-payframe-checkout', FixtureCheckout);

const eventNames: PayframeEventName[] = [
  'payframe-ready',
  'payframe-success',
  'payframe-failure',
  'payframe-cancel',
  'payframe-error',
];
type Recorded = {
  [K in PayframeEventName]: { name: K; detail: PayframeEventDetails[K] };
}[PayframeEventName];

/** Every Payframe event that reaches the document: they must bubble out of any shadow root. */
let events: Recorded[] = [];
const record = (event: Event) => {
  const { type, detail, bubbles, composed } = event as CustomEvent;
  expect({ bubbles, composed }).toEqual({ bubbles: true, composed: true });
  events.push({ name: type, detail } as Recorded);
};
const probes: FrameProbe[] = [];

beforeEach(() => {
  events = [];
  for (const name of eventNames) document.addEventListener(name, record);
});
afterEach(() => {
  vi.useRealTimers();
  for (const name of eventNames) document.removeEventListener(name, record);
  for (const probe of probes.splice(0)) probe.dispose();
  fixtureCleanup();
});

const frameOrigin = crossOrigin();
const iframeOf = (el: HTMLElement) => el.shadowRoot!.querySelector('iframe');
const named = <K extends PayframeEventName>(name: K) =>
  events.filter((e): e is Extract<Recorded, { name: K }> => e.name === name);

const invoiceId = 'inv_test1';
const succeeded = { type: 'result', outcome: 'succeeded', invoiceId, paymentId: 'pay_1' };
const declined = (retryable: boolean) => ({
  type: 'result',
  outcome: 'failed',
  invoiceId,
  paymentId: 'pay_0',
  error: { code: 'card_declined', message: 'The card was declined.', retryable },
});
const canceled = { type: 'result', outcome: 'canceled', invoiceId };

/** Mounts a checkout on the fixture frame and waits until the frame holds its port. */
async function mountConnected(locale?: string) {
  const el = await fixture<FixtureCheckout>(
    html`<fixture-payframe-checkout
      token="ct_test1"
      locale=${locale ?? ''}
      .paymentOrigin=${frameOrigin}
    ></fixture-payframe-checkout>`,
  );
  if (!locale) el.locale = undefined;
  const probe = new FrameProbe(() => iframeOf(el)?.contentWindow, frameOrigin);
  probes.push(probe);
  await probe.next('connected');
  return { el, probe };
}

/** Messages on one port arrive in order: once this resize has landed, so has all before it. */
async function flush(el: HTMLElement, probe: FrameProbe, height: number) {
  await probe.send({ type: 'resize', height });
  await vi.waitFor(() => expect(iframeOf(el)!.style.height).toBe(`${height}px`));
}

describe('<payframe-checkout> inline', () => {
  test('points an iframe at /checkout/{token} with the exact host origin and a fresh channel', async () => {
    const el = await fixture<PayframeCheckoutElement>(
      html`<payframe-checkout token="ct_a/b c" .paymentOrigin=${frameOrigin}></payframe-checkout>`,
    );
    const other = await fixture<PayframeCheckoutElement>(
      html`<payframe-checkout token="ct_a/b c" .paymentOrigin=${frameOrigin}></payframe-checkout>`,
    );

    const iframe = iframeOf(el)!;
    const channel = /&channel=([0-9A-Za-z_-]{8,64})$/.exec(iframe.src)?.[1];
    expect(channel).toBeDefined();
    expect(iframe.src).toBe(
      `${frameOrigin}/checkout/ct_a%2Fb%20c#origin=${encodeURIComponent(location.origin)}&channel=${channel}`,
    );
    expect(iframeOf(other)!.src).not.toContain(`channel=${channel}`);
    expect(iframe.title).toBe('Secure payment form');
    expect(iframe.allow).toBe('payment');
    const style = getComputedStyle(iframe);
    expect(style.borderTopWidth).toBe('0px');
    expect(iframe.getBoundingClientRect().width).toBe(el.getBoundingClientRect().width);
    expect(iframe.getBoundingClientRect().height).toBe(INITIAL_FRAME_HEIGHT);
  });

  test('mounts nothing without a token, and mounts once one is set', async () => {
    const el = await fixture<FixtureCheckout>(
      html`<fixture-payframe-checkout .paymentOrigin=${frameOrigin}></fixture-payframe-checkout>`,
    );
    expect(iframeOf(el)).toBeNull();

    el.token = 'ct_late';
    await el.updateComplete;
    const probe = new FrameProbe(() => iframeOf(el)?.contentWindow, frameOrigin);
    probes.push(probe);
    await probe.next('connected');
    expect(events).toEqual([]);
  });

  test('fires payframe-ready when the connected frame says ready', async () => {
    const { probe } = await mountConnected();
    expect(named('payframe-ready')).toEqual([]);

    await probe.send({ type: 'ready' });
    await vi.waitFor(() =>
      expect(named('payframe-ready')).toEqual([{ name: 'payframe-ready', detail: {} }]),
    );
  });

  test('sends the locale once the frame is ready, and again when it changes', async () => {
    const { el, probe } = await mountConnected('de-CH');
    await settle(50);
    expect(probe.of('received')).toEqual([]);

    await probe.send({ type: 'ready' });
    await probe.next('received');
    el.locale = 'fr';
    await el.updateComplete;
    await vi.waitFor(() =>
      expect(probe.of('received').map((r) => r.message)).toEqual([
        { type: 'configure', locale: 'de-CH' },
        { type: 'configure', locale: 'fr' },
      ]),
    );
  });

  test('close() asks a ready frame to close, and its canceled answer ends the checkout', async () => {
    const { el, probe } = await mountConnected();
    await probe.send({ type: 'ready' });
    await vi.waitFor(() => expect(named('payframe-ready')).toHaveLength(1));
    el.close();
    expect((await probe.next('received')).message).toEqual({ type: 'close' });
    probe.sendLast(canceled);
    await vi.waitFor(() =>
      expect(named('payframe-cancel')).toEqual([
        { name: 'payframe-cancel', detail: { invoiceId } },
      ]),
    );
  });

  test('close() before the frame is ready cancels here, with no invoice id yet', async () => {
    const { el, probe } = await mountConnected();
    el.close();
    await vi.waitFor(() => expect(named('payframe-cancel')).toHaveLength(1));
    expect(named('payframe-cancel')[0]!.detail).toEqual({ invoiceId: null });
    await vi.waitFor(() => expect(iframeOf(el)).toBeNull());
    expect(probe.of('received')).toEqual([]);
  });

  test('open() resolves at once for an inline checkout', async () => {
    const { el } = await mountConnected();
    await expect(el.open()).resolves.toBeUndefined();
    expect(iframeOf(el)).not.toBeNull();
  });

  test('takes exactly the height the frame reports', async () => {
    const { el, probe } = await mountConnected();
    await flush(el, probe, 481);
    expect(iframeOf(el)!.getBoundingClientRect().height).toBe(481);
    expect(el.getBoundingClientRect().height).toBe(481);
  });

  test('fires payframe-success once and ignores every later result', async () => {
    const { el, probe } = await mountConnected();
    await probe.send({ type: 'ready' });
    await probe.send(succeeded);
    await probe.send({ ...succeeded, paymentId: 'pay_2' });
    await probe.send(declined(false));
    probe.sendLast(canceled);
    await flush(el, probe, 400);

    expect(events.filter((e) => e.name !== 'payframe-ready')).toEqual([
      { name: 'payframe-success', detail: { invoiceId, paymentId: 'pay_1' } },
    ]);
  });

  test('a retryable decline is not terminal: failure then success', async () => {
    const { el, probe } = await mountConnected();
    await probe.send(declined(true));
    await probe.send(succeeded);
    probe.sendLast(canceled);
    await flush(el, probe, 400);

    expect(events).toEqual([
      {
        name: 'payframe-failure',
        detail: {
          invoiceId,
          paymentId: 'pay_0',
          error: { code: 'card_declined', message: 'The card was declined.', retryable: true },
        },
      },
      { name: 'payframe-success', detail: { invoiceId, paymentId: 'pay_1' } },
    ]);
  });

  test('a decline that cannot be retried is terminal', async () => {
    const { el, probe } = await mountConnected();
    await probe.send(declined(false));
    await probe.send(succeeded);
    await flush(el, probe, 400);

    expect(events.map((e) => e.name)).toEqual(['payframe-failure']);
  });

  test('a cancel is terminal: the canceled checkout is taken down', async () => {
    const { el, probe } = await mountConnected();
    probe.sendLast(canceled);
    await vi.waitFor(() => expect(iframeOf(el)).toBeNull());
    expect(events).toEqual([{ name: 'payframe-cancel', detail: { invoiceId } }]);
  });

  test('drops a success without paymentId and a failure without error', async () => {
    const { el, probe } = await mountConnected();
    await probe.send({ type: 'result', outcome: 'succeeded', invoiceId });
    await probe.send({ type: 'result', outcome: 'failed', invoiceId });
    await probe.send(succeeded);
    await flush(el, probe, 400);

    expect(events.map((e) => e.name)).toEqual(['payframe-success']);
  });

  test('reports unsupported_mode for mode="fullscreen" and mounts no frame', async () => {
    const el = await fixture<FixtureCheckout>(
      html`<fixture-payframe-checkout
        token="ct_test1"
        mode="fullscreen"
        .paymentOrigin=${frameOrigin}
      ></fixture-payframe-checkout>`,
    );

    expect(iframeOf(el)).toBeNull();
    expect(events).toEqual([
      {
        name: 'payframe-error',
        detail: {
          code: 'unsupported_mode',
          message: 'Display mode "fullscreen" is not available.',
        },
      },
    ]);
  });

  test('mode="popup" mounts nothing until open(), which must run in the click', async () => {
    const el = await fixture<FixtureCheckout>(
      html`<fixture-payframe-checkout
        token="ct_test1"
        mode="popup"
        .paymentOrigin=${frameOrigin}
      ></fixture-payframe-checkout>`,
    );
    expect(el.shadowRoot!.childElementCount).toBe(0);
    expect(events).toEqual([]);
  });

  test.each(['toString', 'constructor'])('treats mode="%s" as unsupported', async (mode) => {
    await fixture(
      html`<fixture-payframe-checkout
        token="ct_test1"
        mode=${mode}
        .paymentOrigin=${frameOrigin}
      ></fixture-payframe-checkout>`,
    );
    expect(named('payframe-error').map((e) => e.detail.code)).toEqual(['unsupported_mode']);
  });

  test('reports frame_load_failed without a payment origin', async () => {
    const el = await fixture<PayframeCheckoutElement>(
      html`<payframe-checkout token="ct_test1"></payframe-checkout>`,
    );

    expect(el.paymentOrigin).toBeUndefined();
    expect(iframeOf(el)).toBeNull();
    expect(named('payframe-error').map((e) => e.detail.code)).toEqual(['frame_load_failed']);
  });

  test('reports frame_load_failed and removes the frame when it is not ready in time', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const el = await fixture<PayframeCheckoutElement>(
      html`<payframe-checkout token="ct_never" .paymentOrigin=${frameOrigin}></payframe-checkout>`,
    );

    vi.advanceTimersByTime(FRAME_LOAD_TIMEOUT_MS - 1);
    expect(events).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(events).toEqual([
      {
        name: 'payframe-error',
        detail: { code: 'frame_load_failed', message: 'The checkout could not be loaded.' },
      },
    ]);
    await el.updateComplete;
    expect(iframeOf(el)).toBeNull();
  });

  test('reports no load failure once the frame is ready', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { el, probe } = await mountConnected();
    await probe.send({ type: 'ready' });
    await vi.waitFor(() => expect(named('payframe-ready')).toHaveLength(1));

    vi.advanceTimersByTime(FRAME_LOAD_TIMEOUT_MS * 2);
    expect(named('payframe-error')).toEqual([]);
    expect(iframeOf(el)).not.toBeNull();
  });

  test('destroy() removes the frame for good and no more events come', async () => {
    const { el, probe } = await mountConnected();
    await probe.send({ type: 'ready' });
    await vi.waitFor(() => expect(named('payframe-ready')).toHaveLength(1));
    const iframe = iframeOf(el)!;

    el.destroy();
    void probe.send(succeeded).catch(() => {});
    el.token = 'ct_test2';
    await el.updateComplete;
    await settle();

    expect(iframe.isConnected).toBe(false);
    expect(iframeOf(el)).toBeNull();
    expect(events.map((e) => e.name)).toEqual(['payframe-ready']);
  });

  test('a new token mounts a new frame on a new channel', async () => {
    const { el, probe } = await mountConnected();
    const first = iframeOf(el)!;

    el.token = 'ct_test2';
    await el.updateComplete;
    const second = iframeOf(el)!;
    expect(second).not.toBe(first);
    expect(first.isConnected).toBe(false);
    expect(second.src).not.toBe(first.src);

    const secondProbe = new FrameProbe(() => second.contentWindow, frameOrigin);
    probes.push(secondProbe);
    await secondProbe.next('connected');
    await secondProbe.send(succeeded);
    await vi.waitFor(() => expect(named('payframe-success')).toHaveLength(1));
    expect(probe.of('received')).toEqual([]);
  });

  test('moving the element in the page remounts the checkout', async () => {
    const { el } = await mountConnected();
    const first = iframeOf(el)!;

    const parent = el.parentElement!;
    parent.append(document.createElement('div'), el);
    await el.updateComplete;

    const second = iframeOf(el)!;
    expect(second).not.toBe(first);
    expect(first.isConnected).toBe(false);
    const probe = new FrameProbe(() => second.contentWindow, frameOrigin);
    probes.push(probe);
    await probe.next('connected');
  });
});

describe('<payframe-checkout> across remounts', () => {
  test('a checkout that ended stays ended when the same token is mounted again', async () => {
    const { el, probe } = await mountConnected();
    await probe.send(succeeded);
    await vi.waitFor(() => expect(named('payframe-success')).toHaveLength(1));

    el.parentElement!.append(el);
    await el.updateComplete;
    const again = new FrameProbe(() => iframeOf(el)?.contentWindow, frameOrigin);
    probes.push(again);
    await again.next('connected');
    await again.send(succeeded);
    await again.send(canceled);
    await flush(el, again, 300);

    expect(events.map((e) => e.name)).toEqual(['payframe-success']);
  });

  test('another token is another checkout with its own terminal event', async () => {
    const { el, probe } = await mountConnected();
    probe.sendLast(canceled);
    await vi.waitFor(() => expect(named('payframe-cancel')).toHaveLength(1));

    el.token = 'ct_test2';
    await el.updateComplete;
    const next = new FrameProbe(() => iframeOf(el)?.contentWindow, frameOrigin);
    probes.push(next);
    await next.next('connected');
    await next.send(succeeded);
    await vi.waitFor(() => expect(named('payframe-success')).toHaveLength(1));
    expect(events.map((e) => e.name)).toEqual(['payframe-cancel', 'payframe-success']);
  });
});

describe('<payframe-checkout> among others and inside shadow roots', () => {
  test('two checkouts on one page each get their own frame, channel and events', async () => {
    const page = await fixture<HTMLElement>(
      html`<div>
        <fixture-payframe-checkout
          token="ct_one"
          .paymentOrigin=${frameOrigin}
        ></fixture-payframe-checkout>
        <fixture-payframe-checkout
          token="ct_two"
          .paymentOrigin=${frameOrigin}
        ></fixture-payframe-checkout>
      </div>`,
    );
    const [one, two] = [...page.querySelectorAll<FixtureCheckout>('fixture-payframe-checkout')];
    const oneProbe = new FrameProbe(() => iframeOf(one!)?.contentWindow, frameOrigin);
    const twoProbe = new FrameProbe(() => iframeOf(two!)?.contentWindow, frameOrigin);
    probes.push(oneProbe, twoProbe);
    await oneProbe.next('connected');
    await twoProbe.next('connected');
    expect(iframeOf(one!)!.src).not.toBe(iframeOf(two!)!.src);

    const seen: [string, EventTarget | null][] = [];
    for (const el of [one!, two!]) {
      el.addEventListener('payframe-success', (e) => seen.push([e.detail.paymentId, e.target]));
    }
    await twoProbe.send({ ...succeeded, paymentId: 'pay_two' });
    await oneProbe.send({ ...declined(true) });
    await vi.waitFor(() => expect(seen).toEqual([['pay_two', two]]));
    expect(named('payframe-failure').map((e) => e.detail.paymentId)).toEqual(['pay_0']);
  });

  test('works inside another element’s shadow root, its events reaching the document', async () => {
    const host = await fixture<HTMLElement>(html`<div></div>`);
    const shadow = host.attachShadow({ mode: 'open' });
    const el = document.createElement('fixture-payframe-checkout') as FixtureCheckout;
    el.paymentOrigin = frameOrigin;
    el.token = 'ct_shadow';
    shadow.append(el);
    await el.updateComplete;
    const probe = new FrameProbe(() => iframeOf(el)?.contentWindow, frameOrigin);
    probes.push(probe);
    await probe.next('connected');
    await probe.send({ type: 'ready' });
    await probe.send(succeeded);
    // Composed: the page's own listeners on `document` hear it from inside the shadow root.
    await vi.waitFor(() =>
      expect(named('payframe-success')).toEqual([
        { name: 'payframe-success', detail: { invoiceId, paymentId: 'pay_1' } },
      ]),
    );
    expect(iframeOf(el)!.src).toContain(`#origin=${encodeURIComponent(location.origin)}`);
  });
});

describe('<payframe-checkout> upgraded late', () => {
  test('takes properties set before embed.js defined the element', async () => {
    // A framework may render and set properties before the script has run.
    const el = document.createElement('late-payframe-checkout') as FixtureCheckout;
    Object.assign(el, { token: 'ct_late', paymentOrigin: frameOrigin, mode: 'inline' });
    document.body.append(el);
    customElements.define('late-payframe-checkout', class extends FixtureCheckout {});
    customElements.upgrade(el);
    await el.updateComplete;
    try {
      expect(el.token).toBe('ct_late');
      const first = iframeOf(el)!;
      // Later changes go through the element's own setters, so they mount a new checkout.
      el.token = 'ct_later';
      await el.updateComplete;
      expect(iframeOf(el)).not.toBe(first);
      expect(first.isConnected).toBe(false);
    } finally {
      el.remove();
    }
  });
});
