import { fixture, fixtureCleanup, html } from '@open-wc/testing-helpers';
import { afterEach, describe, expect, test, vi } from 'vitest';
import {
  crossOrigin,
  fixtureUrl,
  FrameProbe,
  settle,
} from '../messaging/test-fixtures/frame-harness';
import type { Appearance } from '../protocol/appearance';
import './define';
import { PayframeCheckoutElement } from './payframe-checkout.element';

/** `<payframe-checkout>`'s `appearance` against the fixture frame, which plays the checkout. */
class FixtureCheckout extends PayframeCheckoutElement {
  protected override frameSrc(channel: string): string {
    return fixtureUrl({ frameOrigin: this.paymentOrigin!, hostOrigin: location.origin, channel });
  }
}
customElements.define('appearance-fixture-checkout', FixtureCheckout);

const frameOrigin = crossOrigin();
const probes: FrameProbe[] = [];
const errors: CustomEvent[] = [];
const onError = (event: Event) => errors.push(event as CustomEvent);
document.addEventListener('payframe-error', onError);

afterEach(() => {
  for (const probe of probes.splice(0)) probe.dispose();
  errors.splice(0);
  fixtureCleanup();
});

async function connect(el: FixtureCheckout) {
  const probe = new FrameProbe(
    () => el.shadowRoot!.querySelector('iframe')?.contentWindow,
    frameOrigin,
  );
  probes.push(probe);
  await probe.next('connected');
  await probe.send({ type: 'ready' });
  return probe;
}

const configures = (probe: FrameProbe) =>
  probe.of('received').map((r) => r.message as { type: string; appearance?: unknown });

const green: Appearance = { theme: 'dark', variables: { colorPrimary: '#0a7d4f' } };

describe('<payframe-checkout> appearance', () => {
  test('sends the appearance property once the frame is ready, and each new one after', async () => {
    const el = await fixture<FixtureCheckout>(
      html`<appearance-fixture-checkout
        token="ct_test1"
        .paymentOrigin=${frameOrigin}
        .appearance=${green}
      ></appearance-fixture-checkout>`,
    );
    const probe = await connect(el);
    await probe.next('received');

    el.appearance = { theme: 'light' };
    await el.updateComplete;
    el.appearance = undefined;
    await el.updateComplete;
    await vi.waitFor(() =>
      expect(configures(probe)).toEqual([
        { type: 'configure', appearance: green },
        { type: 'configure', appearance: { theme: 'light' } },
        { type: 'configure' },
      ]),
    );
  });

  test('reads the appearance attribute as JSON, and again when it changes', async () => {
    const el = await fixture<FixtureCheckout>(
      html`<appearance-fixture-checkout
        token="ct_test1"
        appearance='{"theme":"dark","variables":{"colorPrimary":"#0a7d4f"}}'
        .paymentOrigin=${frameOrigin}
      ></appearance-fixture-checkout>`,
    );
    expect(el.appearance).toEqual(green);
    const probe = await connect(el);

    el.setAttribute('appearance', '{"theme":"auto"}');
    await vi.waitFor(() =>
      expect(configures(probe)).toEqual([
        { type: 'configure', appearance: green },
        { type: 'configure', appearance: { theme: 'auto' } },
      ]),
    );
  });

  test('passes an attribute that is not JSON on as text, for the frame to reject', async () => {
    const el = await fixture<FixtureCheckout>(
      html`<appearance-fixture-checkout
        token="ct_test1"
        appearance="{theme: dark}"
        .paymentOrigin=${frameOrigin}
      ></appearance-fixture-checkout>`,
    );
    const probe = await connect(el);
    expect((await probe.next('received')).message).toEqual({
      type: 'configure',
      appearance: '{theme: dark}',
    });
  });

  test("turns the frame's invalid_appearance into payframe-error, and the checkout goes on", async () => {
    const el = await fixture<FixtureCheckout>(
      html`<appearance-fixture-checkout
        token="ct_test1"
        .paymentOrigin=${frameOrigin}
      ></appearance-fixture-checkout>`,
    );
    const probe = await connect(el);
    const message = 'appearance.variables.colorPrimary is not an allowed value';
    await probe.send({ type: 'error', code: 'invalid_appearance', message });
    await vi.waitFor(() =>
      expect(errors.map((e) => e.detail)).toEqual([{ code: 'invalid_appearance', message }]),
    );
    expect(errors[0]).toMatchObject({ bubbles: true, composed: true });

    const success = vi.fn();
    el.addEventListener('payframe-success', success);
    await probe.send({
      type: 'result',
      outcome: 'succeeded',
      invoiceId: 'inv_1',
      paymentId: 'pay_1',
    });
    await vi.waitFor(() => expect(success).toHaveBeenCalledOnce());
  });

  test('reports an appearance that cannot be copied to the frame as invalid_appearance', async () => {
    const el = await fixture<FixtureCheckout>(
      html`<appearance-fixture-checkout
        token="ct_test1"
        .paymentOrigin=${frameOrigin}
      ></appearance-fixture-checkout>`,
    );
    const probe = await connect(el);
    await settle(50);
    el.appearance = { theme: 'dark', variables: (() => {}) as never };
    await el.updateComplete;

    expect(errors.map((e) => e.detail)).toEqual([
      { code: 'invalid_appearance', message: 'appearance must be plain JSON data' },
    ]);
    expect(configures(probe)).toEqual([]);
  });

  test('sends the appearance without an empty locale, which the frame would refuse', async () => {
    const el = await fixture<FixtureCheckout>(
      html`<appearance-fixture-checkout
        token="ct_test1"
        locale=""
        appearance='{"theme":"dark"}'
        .paymentOrigin=${frameOrigin}
      ></appearance-fixture-checkout>`,
    );
    const probe = await connect(el);
    expect((await probe.next('received')).message).toEqual({
      type: 'configure',
      appearance: { theme: 'dark' },
    });
    expect(probe.of('rejected')).toEqual([]);
  });

  test('sends nothing on ready without a locale or an appearance', async () => {
    const el = await fixture<FixtureCheckout>(
      html`<appearance-fixture-checkout
        token="ct_test1"
        .paymentOrigin=${frameOrigin}
      ></appearance-fixture-checkout>`,
    );
    const probe = await connect(el);
    await settle(50);
    expect(configures(probe)).toEqual([]);
  });
});
