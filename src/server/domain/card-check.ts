import {
  cardNumberProblem,
  cardholderNameProblem,
  cvcValid,
  detectBrand,
  isExpired,
  isTooFarAhead,
  normalizeCardNumber,
} from '../../card';
import type { CardInput } from '../../protocol/payment-operations';
import { PayframeError } from './payframe-error';

/** The server re-validates every card rule the frame applied; the frame is never trusted. */
export function checkCard(card: CardInput, now: Date): { pan: string; brand: string } {
  const pan = normalizeCardNumber(card.number);
  const problem = cardNumberProblem(pan);
  if (problem) throw new PayframeError('invalid_card_number', `card number: ${problem}`);
  const expiry = { month: card.exp_month, year: card.exp_year };
  if (isExpired(expiry, now) || isTooFarAhead(expiry, now)) {
    throw new PayframeError('invalid_expiry');
  }
  if (!cvcValid(card.cvc, pan)) throw new PayframeError('invalid_cvc');
  const nameProblem = card.name === undefined ? null : cardholderNameProblem(card.name);
  if (nameProblem) {
    // Most often a card number typed into the name field, which must not be stored as a name.
    throw new PayframeError('invalid_request', 'The name on the card is not valid.', [
      { path: 'card.name', message: nameProblem },
    ]);
  }
  return { pan, brand: detectBrand(pan).brand };
}
