import { fixtureCleanup } from '@open-wc/testing-helpers';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { ConfirmResult } from '../protocol/checkout';
import type { ErrorCode } from '../protocol/errors';
import type { ChallengeAction } from '../protocol/three-ds';
import { CheckoutApiError } from './checkout-api';
import type { CheckoutApp } from './checkout-app.element';
import { en } from './i18n/en';
import { deferred, fakeApi, mount, payWith } from './test-app';
import { openSummary } from './test-summary';

const ACS = 'https://acs.example';
const action: ChallengeAction = {
  type: 'challenge',
  url: `${ACS}/challenge`,
  method: 'POST',
  parameters: { creq: 'creq-opaque-1' },
};
const ids = { invoice_id: 'inv_1', payment_id: 'pay_3ds' };
const challenged: ConfirmResult = { status: 'requires_action', ...ids, action };
const succeeded: ConfirmResult = { status: 'succeeded', ...ids };
const failed = (code: ErrorCode): ConfirmResult => ({
  status: 'failed',
  ...ids,
  error: { code, message: 'from the server', retryable: true },
});

/** Every form the frame submits, as submitted; none navigates anywhere. */
let forms: {
  action: string;
  method: string;
  target: string;
  fields: Record<string, FormDataEntryValue>;
  connected: boolean;
}[] = [];

beforeEach(() => {
  forms = [];
  vi.spyOn(HTMLFormElement.prototype, 'submit').mockImplementation(function (
    this: HTMLFormElement,
  ) {
    forms.push({
      action: this.action,
      method: this.method,
      target: this.target,
      fields: Object.fromEntries(new FormData(this)),
      connected: this.isConnected,
    });
  });
});

afterEach(() => {
  fixtureCleanup();
  vi.restoreAllMocks();
});

const challengeFrame = (app: CheckoutApp) =>
  app.shadowRoot!.querySelector<HTMLIFrameElement>('iframe.challenge-window')!;

/** A window message as the browser would deliver it from `source` on `origin`. */
function post(data: unknown, origin: string, source: Window | null) {
  window.dispatchEvent(new MessageEvent('message', { data, origin, source }));
}

const complete = { type: 'payframe:challenge-complete', paymentId: 'pay_3ds' };

/** Mounts, pays, and waits for the challenge view. */
async function challenge(options: Parameters<typeof fakeApi>[0] = {}, timing = {}) {
  const fake = fakeApi({ confirm: async () => challenged, ...options });
  const { app, ui } = await mount(fake.api, { timing });
  await payWith(ui);
  await expect.element(ui.getByRole('heading')).toHaveTextContent('Confirm with your bank');
  return { ...fake, app, ui, frame: challengeFrame(app) };
}

describe('<payframe-checkout-app> with a 3-D Secure challenge', () => {
  it.each([
    [480, '02'],
    [300, '01'],
    [240, '05'],
  ] as const)('asks, %i px wide, for challenge window %s', async (width, size) => {
    const { api, confirms } = fakeApi({});
    const { app, ui } = await mount(api);
    app.style.width = `${width}px`;
    await payWith(ui);
    expect(confirms[0]?.body.challenge_window_size).toBe(size);
  });

  it('shows who is paid how much, the bank’s page in a frame, and a cancel button', async () => {
    const { app, ui, frame } = await challenge();
    await expect
      .poll(() => app.shadowRoot!.activeElement?.textContent)
      .toBe('Confirm with your bank');
    await expect.element(ui.getByText('Demo Shop · €19.99')).toBeVisible();
    await expect.element(ui.getByTitle('Verification with your bank')).toBeInTheDocument();
    await expect.element(ui.getByRole('button', { name: 'Cancel verification' })).toBeVisible();
    await expect.element(ui.getByText('Connecting to your bank…')).toBeVisible();
    await expect.element(ui.getByLabelText('Card number')).not.toBeVisible();
    expect(frame.closest('[data-size]')?.getAttribute('data-size')).toMatch(/^0[1-5]$/);
  });

  it('sizes the nested frame to the window it asked for', async () => {
    const fake = fakeApi({ confirm: async () => challenged });
    const { app, ui } = await mount(fake.api);
    app.style.width = '480px';
    await payWith(ui);
    await expect.element(ui.getByTitle('Verification with your bank')).toBeInTheDocument();
    const { width, height } = challengeFrame(app).getBoundingClientRect();
    expect(fake.confirms[0]?.body.challenge_window_size).toBe('02');
    expect({ width, height }).toEqual({ width: 390, height: 400 });
  });

  it('posts creq to the action url into the nested frame with a form', async () => {
    const { frame } = await challenge();
    expect(forms).toEqual([
      {
        action: action.url,
        method: 'post',
        target: frame.name,
        fields: { creq: 'creq-opaque-1' },
        connected: true,
      },
    ]);
    expect(frame.name).toBe('payframe-challenge-pay_3ds');
  });

  it('puts the focus into the bank’s page once it says it shows', async () => {
    const { app, ui, frame } = await challenge();
    post({ type: 'payframe:acs-ready' }, location.origin, frame.contentWindow);
    post({ type: 'payframe:acs-ready' }, ACS, window);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await expect.element(ui.getByText('Connecting to your bank…')).toBeVisible();

    post({ type: 'payframe:acs-ready' }, ACS, frame.contentWindow);
    await expect.element(ui.getByText('Connecting to your bank…')).not.toBeInTheDocument();
    expect(app.shadowRoot!.activeElement).toBe(frame);
  });

  it('asks its server when the nested frame says the challenge ended, then succeeds', async () => {
    const { ui, frame, checks } = await challenge({ payment: async () => succeeded });
    post(complete, location.origin, frame.contentWindow);
    await expect.element(ui.getByRole('heading')).toHaveTextContent('Payment successful');
    expect(checks).toEqual(['pay_3ds']);
  });

  it('ignores a challenge-complete from another window, origin or payment', async () => {
    const { ui, frame, checks } = await challenge({ payment: async () => succeeded });
    post(complete, location.origin, window);
    post(complete, ACS, frame.contentWindow);
    post({ ...complete, paymentId: 'pay_other' }, location.origin, frame.contentWindow);
    post({ ...complete, outcome: 'succeeded' }, location.origin, frame.contentWindow);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(checks).toEqual([]);
    await expect.element(ui.getByRole('heading')).toHaveTextContent('Confirm with your bank');
  });

  it('takes the outcome from its server, not from the message', async () => {
    const { ui, frame, checks } = await challenge({ payment: async () => challenged });
    post(complete, location.origin, frame.contentWindow);
    await expect.poll(() => checks).toEqual(['pay_3ds']);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await expect.element(ui.getByRole('heading')).toHaveTextContent('Confirm with your bank');
  });

  it('polls its server and ends a challenge that timed out', async () => {
    let timedOut = false;
    const payment = async () => (timedOut ? failed('authentication_timeout') : challenged);
    const { ui, checks } = await challenge({ payment }, { pollIntervalMs: 30 });
    await expect.poll(() => checks.length).toBeGreaterThanOrEqual(2);
    await expect.element(ui.getByRole('heading')).toHaveTextContent('Confirm with your bank');
    timedOut = true;
    await expect
      .element(ui.getByRole('alert'))
      .toHaveTextContent(en.errors.authentication_timeout!);
    await expect.element(ui.getByLabelText('Card number')).toHaveValue('');
    const asked = checks.length;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(checks).toHaveLength(asked);
  });

  it('keeps polling through a network failure', async () => {
    let online = false;
    const payment = async () => {
      if (!online) throw new CheckoutApiError('network', 0, 'offline');
      return succeeded;
    };
    const { ui, checks } = await challenge({ payment }, { pollIntervalMs: 30 });
    await expect.poll(() => checks.length).toBeGreaterThanOrEqual(2);
    await expect.element(ui.getByRole('heading')).toHaveTextContent('Confirm with your bank');
    online = true;
    await expect.element(ui.getByRole('heading')).toHaveTextContent('Payment successful');
  });

  it('cancels on the server, then asks for a card again with the reason', async () => {
    const cancel = async () => failed('authentication_canceled');
    const { ui, cancels } = await challenge({ cancel });
    await userEvent.click(ui.getByRole('button', { name: 'Cancel verification' }));
    await expect
      .element(ui.getByRole('alert'))
      .toHaveTextContent(en.errors.authentication_canceled!);
    expect(cancels).toEqual([{ paymentId: 'pay_3ds', reason: 'canceled' }]);
    await expect.element(ui.getByLabelText('Card number')).toHaveValue('');
    await expect.element(ui.getByLabelText('Name on card')).toHaveValue('Ada Lovelace');
    await expect.element(ui.getByRole('button', { name: 'Pay €19.99' })).toBeEnabled();
  });

  it('says so when a cancel cannot reach the server, and lets the shopper cancel again', async () => {
    let tries = 0;
    const cancel = async () => {
      if (++tries === 1) throw new CheckoutApiError('network', 0, 'offline');
      return failed('authentication_canceled');
    };
    const { ui } = await challenge({ cancel });
    const button = ui.getByRole('button', { name: 'Cancel verification' });
    await userEvent.click(button);
    await expect.element(ui.getByRole('alert')).toHaveTextContent(en.networkError);
    await userEvent.click(button);
    await expect
      .element(ui.getByRole('alert'))
      .toHaveTextContent(en.errors.authentication_canceled!);
  });

  it('cancels as unavailable when the bank’s page never shows', async () => {
    const answer = deferred<ConfirmResult>();
    const { ui, cancels } = await challenge(
      { cancel: () => answer.promise },
      { acsReadyTimeoutMs: 100 },
    );
    await expect.poll(() => cancels).toEqual([{ paymentId: 'pay_3ds', reason: 'unavailable' }]);
    answer.resolve(failed('authentication_unavailable'));
    await expect
      .element(ui.getByRole('alert'))
      .toHaveTextContent(/^Your bank could not be reached/);
    expect(ui.getByText('Connecting to your bank…').query()).toBeNull();
  });
});

describe('<payframe-checkout-app> 3DS-Method step', () => {
  const method = { url: `${ACS}/3ds-method`, data: 'method-data-1' };
  const summary = { ...openSummary, three_ds_method: method };
  const methodFrame = (app: CheckoutApp) =>
    app.shadowRoot!.querySelector<HTMLIFrameElement>('iframe.hidden-frame');

  it('posts the method data in a hidden frame and confirms with Y once it completed', async () => {
    const { api, confirms } = fakeApi({ summary });
    const { app, ui } = await mount(api);
    const frame = methodFrame(app)!;
    expect(frame.getAttribute('aria-hidden')).toBe('true');
    expect(frame.tabIndex).toBe(-1);
    expect(frame.title).not.toBe('');
    expect(forms).toEqual([
      {
        action: method.url,
        method: 'post',
        target: frame.name,
        fields: { threeDSMethodData: 'method-data-1' },
        connected: true,
      },
    ]);
    post({ type: 'payframe:3ds-method-complete' }, ACS, frame.contentWindow);
    post({ type: 'payframe:3ds-method-complete' }, location.origin, window);
    expect(methodFrame(app)).not.toBeNull();
    post({ type: 'payframe:3ds-method-complete' }, location.origin, frame.contentWindow);
    expect(methodFrame(app)).toBeNull();
    await payWith(ui);
    await expect.poll(() => confirms[0]?.body.three_ds_method).toBe('Y');
  });

  it('holds a Pay back until the method step completes', async () => {
    const { api, confirms } = fakeApi({ summary });
    const { app, ui } = await mount(api);
    const frame = methodFrame(app)!;
    await payWith(ui);
    await expect.element(ui.getByRole('status')).toHaveTextContent('Processing payment…');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(confirms).toEqual([]);
    post({ type: 'payframe:3ds-method-complete' }, location.origin, frame.contentWindow);
    await expect.poll(() => confirms[0]?.body.three_ds_method).toBe('Y');
  });

  it('confirms with N when the method step did not complete in time', async () => {
    const { api, confirms } = fakeApi({ summary });
    const { app, ui } = await mount(api, { timing: { methodTimeoutMs: 100 } });
    await expect.poll(() => methodFrame(app)).toBeNull();
    await payWith(ui);
    await expect.poll(() => confirms[0]?.body.three_ds_method).toBe('N');
  });

  it('confirms with U when the checkout has no method step', async () => {
    const { api, confirms } = fakeApi({});
    const { app, ui } = await mount(api);
    expect(methodFrame(app)).toBeNull();
    await payWith(ui);
    expect(confirms[0]?.body.three_ds_method).toBe('U');
  });
});
