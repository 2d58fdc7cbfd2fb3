import { detectBrand } from './brands';

/** True when the CVC has exactly the length the card's brand uses. */
export function cvcValid(cvc: string, cardNumber: string): boolean {
  const { cvcLength } = detectBrand(cardNumber.replace(/\D/g, ''));
  return new RegExp(`^\\d{${cvcLength}}$`).test(cvc);
}
