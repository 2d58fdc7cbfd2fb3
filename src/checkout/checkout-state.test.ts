import { describe, expect, it } from 'vitest';
import { CheckoutApiError } from './checkout-api';
import type { ConfirmResult } from '../protocol/checkout';
import {
  afterChallengeAnswer,
  afterChallengeError,
  afterConfirm,
  afterConfirmError,
  afterLoadError,
  afterSummary,
  phaseOf,
  type ChallengeView,
} from './checkout-state';
import { en } from './i18n/en';
import { openSummary } from './test-summary';

const summary = openSummary;

describe('afterSummary', () => {
  it('shows the form for an open invoice and tells the host nothing yet', () => {
    expect(afterSummary(summary, en)).toEqual({ view: { name: 'entry', message: '' } });
  });

  it('shows "already paid" for a paid invoice', () => {
    expect(afterSummary({ ...summary, status: 'paid' }, en)).toEqual({ view: { name: 'paid' } });
  });

  it('still reports the success of a paid invoice to the host', () => {
    expect(afterSummary({ ...summary, status: 'paid', payment_id: 'pay_1' }, en)).toEqual({
      view: { name: 'paid' },
      result: { type: 'result', outcome: 'succeeded', invoiceId: 'inv_1', paymentId: 'pay_1' },
    });
  });

  it('ends an expired checkout with a final failure for the host', () => {
    const { view, result } = afterSummary({ ...summary, status: 'expired' }, en);
    expect(view).toEqual({ name: 'failed', message: en.errors.checkout_expired });
    expect(result).toEqual({
      type: 'result',
      outcome: 'failed',
      invoiceId: 'inv_1',
      error: { code: 'checkout_expired', message: 'This checkout has expired.', retryable: false },
    });
  });

  it('ends a canceled invoice as not open', () => {
    const { result } = afterSummary({ ...summary, status: 'canceled' }, en);
    expect(result?.error?.code).toBe('invoice_not_open');
  });
});

describe('afterConfirm', () => {
  it('succeeds with the invoice and payment ids for the host', () => {
    const transition = afterConfirm(
      { status: 'succeeded', invoice_id: 'inv_1', payment_id: 'pay_1' },
      en,
    );
    expect(transition).toEqual({
      view: { name: 'succeeded' },
      result: { type: 'result', outcome: 'succeeded', invoiceId: 'inv_1', paymentId: 'pay_1' },
    });
  });

  it.each([
    ['card_declined', 'Your card was declined. Try another card.'],
    ['insufficient_funds', 'Your card has insufficient funds. Try another card.'],
    ['expired_card', 'Your card has expired. Try another card.'],
    ['incorrect_cvc', "Your card's security code is incorrect. Check it and try again."],
    ['processing_error', 'An error occurred while processing your card. Try again in a moment.'],
  ] as const)(
    'keeps the form after a retryable %s, clears the card, tells the host',
    (code, text) => {
      const error = { code, message: 'from the server', retryable: true };
      const transition = afterConfirm(
        { status: 'failed', invoice_id: 'inv_1', payment_id: 'pay_2', error },
        en,
      );
      expect(transition).toEqual({
        view: { name: 'entry', message: text },
        clearCard: true,
        result: {
          type: 'result',
          outcome: 'failed',
          invoiceId: 'inv_1',
          paymentId: 'pay_2',
          error,
        },
      });
    },
  );

  it('ends the checkout after a decline that is not retryable', () => {
    const error = { code: 'card_declined' as const, message: 'Declined.', retryable: false };
    const transition = afterConfirm(
      { status: 'failed', invoice_id: 'inv_1', payment_id: 'pay_3', error },
      en,
    );
    expect(transition.view).toEqual({ name: 'failed', message: en.errors.card_declined });
    expect(transition.clearCard).toBeUndefined();
    expect(transition.result).toEqual({
      type: 'result',
      outcome: 'failed',
      invoiceId: 'inv_1',
      paymentId: 'pay_3',
      error,
    });
  });
});

const action = {
  type: 'challenge' as const,
  url: 'https://acs.example/challenge',
  method: 'POST' as const,
  parameters: { creq: 'creq-1' },
};
const challenge: ChallengeView = {
  name: 'challenge',
  invoiceId: 'inv_1',
  paymentId: 'pay_4',
  action,
  windowSize: '02',
  ready: false,
  message: '',
};
const requiresAction: ConfirmResult = {
  status: 'requires_action',
  invoice_id: 'inv_1',
  payment_id: 'pay_4',
  action,
};

describe('afterConfirm with a challenge', () => {
  it('shows the challenge in the window size asked for, telling the host no result', () => {
    expect(afterConfirm(requiresAction, en, '02')).toEqual({ view: challenge });
  });
});

describe('afterChallengeAnswer', () => {
  it('keeps the challenge while the server says it is still open', () => {
    expect(afterChallengeAnswer(challenge, requiresAction, en)).toBeNull();
  });

  it('ignores an answer about another attempt', () => {
    const other = { status: 'succeeded', invoice_id: 'inv_1', payment_id: 'pay_9' } as const;
    expect(afterChallengeAnswer(challenge, other, en)).toBeNull();
  });

  it('ends in success like a confirm answer', () => {
    const succeeded = { status: 'succeeded', invoice_id: 'inv_1', payment_id: 'pay_4' } as const;
    expect(afterChallengeAnswer(challenge, succeeded, en)).toEqual(afterConfirm(succeeded, en));
    expect(afterChallengeAnswer(challenge, succeeded, en)?.view).toEqual({ name: 'succeeded' });
  });

  it.each([
    'authentication_failed',
    'authentication_canceled',
    'authentication_timeout',
    'authentication_rejected',
    'authentication_unavailable',
    'card_declined',
  ] as const)('returns to the form after %s, with its own message, card cleared', (code) => {
    const error = { code, message: 'from the server', retryable: true };
    const result = { status: 'failed', invoice_id: 'inv_1', payment_id: 'pay_4', error } as const;
    expect(afterChallengeAnswer(challenge, result, en)).toEqual({
      view: { name: 'entry', message: en.errors[code] },
      clearCard: true,
      result: { type: 'result', outcome: 'failed', invoiceId: 'inv_1', paymentId: 'pay_4', error },
    });
  });
});

describe('afterChallengeError', () => {
  it('lets the next poll repeat a status check that failed', () => {
    const error = new CheckoutApiError('network', 0, 'offline');
    expect(afterChallengeError(challenge, error, 'check', en)).toBeNull();
    const busy = new CheckoutApiError('payment_in_progress', 409, 'authorizing');
    expect(afterChallengeError(challenge, busy, 'check', en)).toBeNull();
  });

  it('keeps the challenge and says why when a cancel got no answer', () => {
    const error = new CheckoutApiError('network', 0, 'offline');
    expect(afterChallengeError(challenge, error, 'cancel', en)).toEqual({
      view: { ...challenge, message: en.networkError },
    });
    const internal = new CheckoutApiError('internal_error', 500, 'oops');
    expect(afterChallengeError(challenge, internal, 'cancel', en)?.view).toEqual({
      ...challenge,
      message: en.genericError,
    });
  });

  it('ends the checkout on a final error either way', () => {
    const error = new CheckoutApiError('checkout_expired', 410, 'Expired.');
    for (const during of ['check', 'cancel'] as const) {
      expect(afterChallengeError(challenge, error, during, en)).toEqual(
        afterConfirmError(error, 'inv_1', en),
      );
    }
  });
});

describe('afterConfirmError', () => {
  it('keeps the form with a retryable message after a network error, telling the host nothing', () => {
    const error = new CheckoutApiError('network', 0, 'unreachable');
    expect(afterConfirmError(error, 'inv_1', en)).toEqual({
      view: { name: 'entry', message: en.networkError },
    });
  });

  it('keeps the form when a payment is already in progress', () => {
    const error = new CheckoutApiError('payment_in_progress', 409, 'in progress');
    expect(afterConfirmError(error, 'inv_1', en)).toEqual({
      view: { name: 'entry', message: en.errors.payment_in_progress },
    });
  });

  it('keeps the form when the saved card was removed meanwhile, so another card can pay', () => {
    const error = new CheckoutApiError('payment_method_not_found', 404, 'gone');
    expect(afterConfirmError(error, 'inv_1', en)).toEqual({
      view: { name: 'entry', message: en.errors.payment_method_not_found },
    });
  });

  it.each([
    ['checkout_expired', 410],
    ['invoice_not_open', 409],
    ['too_many_attempts', 429],
  ] as const)('ends the checkout on %s and tells the host it is final', (code, status) => {
    const error = new CheckoutApiError(code, status, 'server detail');
    const { view, result } = afterConfirmError(error, 'inv_1', en);
    expect(view).toEqual({ name: 'failed', message: en.errors[code] });
    expect(result).toEqual({
      type: 'result',
      outcome: 'failed',
      invoiceId: 'inv_1',
      error: { code, message: 'server detail', retryable: false },
    });
  });

  it('falls back to a generic message for a code without its own text', () => {
    const error = new CheckoutApiError('invalid_request', 400, 'bad body');
    expect(afterConfirmError(error, 'inv_1', en).view).toEqual({
      name: 'failed',
      message: en.genericError,
    });
  });
});

describe('afterLoadError', () => {
  it('offers to try again after a network error', () => {
    expect(afterLoadError(new CheckoutApiError('network', 0, ''), en)).toEqual({
      name: 'unavailable',
      title: en.loadFailedTitle,
      message: en.networkError,
      retry: true,
    });
  });

  it('explains an unknown checkout without a retry', () => {
    expect(afterLoadError(new CheckoutApiError('checkout_not_found', 404, ''), en)).toEqual({
      name: 'unavailable',
      title: en.loadFailedTitle,
      message: en.errors.checkout_not_found,
      retry: false,
    });
  });
});

describe('phaseOf', () => {
  it('reports entry, processing and challenge, and nothing for final views', () => {
    expect(phaseOf({ name: 'entry', message: '' })).toBe('entry');
    expect(phaseOf({ name: 'processing' })).toBe('processing');
    expect(phaseOf(challenge)).toBe('challenge');
    expect(phaseOf({ name: 'succeeded' })).toBeNull();
    expect(phaseOf({ name: 'failed', message: '' })).toBeNull();
  });
});
