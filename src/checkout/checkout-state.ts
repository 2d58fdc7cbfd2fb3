import type { CheckoutSummary, ConfirmResult } from '../protocol/checkout';
import { catalogEntry, type ErrorCode } from '../protocol/errors';
import type { Phase, ResultMessage } from '../protocol/frame-messages';
import type { ChallengeAction, ChallengeWindowSize } from '../protocol/three-ds';
import type { CheckoutApiError } from './checkout-api';
import type { Strings } from './i18n';

/**
 * What the frame shows, and the decisions that move it from one view to the next, as pure
 * functions: the element only performs the side effects (render, post to the host).
 */
export type View =
  | { name: 'loading' }
  | { name: 'entry'; message: string }
  | { name: 'processing' }
  | ChallengeView
  | { name: 'succeeded' }
  | { name: 'paid' }
  /** Terminal: this checkout cannot be paid any more. */
  | { name: 'failed'; message: string }
  /** Nothing to pay with: bad link, host not allowed, service unreachable (`retry` offers reload). */
  | { name: 'unavailable'; title: string; message: string; retry: boolean };

/**
 * The issuer's challenge, in a nested iframe, for one payment attempt. `ready` once the issuer's
 * page said it shows its form; `message` when a cancel could not reach the payment server.
 */
export interface ChallengeView {
  name: 'challenge';
  invoiceId: string;
  paymentId: string;
  action: ChallengeAction;
  windowSize: ChallengeWindowSize;
  ready: boolean;
  message: string;
}

export interface Transition {
  view: View;
  /** Sent to the host, if any; a terminal one ends the checkout for the host. */
  result?: ResultMessage;
  /** Empty the card number and security code so the shopper enters another card. */
  clearCard?: boolean;
}

/** The phase the host is told about for a view, or null when the view has none (final views). */
export function phaseOf(view: View): Phase | null {
  if (view.name === 'entry') return 'entry';
  if (view.name === 'processing') return 'processing';
  if (view.name === 'challenge') return 'challenge';
  return null;
}

function messageFor(strings: Strings, code: string, fallback?: string): string {
  const messages: Partial<Record<string, string>> = strings.errors;
  return (
    (Object.hasOwn(messages, code) ? messages[code] : undefined) ?? fallback ?? strings.genericError
  );
}

/**
 * A terminal failure. The host gets the server's message (stable, for the merchant's logs); the
 * shopper gets ours, which for a decline may fall back to the server's text (it is written for
 * shoppers) but for a problem answer never does (it is written for developers).
 */
function finalFailure(
  invoiceId: string,
  error: { code: ErrorCode; message: string },
  shopperMessage: string,
  paymentId?: string,
): Transition {
  return {
    view: { name: 'failed', message: shopperMessage },
    result: {
      type: 'result',
      outcome: 'failed',
      invoiceId,
      ...(paymentId ? { paymentId } : {}),
      error: { code: error.code, message: error.message, retryable: false },
    },
  };
}

const catalogError = (code: ErrorCode) => ({ code, message: catalogEntry(code).title });

/** The first view for a loaded summary: pay an open invoice, otherwise say why not. */
export function afterSummary(summary: CheckoutSummary, strings: Strings): Transition {
  switch (summary.status) {
    case 'open':
      return { view: { name: 'entry', message: '' } };
    case 'paid':
      // Paid already (a retry after a lost answer, or a reload): the host still gets its success.
      return {
        view: { name: 'paid' },
        ...(summary.payment_id
          ? {
              result: {
                type: 'result',
                outcome: 'succeeded',
                invoiceId: summary.invoice_id,
                paymentId: summary.payment_id,
              },
            }
          : {}),
      };
    case 'expired':
      return finalFailure(
        summary.invoice_id,
        catalogError('checkout_expired'),
        messageFor(strings, 'checkout_expired'),
      );
    case 'canceled':
      return finalFailure(
        summary.invoice_id,
        catalogError('invoice_not_open'),
        messageFor(strings, 'invoice_not_open'),
      );
  }
}

/**
 * A confirm answer: success, a challenge in a window of `windowSize` (the size the confirm asked
 * for; full when unknown), a decline the shopper may retry with another card, or the end.
 */
export function afterConfirm(
  result: ConfirmResult,
  strings: Strings,
  windowSize: ChallengeWindowSize = '05',
): Transition {
  if (result.status === 'requires_action') {
    const { invoice_id: invoiceId, payment_id: paymentId, action } = result;
    return {
      view: {
        name: 'challenge',
        invoiceId,
        paymentId,
        action,
        windowSize,
        ready: false,
        message: '',
      },
    };
  }
  if (result.status === 'succeeded') {
    return {
      view: { name: 'succeeded' },
      result: {
        type: 'result',
        outcome: 'succeeded',
        invoiceId: result.invoice_id,
        paymentId: result.payment_id,
      },
    };
  }
  const { error } = result;
  const message = messageFor(strings, error.code, error.message);
  if (!error.retryable) return finalFailure(result.invoice_id, error, message, result.payment_id);
  return {
    view: { name: 'entry', message },
    clearCard: true,
    result: {
      type: 'result',
      outcome: 'failed',
      invoiceId: result.invoice_id,
      paymentId: result.payment_id,
      error,
    },
  };
}

/**
 * A confirm request that got no payment answer. Retryable problems (network, a payment already in
 * flight, a field the server rejected) keep the form and tell the host nothing, since no payment
 * outcome exists yet; the others end the checkout.
 */
export function afterConfirmError(
  error: CheckoutApiError,
  invoiceId: string,
  strings: Strings,
): Transition {
  if (error.code === 'network') return { view: { name: 'entry', message: strings.networkError } };
  // A saved card removed (or expired) since the frame listed it: another card may still pay.
  if (error.retryable || error.code === 'payment_method_not_found') {
    return { view: { name: 'entry', message: messageFor(strings, error.code) } };
  }
  const { code, message } = error;
  return finalFailure(invoiceId, { code, message }, messageFor(strings, code));
}

/**
 * Where the challenged attempt stands, as the payment server answers it (never as a message from
 * the nested iframe says): null while the challenge is still open, else the confirm transition.
 */
export function afterChallengeAnswer(
  view: ChallengeView,
  result: ConfirmResult,
  strings: Strings,
): Transition | null {
  if (result.payment_id !== view.paymentId || result.status === 'requires_action') return null;
  return afterConfirm(result, strings);
}

/**
 * A status check (`check`) or cancel request (`cancel`) during a challenge that got no answer.
 * Only a final error ends the checkout; otherwise the challenge stays: a failed check is simply
 * repeated by the next poll, a failed cancel tells the shopper, who may press Cancel again.
 */
export function afterChallengeError(
  view: ChallengeView,
  error: CheckoutApiError,
  during: 'check' | 'cancel',
  strings: Strings,
): Transition | null {
  if (!error.retryable) return afterConfirmError(error, view.invoiceId, strings);
  if (during === 'check') return null;
  const message = error.code === 'network' ? strings.networkError : messageFor(strings, error.code);
  return { view: { ...view, message } };
}

/** The summary could not be loaded, so there is no invoice to report on: only a view. */
export function afterLoadError(error: CheckoutApiError, strings: Strings): View {
  const title = strings.loadFailedTitle;
  if (error.code === 'network') {
    return { name: 'unavailable', title, message: strings.networkError, retry: true };
  }
  return {
    name: 'unavailable',
    title,
    message: messageFor(strings, error.code),
    retry: error.retryable,
  };
}
