import { isOrigin } from '../messaging/origin';
import type { Appearance } from '../protocol/appearance';
import type { ErrorCode } from '../protocol/error-codes';
import { FRAME_LOAD_FAILED_MESSAGE, OVERLAY_RESULT_MS } from './constants';
import { CheckoutSession } from './checkout-session';
import { DisplayMode, frameViews, type FrameView } from './display-modes';
import { hostStrings } from './host-strings';
import { payframeEvent, type PayframeEventDetails, type PayframeEventName } from './events';
import { frameUrl, hostedUrl, randomChannelId } from './frame-url';
import { followOutcome } from './follow-outcome';
import { styleSheet } from './payframe-checkout.styles';
import { scriptPaymentOrigin } from './payment-origin';

/**
 * The Payframe checkout. Card details are typed into a frame served by the payment origin; this
 * element only mounts that frame and turns its messages into events.
 *
 * @summary Embeds the Payframe checkout for one checkout token.
 *
 * @fires payframe-ready - The checkout frame is loaded and connected.
 * @fires payframe-success - Terminal: the payment succeeded (`{invoiceId, paymentId}`).
 * @fires payframe-failure - The payment failed (`{invoiceId, paymentId?, error}`); terminal only
 *   when `error.retryable` is false, otherwise the shopper may try another card.
 * @fires payframe-cancel - Terminal: the shopper canceled (`{invoiceId}`).
 * @fires payframe-error - Integration error (`{code, message}`): `unsupported_mode`,
 *   `frame_load_failed`, `invalid_appearance`.
 *
 * @csspart frame - The checkout iframe.
 */
export class PayframeCheckoutElement extends HTMLElement {
  static observedAttributes = ['token', 'mode', 'locale', 'appearance'];

  /** The checkout token (`ct_…`) from the invoice; changing it mounts a new checkout. */
  get token(): string | undefined {
    return this.#props.token;
  }
  set token(value: string | undefined) {
    this.#set('token', value);
  }

  /**
   * `inline` (default): in the page, as tall as its content. `overlay`: a modal dialog over the
   * page, loaded at once and shown by `open()`. `popup`: its own window, opened by `open()` in the
   * shopper's click (an overlay when blocked). `redirect`: `open()` takes the shopper to the
   * hosted page, which returns to the invoice's `success_url` or `cancel_url`.
   */
  get mode(): string {
    return this.#props.mode;
  }
  set mode(value: string) {
    this.#set('mode', value);
  }

  /** A BCP 47 language tag or `auto`, passed to the frame once it is ready and on every change. */
  get locale(): string | undefined {
    return this.#props.locale;
  }
  set locale(value: string | undefined) {
    this.#set('locale', value);
  }

  /**
   * Theme and variables of the checkout frame (docs/integration.md); the attribute takes the same
   * as JSON. Passed to the frame once it is ready and whenever a new value is set; the frame
   * checks it and fires `payframe-error` `invalid_appearance` for a value it does not allow.
   */
  get appearance(): Appearance | undefined {
    return this.#props.appearance;
  }
  set appearance(value: Appearance | undefined) {
    this.#set('appearance', value);
  }

  /** Origin of the payment server; defaults to the origin `embed.js` was loaded from. */
  get paymentOrigin(): string | undefined {
    return this.#props.paymentOrigin;
  }
  set paymentOrigin(value: string | undefined) {
    this.#set('paymentOrigin', value);
  }

  /** Resolves once the latest change is applied (the frame mounted, the locale sent). */
  get updateComplete(): Promise<boolean> {
    return this.#updated;
  }

  #props: Props = {
    token: undefined,
    mode: DisplayMode.inline,
    locale: undefined,
    appearance: undefined,
    paymentOrigin: scriptPaymentOrigin,
  };
  #changed = new Set<keyof Props>();
  #popupGone = false;
  #updated = Promise.resolve(true);
  #updateQueued = false;
  readonly #root = this.attachShadow({ mode: 'open' });

  /** How the checkout is shown: the `mode`, or `overlay` when the popup was blocked. */
  shownAs: string | undefined;
  /**
   * Popup: a window opened already for this checkout (with `openPopupWindow()` in the click
   * handler, before the token was known); it is taken instead of opening another.
   */
  popupWindow: Window | null | undefined;

  private session: CheckoutSession | undefined;
  private view: FrameView | undefined;
  private needsMount = true;
  private destroyed = false;
  /** The token whose checkout already had its terminal event: remounting it shows the frame
   * again, but no second terminal event. */
  private finishedToken: string | undefined;
  private hideTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.#root.adoptedStyleSheets = [styleSheet()];
    // A property set before embed.js defined the element (a framework rendering first) is an own
    // property hiding the setter: taken over, so it counts like any later change.
    for (const key of PROPERTY_NAMES) {
      if (!Object.hasOwn(this, key)) continue;
      const value = (this as Record<string, unknown>)[key];
      delete (this as Record<string, unknown>)[key];
      this.#set(key, value as never);
    }
  }

  attributeChangedCallback(name: string, _old: string | null, value: string | null): void {
    if (name === 'appearance') this.appearance = parseJson(value) as Appearance | undefined;
    else if (name === 'mode') this.mode = value ?? DisplayMode.inline;
    else this.#set(name as 'token' | 'locale', value ?? undefined);
  }

  connectedCallback(): void {
    this.needsMount = true;
    this.requestUpdate();
  }

  disconnectedCallback(): void {
    this.unmount();
  }

  /**
   * Shows the checkout: the overlay opens (and takes the focus), `redirect` leaves for the hosted
   * page; an inline checkout is shown as soon as it is mounted.
   */
  async open(): Promise<void> {
    if (this.mode === DisplayMode.popup) {
      // Synchronously, in the shopper's click: a window opened after an `await` is blocked.
      if (this.#updateQueued) this.#update();
      if (!this.isConnected || this.destroyed) return;
      if (!this.view || this.session?.ended) this.#mountNow();
      this.view?.show?.();
      return;
    }
    if (this.mode === DisplayMode.redirect) {
      if (this.token && this.paymentOrigin && isOrigin(this.paymentOrigin)) {
        this.navigate(hostedUrl(this.paymentOrigin, this.token, this.locale));
      } else {
        this.emitError('frame_load_failed', 'A redirect needs a token and the payment origin.');
      }
      return;
    }
    // A checkout canceled before is opened afresh, as a new checkout with its own ending.
    if (!this.view && !this.destroyed) {
      this.needsMount = true;
      this.requestUpdate();
    }
    await this.updateComplete;
    this.view?.show?.();
  }

  /**
   * Asks to leave, as the overlay's close button does: the checkout ends with `payframe-cancel`
   * unless a payment is under way (its answer then decides) or a challenge is open (it is
   * canceled first, and the shopper may choose another card).
   */
  close(): void {
    // A checkout that has ended has nothing left to ask: its overlay simply closes.
    if (this.session?.ended) this.view?.hide?.();
    // A popup that is gone cannot be asked: leaving ends the checkout here.
    else if (this.#popupGone) this.session?.cancelHere(null);
    else this.session?.close();
  }

  /** Removes the frame and stops listening for good; this element will not mount again. */
  destroy(): void {
    this.destroyed = true;
    this.unmount();
  }

  /** Applies the changes at the next microtask, all together, as a reactive element does. */
  protected requestUpdate(): void {
    if (this.#updateQueued) return;
    this.#updateQueued = true;
    this.#updated = Promise.resolve().then(() => {
      if (this.#updateQueued) this.#update();
      return true;
    });
  }

  #update(): void {
    this.#updateQueued = false;
    const changed = this.#changed;
    this.#changed = new Set();
    this.willUpdate(changed);
    // The same node stays in place: moving an iframe would reload it.
    const content = this.view?.content as Node | undefined;
    if (!content) this.#root.replaceChildren();
    else if (this.#root.lastChild !== content) this.#root.replaceChildren(content);
  }

  /** Mounts (a popup's window waits for this, in the click) and renders right now. */
  #mountNow(mode?: string): void {
    if (this.#updateQueued) this.#update();
    this.unmount();
    this.mount(mode);
    this.#update();
  }

  #set<K extends keyof Props>(key: K, value: Props[K]): void {
    if (Object.is(this.#props[key], value)) return;
    this.#props[key] = value;
    this.#changed.add(key);
    this.requestUpdate();
  }

  protected willUpdate(changed: ReadonlySet<keyof Props>): void {
    if (changed.has('token') || changed.has('mode') || changed.has('paymentOrigin')) {
      this.unmount();
      this.needsMount = true;
    }
    if (changed.has('locale') || changed.has('appearance')) {
      this.session?.configure(this.locale, this.appearance);
    }
    // A popup's window can only be opened in the shopper's click: `open()` mounts it.
    if (this.needsMount && this.isConnected && !this.destroyed && this.mode !== DisplayMode.popup) {
      this.needsMount = false;
      this.mount();
    }
  }

  /** Leaves for the hosted page (redirect mode); tests record it instead. */
  protected navigate(url: string): void {
    location.assign(url);
  }

  /** The checkout frame's URL for this channel. Tests override it to serve a fixture frame. */
  protected frameSrc(channel: string): string {
    return frameUrl(
      this.paymentOrigin ?? '',
      this.token ?? '',
      location.origin,
      channel,
      this.locale,
    );
  }

  private mount(mode = this.mode): void {
    const { token, paymentOrigin } = this;
    // A redirect has nothing to show on this page until `open()` leaves it.
    if (!token || mode === DisplayMode.redirect) return;
    const createView = frameViews.get(mode);
    if (!createView) {
      return this.emitError('unsupported_mode', `Display mode "${mode}" is not available.`);
    }
    if (!paymentOrigin || !isOrigin(paymentOrigin)) {
      return this.emitError(
        'frame_load_failed',
        'The payment origin is unknown: load embed.js with a script tag from the payment server.',
      );
    }

    const channel = randomChannelId();
    const view = createView({
      onError: () => session.fail('frame_load_failed', FRAME_LOAD_FAILED_MESSAGE),
      onDismiss: () => this.close(),
      // A blocked popup becomes an overlay, in the same click; the result says so (`shownAs`).
      onBlocked: () => {
        this.popupWindow = null;
        this.#mountNow(DisplayMode.overlay);
        this.view?.show?.();
      },
      onClosed: () => {
        this.#popupGone = true;
        followOutcome(session, paymentOrigin, token);
      },
      // Used once: a later checkout opens its own window.
      window: this.popupWindow,
      strings: hostStrings(this.locale),
    });
    this.popupWindow = undefined;
    this.#popupGone = false;
    this.shownAs = mode;
    const session = new CheckoutSession({
      paymentOrigin,
      channel,
      frameWindow: () => view.frameWindow(),
      locale: this.locale,
      appearance: this.appearance,
      emit: this.emit,
      resize: (height) => view.resize(height),
      ended: () => this.unmount(),
      // Escape closes what can be closed: the overlay, not a checkout in the page or a window.
      onEscape: () => mode === DisplayMode.overlay && this.close(),
      terminal: token === this.finishedToken,
      onTerminal: (name) => {
        // A cancel leaves the invoice open: mounting the token again is a new checkout.
        if (name !== 'payframe-cancel') this.finishedToken = token;
        this.afterTerminal(name);
      },
    });
    view.load(this.frameSrc(channel));
    this.session = session;
    this.view = view;
  }

  /**
   * An overlay gives the page back: at once when canceled, after showing its final screen a
   * moment otherwise. (An inline checkout stays where the page put it.)
   */
  private afterTerminal(name: PayframeEventName): void {
    const view = this.view;
    // After the page's own listeners ran: the focus goes back to what they left focusable.
    // A canceled checkout is taken down, so its form can no longer pay unseen.
    this.hideTimer = setTimeout(
      () => (name === 'payframe-cancel' ? view === this.view && this.unmount() : view?.hide?.()),
      name === 'payframe-cancel' ? 0 : OVERLAY_RESULT_MS,
    );
  }

  private unmount(): void {
    clearTimeout(this.hideTimer);
    this.session?.dispose();
    this.view?.dispose();
    this.session = undefined;
    this.view = undefined;
    this.requestUpdate();
  }

  private emitError(code: ErrorCode, message: string): void {
    this.emit('payframe-error', { code, message });
  }

  private emit = <K extends PayframeEventName>(name: K, detail: PayframeEventDetails[K]) => {
    this.dispatchEvent(payframeEvent(name, detail));
  };
}

const PROPERTY_NAMES = ['token', 'mode', 'locale', 'appearance', 'paymentOrigin'] as const;

interface Props {
  token: string | undefined;
  mode: string;
  locale: string | undefined;
  appearance: Appearance | undefined;
  paymentOrigin: string | undefined;
}

/** Keeps text that is not JSON as it is, so the frame reports it as `invalid_appearance`. */
function parseJson(value: string | null): unknown {
  try {
    return JSON.parse(value ?? 'null');
  } catch {
    return value;
  }
}
