export { CardBrand, detectBrand, type BrandRules } from './brands';
export { luhnValid } from './luhn';
export {
  normalizeCardNumber,
  formatCardNumber,
  cardNumberProblem,
  type CardNumberProblem,
} from './card-number';
export { parseExpiry, isExpired, isTooFarAhead, type Expiry } from './expiry';
export { cvcValid } from './cvc';
