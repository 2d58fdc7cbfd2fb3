import type { FastifyInstance } from 'fastify';
import { z } from 'zod/mini';
import { createInvoiceSchema } from '../../protocol/invoices';
import { idSchema } from '../../protocol/ids';
import { payInvoiceSchema } from '../../protocol/customers';
import { chargeSavedCard } from '../domain/customers';
import { cancelInvoice, createInvoice, getInvoice, invoiceView } from '../domain/invoices';
import type { Services } from '../domain/services';
import { parseWith } from './problem';

const invoiceParams = z.object({ id: idSchema('inv') });

export function invoiceRoutes(app: FastifyInstance, services: Services): void {
  app.post('/v1/invoices', async (request, reply) => {
    const body = parseWith(createInvoiceSchema, request.body);
    const key = request.idempotencyKey;
    const claim = key === null ? null : { key, claimedAt: request.idempotencyClaimedAt };
    const json = await createInvoice(services, request.merchant, body, claim);
    // Its answer is stored with the invoice: the Idempotency-Key hook has nothing left to store.
    request.idempotencyKey = null;
    return reply.code(201).type('application/json; charset=utf-8').send(json);
  });

  app.get('/v1/invoices/:id', async (request) => {
    const { id } = parseWith(invoiceParams, request.params);
    return invoiceView(await getInvoice(services, request.merchant, id), services);
  });

  app.post('/v1/invoices/:id/cancel', async (request) => {
    const { id } = parseWith(invoiceParams, request.params);
    parseWith(z.strictObject({}), request.body ?? {});
    return invoiceView(await cancelInvoice(services, request.merchant, id), services);
  });

  app.post('/v1/invoices/:id/pay', async (request, reply) => {
    const { id } = parseWith(invoiceParams, request.params);
    const body = parseWith(payInvoiceSchema, request.body);
    return reply.code(201).send(await chargeSavedCard(services, request.merchant, id, body));
  });
}
