import type { FastifyInstance } from 'fastify';
import { z } from 'zod/mini';
import { idSchema } from '../../protocol/ids';
import { validatePaymentSchema } from '../../protocol/payments';
import { getPayment, validatePayment } from '../domain/payments';
import type { Services } from '../domain/services';
import { parseWith } from './problem';

const paymentParams = z.object({ id: idSchema('pay') });

export function paymentRoutes(app: FastifyInstance, services: Services): void {
  app.get('/v1/payments/:id', async (request) => {
    const { id } = parseWith(paymentParams, request.params);
    return getPayment(services, request.merchant, id);
  });

  app.post('/v1/payments/:id/validate', async (request) => {
    const { id } = parseWith(paymentParams, request.params);
    const body = parseWith(validatePaymentSchema, request.body);
    return validatePayment(services, request.merchant, id, body);
  });
}
