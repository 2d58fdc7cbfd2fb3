import type { FastifyInstance } from 'fastify';
import { z } from 'zod/mini';
import { confirmCheckoutSchema } from '../../protocol/checkout';
import { idSchema } from '../../protocol/ids';
import { checkoutSummary, confirmCheckout } from '../domain/checkout';
import type { Services } from '../domain/services';
import { parseWith } from './problem';

export const tokenParams = z.object({ token: idSchema('ct') });

/** The checkout API: authorised by the token alone, called by the frame on its own origin. */
export function checkoutRoutes(app: FastifyInstance, services: Services): void {
  app.get('/v1/checkout/:token', async (request, reply) => {
    const { token } = parseWith(tokenParams, request.params);
    reply.header('Cache-Control', 'no-store');
    return checkoutSummary(services, token);
  });

  app.post('/v1/checkout/:token/confirm', async (request, reply) => {
    const { token } = parseWith(tokenParams, request.params);
    const body = parseWith(confirmCheckoutSchema, request.body);
    reply.header('Cache-Control', 'no-store');
    return confirmCheckout(services, token, body);
  });
}
