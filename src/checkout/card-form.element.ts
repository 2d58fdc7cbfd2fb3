import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { live } from 'lit/directives/live.js';
import { asciiDigits, detectBrand, formatCardNumber, normalizeCardNumber } from '../card';
import type { CheckoutSummary } from '../protocol/checkout';
import {
  CARD_FIELDS,
  FIELDS,
  caretAfterFormat,
  cvcLength,
  deleteAcrossGap,
  fieldProblem,
  formatCvc,
  formatExpiry,
  savedCardRules,
  validateCard,
  type CardField,
  type CardValues,
} from './card-fields';
import { CARD_SUBMIT, type CardSubmitDetail } from './events';
import { en, type Strings } from './i18n/en';
import { alertIcon, brandIcons } from './icons';
import { cardFormStyles } from './card-form.styles';
import { NEW_CARD, saveConsent, savedCardChoices, savedCardName } from './saved-card-views';

/** Where typing goes once a field is complete (auto-advance); the name has no fixed length. */
const NEXT_FIELD: Partial<Record<CardField, CardField>> = {
  number: 'expiry',
  expiry: 'cvc',
  cvc: 'name',
};
import { theme } from './theme.styles';

const EMPTY: CardValues = { number: '', expiry: '', cvc: '', name: '' };

/**
 * @summary The card entry form: number, expiry, security code and name, with the Pay button.
 * Formats as the shopper types, shows a field's problem once they leave it (or on submit), and
 * emits the card only when every field is valid. For a returning customer it first offers their
 * saved cards as a radio group (the first chosen), each paid with its security code alone, and
 * asks a new card's consent to be saved.
 *
 * @fires payframe-card-submit - `{ card, save_card? }` or `{ saved_card }`, ready for the confirm
 *   request; the form is then `processing` until the owner sets it back to false.
 * @csspart input - each text input
 * @csspart pay-button - the submit button
 * @cssproperty --payframe-color-primary - button and focus colour (see theme.styles.ts for all)
 */
export class CardForm extends LitElement {
  static override styles = [theme, cardFormStyles];

  static override properties = {
    amount: {},
    processing: { type: Boolean, reflect: true },
    declineMessage: { attribute: 'decline-message' },
    strings: { attribute: false },
    customer: { attribute: false },
    merchant: {},
    values: { state: true },
    choice: { state: true },
    save: { state: true },
    touched: { state: true },
    submitted: { state: true },
  };

  /** The formatted amount for the button label, e.g. `€19.99`. */
  declare amount: string;
  /** True from submit until the owner has the answer; the form ignores submits meanwhile. */
  declare processing: boolean;
  /** A decline or error from the last attempt, shown above the button as an alert. */
  declare declineMessage: string;
  declare strings: Strings;
  /** The invoice's customer: their saved cards, and whether a new card may be saved (non-null). */
  declare customer: CheckoutSummary['customer'];
  /** The shop's name, for what saving the card allows. */
  declare merchant: string;
  declare private values: CardValues;
  /** The saved card's id the shopper pays with, or `NEW_CARD`. */
  declare private choice: string;
  /** The shopper's consent to save the new card (unticked until they tick it). */
  declare private save: boolean;
  declare private touched: ReadonlySet<CardField>;
  declare private submitted: boolean;

  constructor() {
    super();
    this.amount = '';
    this.processing = false;
    this.declineMessage = '';
    this.strings = en;
    this.customer = null;
    this.merchant = '';
    this.values = EMPTY;
    this.choice = NEW_CARD;
    this.save = false;
    this.touched = new Set();
    this.submitted = false;
  }

  /**
   * Empties the number and security code for another try, and puts the caret in the first field
   * left: the number, or a saved card's security code.
   */
  async clearCard(): Promise<void> {
    this.forget(['number', 'cvc']);
    await this.updateComplete;
    this.input(this.selected() ? 'cvc' : 'number')?.focus();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('customer')) this.choice = this.customer?.saved_cards[0]?.id ?? NEW_CARD;
  }

  override render() {
    const s = this.strings;
    const saved = this.selected();
    const cards = this.customer?.saved_cards ?? [];
    return html`<form novalidate @submit=${this.onSubmit}>
      ${
        cards.length
          ? savedCardChoices(cards, this.choice, s, this.processing, this.onChoose)
          : nothing
      }
      ${
        saved
          ? html`<div class="short">
              ${this.renderField('cvc', nothing, s.saved.cvcFor(savedCardName(saved, s)))}
            </div>`
          : this.renderNewCard()
      }
      ${
        this.declineMessage
          ? html`<p class="decline" role="alert">
              ${alertIcon(16)}<span>${this.declineMessage}</span>
            </p>`
          : nothing
      }
      <button type="submit" part="pay-button" ?disabled=${this.processing}>
        ${this.processing ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}
        ${s.pay(this.amount).trim()}
      </button>
    </form>`;
  }

  private renderNewCard() {
    const { brand, name: brandName } = detectBrand(normalizeCardNumber(this.values.number));
    return html`${this.renderField(
        'number',
        html`<span class="brand" part="brand" data-brand=${brand}
          >${brandIcons[brand]}<span class="visually-hidden">${brandName}</span></span
        >`,
      )}
      <div class="row">${this.renderField('expiry')} ${this.renderField('cvc')}</div>
      ${this.renderField('name')}
      ${
        this.customer
          ? saveConsent(this.save, this.merchant, this.strings, this.processing, this.onSave)
          : nothing
      }`;
  }

  private renderField(field: CardField, adornment: unknown = nothing, label?: string) {
    const spec = FIELDS[field];
    const problem = this.visibleProblem(field);
    const errorId = `${field}-error`;
    return html`<div class="field">
      <label for=${field}>${label ?? this.strings[spec.label]}</label>
      <div class="control">
        <input
          id=${field}
          name=${spec.name}
          part="input"
          type="text"
          dir=${spec.numeric ? 'ltr' : nothing}
          autocomplete=${spec.autocomplete}
          inputmode=${spec.numeric ? 'numeric' : 'text'}
          autocorrect="off"
          spellcheck="false"
          maxlength=${field === 'name' ? 100 : nothing}
          placeholder=${this.strings[spec.placeholder]}
          .value=${live(this.values[field])}
          ?readonly=${this.processing}
          aria-invalid=${problem ? 'true' : 'false'}
          aria-describedby=${problem ? errorId : nothing}
          @input=${this.onInput}
          @blur=${this.onBlur}
        />
        ${adornment}
      </div>
      ${problem ? html`<p class="error" id=${errorId}>${this.strings.invalid[problem]}</p>` : nothing}
    </div>`;
  }

  private input(field: CardField): HTMLInputElement | null {
    return this.renderRoot.querySelector<HTMLInputElement>(`#${field}`);
  }

  /** The saved card chosen, or undefined when paying with a new card. */
  private selected() {
    return this.customer?.saved_cards.find((card) => card.id === this.choice);
  }

  /** The length of the security code asked for: the saved card's brand's, or the typed number's. */
  private cvcDigits(): number {
    const saved = this.selected();
    return saved ? savedCardRules(saved.brand).cvcLength : cvcLength(this.values.number);
  }

  /** A field's problem, its security code judged by the length the chosen card's brand uses. */
  private problem(field: CardField) {
    return fieldProblem(field, this.values, new Date(), this.cvcDigits());
  }

  /** Empties fields and forgets they were visited, so a new entry is not told off at once. */
  private forget(fields: CardField[]): void {
    this.values = { ...this.values, ...Object.fromEntries(fields.map((f) => [f, ''])) };
    this.touched = new Set([...this.touched].filter((f) => !fields.includes(f)));
    this.submitted = false;
  }

  /**
   * Problems wait until the shopper leaves the field or submits, so nobody is told off for a
   * number they are still typing; a number or expiry that is already complete is judged at once.
   */
  private visibleProblem(field: CardField) {
    const problem = this.problem(field);
    if (!problem) return null;
    const digits = this.values[field].replace(/\D/g, '');
    const complete =
      (field === 'number' && digits.length >= Math.max(...detectBrand(digits).lengths)) ||
      (field === 'expiry' && digits.length === 4);
    return this.submitted || this.touched.has(field) || complete ? problem : null;
  }

  private onInput = (event: Event) => {
    const input = event.target as HTMLInputElement;
    const field = input.id as CardField;
    const inputType = event instanceof InputEvent ? event.inputType : '';
    // Digits typed on an Arabic or Japanese keyboard count as the digits they are.
    let raw = field === 'name' ? input.value : asciiDigits(input.value);
    let caret = input.selectionStart ?? raw.length;
    let value = raw;
    if (field === 'number') {
      if (inputType === 'deleteContentBackward') {
        ({ raw, caret } = deleteAcrossGap(raw, caret, this.values.number));
      }
      value = formatCardNumber(raw);
    } else if (field === 'expiry') {
      value = formatExpiry(raw, inputType.startsWith('delete'));
    } else if (field === 'cvc') {
      value = formatCvc(raw);
    }
    if (value !== input.value) {
      input.value = value;
      if (this.shadowRoot?.activeElement === input) {
        const position = caretAfterFormat(raw, caret, value);
        input.setSelectionRange(position, position);
      }
    }
    this.values = { ...this.values, [field]: value };
    const atEnd = (input.selectionStart ?? value.length) >= value.length;
    if (inputType.startsWith('insert') && atEnd && this.isComplete(field)) {
      const next = NEXT_FIELD[field];
      if (next) void this.updateComplete.then(() => this.input(next)?.focus());
    }
  };

  /**
   * A field the shopper has finished: valid, and nothing more can be typed into it (a number at
   * its brand's usual length, 16, or its longest). Typing then moves on to the next field.
   */
  private isComplete(field: CardField): boolean {
    if (this.problem(field)) return false;
    const digits = this.values[field].replace(/\D/g, '');
    const rules = detectBrand(this.values.number.replace(/\D/g, ''));
    if (field === 'number')
      return digits.length >= 16 || digits.length === Math.max(...rules.lengths);
    if (field === 'expiry') return digits.length === 4;
    return field === 'cvc';
  }

  private onBlur = (event: FocusEvent) => {
    const field = (event.target as HTMLInputElement).id as CardField;
    // Tabbing through an empty field is not a mistake; submit reports it if it stays empty.
    if (this.values[field] !== '') this.touched = new Set([...this.touched, field]);
  };

  /** Another card chosen: a security code belongs to one card, so the next one starts empty. */
  private onChoose = (event: Event) => {
    this.choice = (event.target as HTMLInputElement).value;
    this.forget(['cvc']);
  };

  private onSave = (event: Event) => {
    this.save = (event.target as HTMLInputElement).checked;
  };

  private onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    if (this.processing) return;
    this.submitted = true;
    const result = this.validate();
    if (!result.ok) {
      void this.updateComplete.then(() => this.input(result.first)?.focus());
      return;
    }
    // Set here, synchronously, so a second click before the owner re-renders is already ignored.
    this.processing = true;
    this.dispatchEvent(
      new CustomEvent<CardSubmitDetail>(CARD_SUBMIT, {
        detail: result.detail,
        bubbles: true,
        composed: true,
      }),
    );
  };

  /**
   * What the confirm pays with: the saved card and its security code, or the new card with the
   * consent when it was asked for. Otherwise the first field with a problem.
   */
  private validate(): { ok: true; detail: CardSubmitDetail } | { ok: false; first: CardField } {
    const saved = this.selected();
    if (saved) {
      const { cvc } = this.values;
      return this.problem('cvc')
        ? { ok: false, first: 'cvc' }
        : { ok: true, detail: { saved_card: { id: saved.id, cvc } } };
    }
    const result = validateCard(this.values, new Date());
    if (!result.ok) {
      return { ok: false, first: CARD_FIELDS.find((field) => result.problems[field]) ?? 'number' };
    }
    const consent = this.customer ? { save_card: this.save } : {};
    return { ok: true, detail: { card: result.card, ...consent } };
  }
}
