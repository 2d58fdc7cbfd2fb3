import { LitElement, html, type PropertyValues } from 'lit';
import type { CheckoutSummary, ConfirmCheckout } from '../protocol/checkout';
import type { HostToFrame } from '../protocol/frame-messages';
import { formatMoney } from '../protocol/money';
import type { CardForm } from './card-form.element';
import { CheckoutApiError, checkoutApi, type CheckoutApi } from './checkout-api';
import { checkoutAppStyles } from './checkout-app.styles';
import {
  afterConfirm,
  afterConfirmError,
  afterLoadError,
  afterSummary,
  phaseOf,
  type Transition,
  type View,
} from './checkout-state';
import { loadingView, noticeView, summaryView } from './checkout-views';
import type { CardSubmitDetail } from './events';
import { embeddingOf, parseHashParams, tokenFromPath } from './hash-params';
import { HostLink } from './host-link';
import { resolveLocale, type Strings } from './i18n';
import { lockIcon } from './icons';
import { theme } from './theme.styles';

const asApiError = (error: unknown) =>
  error instanceof CheckoutApiError
    ? error
    : new CheckoutApiError('internal_error', 0, String(error));

/**
 * @summary The checkout frame: loads the checkout by the token in the path, checks who embeds it,
 * takes the card, confirms, and reports the outcome to the host page over the message channel.
 * Without `#origin=…&channel=…` it is the standalone hosted page: same UI, no messaging.
 *
 * @csspart summary - merchant, amount and description
 * @csspart notice - the final success or error screen
 * @cssproperty --payframe-color-primary - see theme.styles.ts for all properties
 */
export class CheckoutApp extends LitElement {
  static override styles = [theme, checkoutAppStyles];

  static override properties = {
    view: { state: true },
    summary: { state: true },
    locale: { state: true },
    strings: { state: true },
  };

  declare private view: View;
  declare private summary: CheckoutSummary | null;
  declare private locale: string;
  declare private strings: Strings;
  /** The checkout API; a test passes an in-memory one. */
  api: CheckoutApi;
  /** Where the token (path) and host (fragment) are read from; the page's own URL by default. */
  where: Pick<Location, 'pathname' | 'hash'>;
  #token: string | null = null;
  #host: HostLink | null = null;

  constructor() {
    super();
    this.api = checkoutApi;
    this.where = location;
    this.view = { name: 'loading' };
    this.summary = null;
    ({ locale: this.locale, strings: this.strings } = resolveLocale('auto'));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#host?.dispose();
    this.#host = null;
  }

  protected override updated(changed: PropertyValues): void {
    const previous = changed.get('view') as View | undefined;
    this.#host?.setPhase(phaseOf(this.view));
    // A final screen replacing the form takes the focus the form had, so it is read out.
    if (previous?.name === 'processing' && phaseOf(this.view) === null) {
      this.renderRoot.querySelector<HTMLElement>('.notice h1')?.focus();
    }
  }

  override render() {
    const processing = this.view.name === 'processing';
    return html`<main class="card" aria-busy=${this.view.name === 'loading'}>
      ${this.renderView()}
      <p class="status" role="status">${processing ? this.strings.processing : ''}</p>
      <footer class="footer">${lockIcon}<span>${this.strings.securedBy}</span></footer>
    </main>`;
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
        return html`${summaryView(summary, amount)}
          <payframe-card-form
            .amount=${amount}
            .strings=${s}
            .processing=${view.name === 'processing'}
            .declineMessage=${view.name === 'entry' ? view.message : ''}
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
    const s = this.strings;
    this.#token = tokenFromPath(this.where.pathname);
    const params = parseHashParams(this.where.hash);
    if (!this.#token) {
      this.view = afterLoadError(new CheckoutApiError('checkout_not_found', 404, ''), s);
      return;
    }
    this.view = { name: 'loading' };
    let summary: CheckoutSummary;
    try {
      summary = await this.api.fetchSummary(this.#token);
    } catch (error) {
      this.view = afterLoadError(asApiError(error), s);
      return;
    }
    const embedding = embeddingOf(params, summary.allowed_origins);
    if (embedding.kind === 'refused') {
      console.warn('[payframe] refusing to show this checkout:', embedding.reason);
      this.view = {
        name: 'unavailable',
        title: s.notAllowed,
        message: s.notAllowedDetail,
        retry: false,
      };
      return;
    }
    this.summary = summary;
    document.title = s.payTo(summary.merchant.name);
    // Created before the first transition so its result (an expired checkout) is queued for the host.
    const link =
      embedding.kind === 'embedded' && !this.#host
        ? new HostLink({ ...embedding, content: this, onMessage: this.onHostMessage })
        : null;
    if (link) this.#host = link;
    this.apply(afterSummary(summary, s));
    await link?.connect();
  };

  private apply(transition: Transition): void {
    this.view = transition.view;
    if (transition.result) this.#host?.sendResult(transition.result);
    if (transition.clearCard) {
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<CardForm>('payframe-card-form')?.clearCard(),
      );
    }
  }

  private onCardSubmit = async (event: CustomEvent<CardSubmitDetail>): Promise<void> => {
    const { summary } = this;
    if (!summary || !this.#token || this.view.name !== 'entry') return;
    this.view = { name: 'processing' };
    const body: ConfirmCheckout = { card: event.detail.card };
    try {
      this.apply(afterConfirm(await this.api.confirmCheckout(this.#token, body), this.strings));
    } catch (error) {
      const apiError = asApiError(error);
      // A retry after a lost answer can find the invoice already paid by the first attempt.
      const paid = apiError.code === 'invoice_not_open' ? await this.paidSummary() : null;
      if (paid) {
        this.apply(afterSummary(paid, this.strings));
        return;
      }
      this.apply(afterConfirmError(apiError, summary.invoice_id, this.strings));
    }
  };

  private async paidSummary(): Promise<CheckoutSummary | null> {
    try {
      const summary = await this.api.fetchSummary(this.#token ?? '');
      return summary.status === 'paid' ? summary : null;
    } catch {
      return null;
    }
  }

  private onHostMessage = (message: HostToFrame): void => {
    if (message.type === 'configure') {
      ({ locale: this.locale, strings: this.strings } = resolveLocale(message.locale));
      document.documentElement.lang = this.locale;
    } else {
      this.#host?.dispose();
      this.#host = null;
    }
  };
}
