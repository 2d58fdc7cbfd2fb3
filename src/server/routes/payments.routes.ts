import type { FastifyInstance } from 'fastify';
import { z } from 'zod/mini';
import { idSchema } from '../../protocol/ids';
import { createPaymentSchema, rebillPaymentSchema } from '../../protocol/payment-operations';
import {
  capturePaymentSchema,
  refundPaymentSchema,
  validatePaymentSchema,
  voidPaymentSchema,
} from '../../protocol/payments';
import { decideCapture, decideRefund, decideVoid } from '../domain/back-office';
import { changePayment } from '../domain/payment-change';
import { createPayment, getPayment, validatePayment } from '../domain/payments';
import { rebillPayment } from '../domain/rebill';
import type { Services } from '../domain/services';
import { parseWith } from './problem';

export const paymentParams = z.object({ id: idSchema('pay') });

export function paymentRoutes(app: FastifyInstance, services: Services): void {
  app.post('/v1/payments', async (request, reply) => {
    const body = parseWith(createPaymentSchema, request.body);
    const payment = await createPayment(services, request.merchant, body);
    return reply.code(201).send(payment);
  });

  app.get('/v1/payments/:id', async (request) => {
    const { id } = parseWith(paymentParams, request.params);
    return getPayment(services, request.merchant, id);
  });

  app.post('/v1/payments/:id/validate', async (request) => {
    const { id } = parseWith(paymentParams, request.params);
    const body = parseWith(validatePaymentSchema, request.body);
    return validatePayment(services, request.merchant, id, body);
  });

  // An operation without options may be posted with no body at all.
  app.post('/v1/payments/:id/capture', async (request) => {
    const { id } = parseWith(paymentParams, request.params);
    const body = parseWith(capturePaymentSchema, request.body ?? {});
    return changePayment(services, request.merchant, id, decideCapture(body.amount));
  });

  app.post('/v1/payments/:id/void', async (request) => {
    const { id } = parseWith(paymentParams, request.params);
    parseWith(voidPaymentSchema, request.body ?? {});
    return changePayment(services, request.merchant, id, decideVoid());
  });

  app.post('/v1/payments/:id/refunds', async (request, reply) => {
    const { id } = parseWith(paymentParams, request.params);
    const body = parseWith(refundPaymentSchema, request.body ?? {});
    const payment = await changePayment(services, request.merchant, id, decideRefund(body.amount));
    return reply.code(201).send(payment);
  });

  app.post('/v1/payments/:id/rebill', async (request) => {
    const { id } = parseWith(paymentParams, request.params);
    const body = parseWith(rebillPaymentSchema, request.body);
    return rebillPayment(services, request.merchant, id, body, request.idempotencyKey);
  });
}
