import type { ConfirmCheckout } from '../protocol/checkout';
import type { CardInput } from './card-fields';

/** Events of the checkout frame's elements; they stay inside the frame, never reach the host. */
export const CARD_SUBMIT = 'payframe-card-submit';

/**
 * Exactly what the confirm request pays with: a new `card` (digits only, four-digit year, trimmed
 * name) with `save_card` when the shopper was asked, or a `saved_card` with its security code.
 */
export type CardSubmitDetail =
  | { card: CardInput; save_card?: boolean }
  | { saved_card: NonNullable<ConfirmCheckout['saved_card']> };

declare global {
  interface HTMLElementEventMap {
    [CARD_SUBMIT]: CustomEvent<CardSubmitDetail>;
  }
}
