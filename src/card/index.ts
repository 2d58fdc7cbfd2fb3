export { CardBrand, detectBrand, type BrandRules } from './brands';
export { luhnValid } from './luhn';
export {
  normalizeCardNumber,
  formatCardNumber,
  cardNumberProblem,
  type CardNumberProblem,
} from './card-number';
export {
  parseExpiry,
  expiryProblem,
  isExpired,
  isTooFarAhead,
  type Expiry,
  type ExpiryProblem,
} from './expiry';
export { cvcValid } from './cvc';
export { cardholderNameProblem, type NameProblem } from './name';
export { asciiDigits } from './digits';
