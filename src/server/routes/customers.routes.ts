import type { FastifyInstance } from 'fastify';
import { z } from 'zod/mini';
import { createCustomerSchema, detachPaymentMethodSchema } from '../../protocol/customers';
import { idSchema } from '../../protocol/ids';
import { createCustomer, detachPaymentMethod, getCustomer } from '../domain/customers';
import type { Services } from '../domain/services';
import { parseWith } from './problem';

const customerParams = z.object({ id: idSchema('cus') });
const paymentMethodParams = z.object({ id: idSchema('cus'), pm: idSchema('pm') });

export function customerRoutes(app: FastifyInstance, services: Services): void {
  app.post('/v1/customers', async (request, reply) => {
    const body = parseWith(createCustomerSchema, request.body ?? {});
    return reply.code(201).send(await createCustomer(services, request.merchant, body));
  });

  app.get('/v1/customers/:id', async (request) => {
    const { id } = parseWith(customerParams, request.params);
    return getCustomer(services, request.merchant, id);
  });

  app.post('/v1/customers/:id/payment_methods/:pm/detach', async (request) => {
    const { id, pm } = parseWith(paymentMethodParams, request.params);
    parseWith(detachPaymentMethodSchema, request.body ?? {});
    return detachPaymentMethod(services, request.merchant, id, pm);
  });
}
