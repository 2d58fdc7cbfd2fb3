import { LitElement, html, nothing, type PropertyValues } from 'lit';
import type { Theme } from '../protocol/appearance';
import type { CheckoutSummary, ConfirmCheckout } from '../protocol/checkout';
import type { HostToFrame } from '../protocol/frame-messages';
import { formatMoney } from '../protocol/money';
import { applyVariables, checkAppearance, contrastWarnings } from './appearance';
import type { CardForm } from './card-form.element';
import { challengeWindowSizeFor } from './challenge-host';
import { asApiError, checkoutApi, type CheckoutApi } from './checkout-api';
import { loadCheckout, paidSummary, takePageSummary } from './checkout-load';
import { checkoutAppStyles } from './checkout-app.styles';
import {
  afterConfirm,
  afterConfirmError,
  afterSummary,
  phaseOf,
  type Transition,
  type View,
} from './checkout-state';
import { challengeView, loadingView, noticeView, summaryView } from './checkout-views';
import type { CardSubmitDetail } from './events';
import { localeFromHash } from './hash-params';
import { HostLink } from './host-link';
import { baseLocale, resolveLocale, type Strings } from './i18n';
import { en } from './i18n/en';
import { lockIcon } from './icons';
import { colorSchemes, theme } from './theme.styles';
import { THREE_DS_TIMING, type ThreeDsTiming } from './three-ds-timing';
import { ThreeDsController } from './three-ds.controller';

const DARK_SCHEME = '(prefers-color-scheme: dark)';

/** How long the hosted page shows its success before returning to the shop. */
const RETURN_DELAY_MS = 1500;

/** The shop's return address with `invoice` (and `payment`) added, as DESIGN §2 describes. */
export function returnUrl(base: string, ids: { invoiceId: string; paymentId?: string }): string {
  const url = new URL(base);
  url.searchParams.set('invoice', ids.invoiceId);
  if (ids.paymentId) url.searchParams.set('payment', ids.paymentId);
  return url.toString();
}

/**
 * @summary The checkout frame: loads the checkout by the token in the path, checks who embeds it,
 * takes the card, confirms (after the issuer's 3DS-Method step, and with the issuer's challenge in
 * a nested iframe when asked for), and reports the outcome to the host page over the message channel.
 * Without `#origin=…&channel=…` it is the standalone hosted page: same UI, no messaging.
 *
 * @csspart summary - merchant, amount and description
 * @csspart notice - the final success or error screen
 * @cssproperty --payframe-color-primary - see theme.styles.ts for all properties; set on this
 *   element from the host's appearance (appearance.ts)
 */
export class CheckoutApp extends LitElement {
  static override styles = [theme, colorSchemes, checkoutAppStyles];

  static override properties = {
    view: { state: true },
    summary: { state: true },
    locale: { state: true },
    strings: { state: true },
    theme: { reflect: true },
  };

  declare private view: View;
  declare private summary: CheckoutSummary | null;
  declare private locale: string;
  declare private strings: Strings;
  /** The palette (`light`, `dark`, or `auto` for the shopper's system's), from the appearance. */
  declare theme: Theme;
  /** The checkout API; a test passes an in-memory one. */
  api: CheckoutApi;
  /** Where the token (path) and host (fragment) are read from; the page's own URL by default. */
  where: Pick<Location, 'pathname' | 'hash'>;
  /** The summary the page carried; only the first load uses it, a retry asks the API. */
  pageSummary: CheckoutSummary | undefined = takePageSummary();
  /** Finds the locale and loads its strings; a test slows it down. */
  resolveLocale: typeof resolveLocale = resolveLocale;
  /** The 3-D Secure waits; a test shortens them. */
  timing: ThreeDsTiming;
  /** The window the host link talks to: the parent or opener unless a test passes its own. */
  hostWindow: Window | null | undefined;
  /** How the hosted page leaves for the shop's return address; a test records it instead. */
  navigate: (url: string) => void = (url) => location.assign(url);
  /** Loaded as the standalone hosted page (no host to tell): it returns the shopper itself. */
  #hosted = false;
  #token: string | null = null;
  #host: HostLink | null = null;
  /** What the host asked for (fragment, then `configure`); undefined until it says. */
  #requestedLocale: string | undefined;
  /** Counts locale requests, so a slower language chunk never overrides a later request. */
  #localeRequests = 0;
  /** Settles once the strings of the locale asked for at connection are in. */
  #localeReady: Promise<void> = Promise.resolve();
  #threeDs = new ThreeDsController(
    this,
    () => {
      const { view, summary, strings, api, timing } = this;
      return { view, summary, strings, api, timing, token: this.#token };
    },
    (transition) => this.apply(transition),
  );

  constructor() {
    super();
    this.api = checkoutApi;
    this.where = location;
    this.timing = THREE_DS_TIMING;
    this.view = { name: 'loading' };
    this.summary = null;
    this.theme = 'light';
    this.locale = 'en';
    this.strings = en;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#requestedLocale ??= localeFromHash(this.where.hash);
    this.#localeReady = this.useLocale(this.#requestedLocale);
    void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#host?.dispose();
    this.#host = null;
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('locale') || changed.has('summary')) this.localizeDocument();
    const previous = changed.get('view') as View | undefined;
    this.#host?.setPhase(phaseOf(this.view));
    // A challenge or final screen replacing the form takes the focus the form had, so it is read
    // out (the challenge passes it on to the issuer's page once that shows).
    const replaced = previous?.name === 'processing' || previous?.name === 'challenge';
    if (replaced && this.view.name !== previous.name && this.view.name !== 'entry') {
      this.renderRoot.querySelector<HTMLElement>('h1[tabindex]')?.focus();
    }
  }

  override render() {
    return html`<main
      class="card"
      lang=${this.locale}
      dir=${this.strings.dir}
      aria-busy=${this.view.name === 'loading'}
    >
      ${this.renderView()} ${this.renderReturn()}
      <p class="status" role="status">
        ${this.view.name === 'processing' ? this.strings.processing : nothing}<span
          class="visually-hidden"
          >${this.outcome()}</span
        >
      </p>
      <footer class="footer">${lockIcon}<span>${this.strings.securedBy}</span></footer>
    </main>`;
  }

  /**
   * The outcome, for the live region only (the screen shows it as the view): a screen reader tells
   * the shopper even where moving focus to the result's heading is not read out. A decline the
   * shopper can retry is an alert in the form instead.
   */
  private outcome(): string {
    const { view, strings: s } = this;
    if (view.name === 'succeeded') return s.succeeded;
    if (view.name === 'paid') return s.alreadyPaid;
    if (view.name !== 'failed') return '';
    return `${s.failedTitle}${this.locale.startsWith('ja') ? '。' : '. '}${view.message}`;
  }

  /**
   * The hosted page's way back to the shop: while paying or after a failure, a link to the
   * invoice's `cancel_url`; after success, word that the page is going back on its own.
   */
  private renderReturn() {
    const { summary, view, strings: s } = this;
    if (!this.#hosted || !summary) return nothing;
    if ((view.name === 'succeeded' || view.name === 'paid') && summary.success_url) {
      return html`<p class="return">${s.returningToShop}</p>`;
    }
    const back = summary.cancel_url;
    if (!back || view.name === 'processing' || view.name === 'succeeded' || view.name === 'paid') {
      return nothing;
    }
    const href = returnUrl(back, { invoiceId: summary.invoice_id });
    return html`<p class="return"><a href=${href}>${s.backToShop}</a></p>`;
  }

  private renderView() {
    const { view, strings: s, summary } = this;
    if (view.name === 'loading' || !summary) {
      return view.name === 'unavailable' ? this.renderUnavailable(view) : loadingView(s);
    }
    const amount = formatMoney(summary.amount, summary.currency, this.locale);
    switch (view.name) {
      case 'entry':
      case 'processing':
      case 'challenge':
        // The form stays during a challenge, hidden, so a failed one keeps name and expiry.
        return html`${
            view.name === 'challenge'
              ? challengeView(view, s, summary, amount, this.#threeDs.cancel)
              : summaryView(summary, amount)
          }
          <payframe-card-form
            .amount=${amount}
            .strings=${s}
            .customer=${summary.customer}
            .merchant=${summary.merchant.name}
            .processing=${view.name !== 'entry'}
            .declineMessage=${view.name === 'entry' ? view.message : ''}
            ?hidden=${view.name === 'challenge'}
            @payframe-card-submit=${this.onCardSubmit}
          ></payframe-card-form>`;
      case 'succeeded':
        return noticeView('success', s.succeeded, s.paidTo(amount, summary.merchant.name));
      case 'paid':
        return noticeView('success', s.alreadyPaid, s.alreadyPaidDetail);
      case 'failed':
        return noticeView('danger', s.failedTitle, view.message);
      case 'unavailable':
        return this.renderUnavailable(view);
    }
  }

  private renderUnavailable(view: Extract<View, { name: 'unavailable' }>) {
    const retry = view.retry ? { label: this.strings.tryAgain, onClick: this.load } : undefined;
    return noticeView('danger', view.title, view.message, retry);
  }

  private load = async (): Promise<void> => {
    this.view = { name: 'loading' };
    await this.#localeReady;
    const carried = this.pageSummary;
    this.pageSummary = undefined;
    const loaded = await loadCheckout(this.api, this.where, this.strings, carried);
    if (!loaded.ok) {
      this.view = loaded.view;
      return;
    }
    const { token, summary, embedding } = loaded;
    this.#hosted = embedding.kind === 'standalone';
    this.#token = token;
    this.summary = summary;
    this.#threeDs.reset();
    // Created before the first transition so its result (an expired checkout) is queued for the host.
    const link =
      embedding.kind === 'embedded' && !this.#host
        ? new HostLink({
            ...embedding,
            content: this,
            onMessage: this.onHostMessage,
            hostWindow: this.hostWindow,
          })
        : null;
    if (link) this.#host = link;
    this.apply(afterSummary(summary, this.strings));
    await link?.connect();
  };

  /**
   * Switches to the locale asked for once its strings are in, unless a later request came first.
   * A language whose chunk cannot be fetched leaves the frame as it is: in English at the start,
   * in the language it was already speaking after that.
   */
  private async useLocale(requested: string | undefined): Promise<void> {
    const request = ++this.#localeRequests;
    let resolved: { locale: string; strings: Strings };
    try {
      resolved = await this.resolveLocale(requested);
    } catch {
      console.warn('[payframe] could not load the strings for locale', requested);
      return;
    }
    if (request !== this.#localeRequests) return;
    this.locale = resolved.locale;
    this.strings = resolved.strings;
  }

  /**
   * The page is the frame's whole document, so its language, direction (scrollbars, anything
   * outside the card) and title follow the checkout's.
   */
  private localizeDocument(): void {
    const root = document.documentElement;
    root.lang = this.locale;
    root.dir = this.strings.dir;
    if (this.summary) document.title = this.strings.payTo(this.summary.merchant.name);
  }

  /**
   * An invalid appearance is reported to the host and leaves the default look; contrast below
   * WCAG AA in the merchant's colours is only a console warning.
   */
  private useAppearance(value: unknown): void {
    const checked = checkAppearance(value);
    if (!checked.ok) this.#host?.sendError('invalid_appearance', checked.reason);
    const { theme = 'light', variables = {} } = checked.ok ? checked.appearance : {};
    this.theme = theme;
    applyVariables(this, variables);
    const dark = theme === 'dark' || (theme === 'auto' && matchMedia(DARK_SCHEME).matches);
    for (const warning of contrastWarnings(variables, dark)) console.warn(`[payframe] ${warning}`);
  }

  private apply(transition: Transition): void {
    this.view = transition.view;
    if (transition.result) this.#host?.sendResult(transition.result);
    const successUrl = this.summary?.success_url;
    if (this.#hosted && transition.result?.outcome === 'succeeded' && successUrl) {
      // Long enough to read "Payment successful", then on to the shop's own page.
      const url = returnUrl(successUrl, transition.result);
      setTimeout(() => this.navigate(url), RETURN_DELAY_MS);
    }
    if (transition.clearCard) {
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<CardForm>('payframe-card-form')?.clearCard(),
      );
    }
  }

  private onCardSubmit = async (event: CustomEvent<CardSubmitDetail>): Promise<void> => {
    const { summary } = this;
    if (!summary || !this.#token || this.view.name !== 'entry') return;
    const windowSize = challengeWindowSizeFor(this.renderRoot.querySelector('.card') ?? this);
    this.view = { name: 'processing' };
    const body: ConfirmCheckout = {
      ...event.detail,
      challenge_window_size: windowSize,
      three_ds_method: await this.#threeDs.methodCompletion(),
      locale: baseLocale(this.locale),
    };
    try {
      const result = await this.api.confirmCheckout(this.#token, body);
      this.apply(afterConfirm(result, this.strings, windowSize));
    } catch (error) {
      const apiError = asApiError(error);
      // A retry after a lost answer can find the invoice already paid by the first attempt.
      const paid =
        apiError.code === 'invoice_not_open' ? await paidSummary(this.api, this.#token) : null;
      if (paid) {
        this.apply(afterSummary(paid, this.strings));
        return;
      }
      this.apply(afterConfirmError(apiError, summary.invoice_id, this.strings));
    }
  };

  private onHostMessage = (message: HostToFrame): void => {
    if (message.type === 'configure') {
      if (message.locale !== undefined) {
        this.#requestedLocale = message.locale;
        void this.useLocale(message.locale);
      }
      this.useAppearance(message.appearance);
      return;
    }
    // `close`: the shopper asked to leave. Only the form ends as canceled: a payment under way is
    // left to its answer, an open challenge is canceled (back to the form), a final screen stays.
    const phase = phaseOf(this.view);
    if (phase === 'challenge') return this.#threeDs.cancel();
    if (phase !== 'entry' || !this.summary) return;
    const invoiceId = this.summary.invoice_id;
    this.#host?.sendResult({ type: 'result', outcome: 'canceled', invoiceId });
    this.#host?.dispose();
    this.#host = null;
  };
}
