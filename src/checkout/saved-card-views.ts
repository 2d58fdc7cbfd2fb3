import { html, nothing, type TemplateResult } from 'lit';
import { savedCardRules, type SavedCard } from './card-fields';
import type { Strings } from './i18n';
import { brandIcons } from './icons';

/**
 * The returning customer's part of the card form as template functions of their data, so the form
 * element stays about wiring: the saved cards to choose from, and the consent to save a new one.
 */

/** The radio group's value that pays with a new card; a saved card's is its `pm_` id. */
export const NEW_CARD = 'new';

const twoDigits = (n: number) => String(n % 100).padStart(2, '0');

/** "Visa ending 4242": brands keep their own names in every language; an unknown one is "Card". */
export function savedCardName(card: SavedCard, strings: Strings): string {
  const { saved } = strings;
  return saved.ending(savedCardRules(card.brand).name || saved.card, card.last4);
}

/**
 * Native radios, so arrow keys move the choice and the group is one tab stop. Each option's
 * accessible name is its text: "Visa ending 4242 Expires 12/30", or "Use a new card".
 */
export function savedCardChoices(
  cards: readonly SavedCard[],
  choice: string,
  strings: Strings,
  disabled: boolean,
  onChoose: (event: Event) => void,
): TemplateResult {
  const option = (value: string, icon: TemplateResult, name: string, detail?: string) =>
    html`<label class="choice">
      <input
        type="radio"
        name="pay-with"
        .value=${value}
        .checked=${choice === value}
        ?disabled=${disabled}
        @change=${onChoose}
      />
      ${icon}
      <span>${name} ${detail ? html`<small>${detail}</small>` : nothing}</span>
    </label>`;
  return html`<fieldset>
    <legend>${strings.saved.payWith}</legend>
    ${cards.map((card) =>
      option(
        card.id,
        brandIcons[savedCardRules(card.brand).brand],
        savedCardName(card, strings),
        strings.saved.expires(`${twoDigits(card.exp_month)}/${twoDigits(card.exp_year)}`),
      ),
    )}
    ${option(NEW_CARD, brandIcons.unknown, strings.saved.newCard)}
  </fieldset>`;
}

/** The consent to save a new card: unticked until the shopper ticks it, with what it allows. */
export function saveConsent(
  checked: boolean,
  merchant: string,
  strings: Strings,
  disabled: boolean,
  onChange: (event: Event) => void,
): TemplateResult {
  return html`<div class="check">
    <input
      id="save"
      type="checkbox"
      .checked=${checked}
      ?disabled=${disabled}
      aria-describedby="save-hint"
      @change=${onChange}
    />
    <label for="save">${strings.saved.save}</label>
    <p class="hint" id="save-hint">${strings.saved.saveHint(merchant)}</p>
  </div>`;
}
