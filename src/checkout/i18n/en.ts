import type { ErrorCode } from '../../protocol/errors';

/** Decline and problem codes the shopper can act on; any other code shows `genericError`. */
const errors = {
  card_declined: 'Your card was declined. Try another card.',
  insufficient_funds: 'Your card has insufficient funds. Try another card.',
  expired_card: 'Your card has expired. Try another card.',
  incorrect_cvc: "Your card's security code is incorrect. Check it and try again.",
  processing_error: 'An error occurred while processing your card. Try again in a moment.',
  invalid_card_number: 'Your card number is invalid.',
  invalid_expiry: "Your card's expiry date is invalid.",
  invalid_cvc: "Your card's security code is invalid.",
  payment_method_not_found: 'This saved card is no longer available. Try another card.',
  checkout_not_found: 'This checkout link is not valid. Return to the shop and start again.',
  checkout_expired: 'This checkout has expired. Return to the shop and start again.',
  invoice_not_open: 'This invoice can no longer be paid.',
  payment_in_progress:
    'A payment for this order is already in progress. Wait a moment and try again.',
  order_check_failed: 'The shop could not accept this order. Nothing was charged.',
  too_many_attempts: 'Too many attempts. Return to the shop and start again later.',
  authentication_failed: 'Your bank could not verify this payment. Try again or use another card.',
  authentication_canceled:
    'Verification with your bank was canceled. Try again or use another card.',
  authentication_timeout: 'Verification with your bank took too long. Try again.',
  authentication_rejected: 'Your bank declined this payment. Try another card.',
  authentication_unavailable:
    'Your bank could not be reached for verification. Try again or use another card.',
} satisfies Partial<Record<ErrorCode, string>>;

/**
 * English strings for the checkout frame. Other locales copy this shape (`satisfies Strings`) so a
 * missing message is a type error, not a blank label. Amounts arrive already formatted by Intl,
 * because word order around an amount differs between languages.
 */
export const en = {
  /** Writing direction of the language; the frame mirrors its layout for `rtl`. */
  dir: 'ltr' as 'ltr' | 'rtl',
  loading: 'Loading checkout…',
  payTo: (merchant: string) => `Pay ${merchant}`,
  cardNumber: 'Card number',
  numberPlaceholder: '1234 1234 1234 1234',
  expiry: 'Expiry date',
  expiryPlaceholder: 'MM / YY',
  cvc: 'Security code',
  cvcPlaceholder: 'CVC',
  name: 'Name on card',
  namePlaceholder: 'Full name',
  pay: (amount: string) => `Pay ${amount}`,
  processing: 'Processing payment…',
  securedBy: 'Secured by Payframe',
  invalid: {
    number_empty: 'Enter your card number.',
    number_incomplete: 'Your card number is incomplete.',
    number_invalid: 'Your card number is invalid.',
    expiry_empty: 'Enter the expiry date.',
    expiry_incomplete: "Your card's expiry date is incomplete.",
    expiry_invalid: "Your card's expiry date is invalid.",
    expiry_past: "Your card's expiry date is in the past.",
    cvc_empty: 'Enter the security code.',
    cvc_incomplete: "Your card's security code is incomplete.",
    cvc_invalid: "Your card's security code is invalid.",
    name_empty: 'Enter the name on your card.',
  },
  challenge: {
    title: 'Confirm with your bank',
    /** Under the title: who is paid how much, as the Pay button showed it. */
    detail: (merchant: string, amount: string) => `${merchant} · ${amount}`,
    frame: 'Verification with your bank',
    connecting: 'Connecting to your bank…',
    cancel: 'Cancel verification',
  },
  saved: {
    /** The saved cards' radio group. */
    payWith: 'Pay with',
    /** A saved card's name when its brand is unknown. */
    card: 'Card',
    ending: (brand: string, last4: string) => `${brand} ending ${last4}`,
    expires: (date: string) => `Expires ${date}`,
    newCard: 'Use a new card',
    /** The security code's label for a saved card, named as in the group ("Visa ending 4242"). */
    cvcFor: (card: string) => `Security code for ${card}`,
    save: 'Save this card for future payments',
    saveHint: (merchant: string) => `${merchant} may charge it for your future orders.`,
  },
  succeeded: 'Payment successful',
  paidTo: (amount: string, merchant: string) => `You paid ${amount} to ${merchant}.`,
  alreadyPaid: 'This invoice has already been paid',
  alreadyPaidDetail: 'No further payment is needed. You can close this window.',
  failedTitle: 'Payment could not be completed',
  notAllowed: 'This page is not allowed to show this checkout',
  notAllowedDetail: 'The shop’s address is not on this checkout’s list of allowed origins.',
  loadFailedTitle: 'Checkout unavailable',
  backToShop: 'Back to the shop',
  returningToShop: 'Taking you back to the shop…',
  tryAgain: 'Try again',
  networkError: 'We could not reach the payment service. Check your connection and try again.',
  genericError: 'Something went wrong. Try again in a moment.',
  errors,
};

export type Strings = typeof en;
