import type { FastifyInstance } from 'fastify';
import { z } from 'zod/mini';
import { cancelChallengeSchema, confirmCheckoutSchema } from '../../protocol/checkout';
import { idSchema } from '../../protocol/ids';
import { checkoutSummary, confirmCheckout, loadCheckout } from '../domain/checkout';
import { attemptResult, cancelChallenge } from '../domain/three-ds';
import { PayframeError } from '../domain/payframe-error';
import type { Services } from '../domain/services';
import { AddressLimiter } from './address-limiter';
import { parseWith } from './problem';

const ADDRESS_WINDOW_MS = 10 * 60 * 1000;
/** Rejections that look like guessing card data, counted against the client address. */
const CARD_PROBES = new Set(['invalid_card_number', 'invalid_expiry', 'invalid_cvc']);

export const tokenParams = z.object({ token: idSchema('ct') });
const attemptParams = z.object({ token: idSchema('ct'), id: idSchema('pay') });

/** The checkout API: authorised by the token alone, called by the frame on its own origin. */
export function checkoutRoutes(app: FastifyInstance, services: Services): void {
  const limiter = new AddressLimiter(services.config.maxFailedPerAddress, ADDRESS_WINDOW_MS);

  app.get('/v1/checkout/:token', async (request, reply) => {
    const { token } = parseWith(tokenParams, request.params);
    reply.header('Cache-Control', 'no-store');
    return checkoutSummary(services, token);
  });

  app.post('/v1/checkout/:token/confirm', async (request, reply) => {
    const { token } = parseWith(tokenParams, request.params);
    const body = parseWith(confirmCheckoutSchema, request.body);
    reply.header('Cache-Control', 'no-store');
    const address = request.ip;
    if (limiter.isLocked(address, services.now())) throw new PayframeError('too_many_attempts');
    try {
      const result = await confirmCheckout(services, token, body);
      // A decline counts against the address; the merchant's order check saying no does not.
      if (result.status === 'failed' && result.error.code !== 'order_check_failed') {
        limiter.recordFailure(address, services.now());
      }
      return result;
    } catch (error) {
      if (error instanceof PayframeError && CARD_PROBES.has(error.code)) {
        limiter.recordFailure(address, services.now());
      }
      throw error;
    }
  });

  // Where an attempt stands: the frame asks here after a challenge, never trusting a message.
  app.get('/v1/checkout/:token/payments/:id', async (request, reply) => {
    const { token, id } = parseWith(attemptParams, request.params);
    reply.header('Cache-Control', 'no-store');
    return attemptResult(services, await loadCheckout(services, token), id);
  });

  app.post('/v1/checkout/:token/payments/:id/cancel', async (request, reply) => {
    const { token, id } = parseWith(attemptParams, request.params);
    const { reason } = parseWith(cancelChallengeSchema, request.body);
    reply.header('Cache-Control', 'no-store');
    return cancelChallenge(services, await loadCheckout(services, token), id, reason);
  });
}
