import type { CardInput } from './card-fields';

/** Events of the checkout frame's elements; they stay inside the frame, never reach the host. */
export const CARD_SUBMIT = 'payframe-card-submit';

export interface CardSubmitDetail {
  /** Exactly the `card` of the confirm request: digits only, four-digit year, trimmed name. */
  card: CardInput;
}

declare global {
  interface HTMLElementEventMap {
    [CARD_SUBMIT]: CustomEvent<CardSubmitDetail>;
  }
}
