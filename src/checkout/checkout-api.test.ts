import { describe, expect, it } from 'vitest';
import { CheckoutApiError, problemToError } from './checkout-api';

describe('problemToError', () => {
  it('keeps the code and detail of a problem+json answer', () => {
    const error = problemToError(410, {
      type: 'https://payframe.dev/errors/checkout_expired',
      title: 'This checkout has expired.',
      status: 410,
      code: 'checkout_expired',
      detail: 'The checkout expired at 12:00.',
    });
    expect(error).toBeInstanceOf(CheckoutApiError);
    expect(error).toMatchObject({
      code: 'checkout_expired',
      status: 410,
      retryable: false,
      message: 'The checkout expired at 12:00.',
    });
  });

  it('uses the title when there is no detail, and the catalog for retryable', () => {
    const error = problemToError(409, {
      type: 'about:blank',
      title: 'A payment for this invoice is already in progress.',
      status: 409,
      code: 'payment_in_progress',
    });
    expect(error).toMatchObject({
      code: 'payment_in_progress',
      retryable: true,
      message: 'A payment for this invoice is already in progress.',
    });
  });

  it('turns an answer that is not our problem+json into internal_error', () => {
    expect(problemToError(502, undefined)).toMatchObject({ code: 'internal_error', status: 502 });
    expect(problemToError(400, { code: 'no_such_code', title: 'x' })).toMatchObject({
      code: 'internal_error',
    });
  });
});

describe('CheckoutApiError', () => {
  it('treats a network failure as retryable', () => {
    expect(new CheckoutApiError('network', 0, 'offline').retryable).toBe(true);
  });
});
