import type { FastifyInstance, FastifyRequest } from 'fastify';
import { authenticate } from '../domain/apps';
import type { Services } from '../domain/services';
import type { AppRecord } from '../store/records';

declare module 'fastify' {
  interface FastifyRequest {
    merchant: AppRecord;
  }
}

/** Resolves the secret key on every merchant route; the app it names scopes every lookup. */
export function requireMerchant(app: FastifyInstance, services: Services): void {
  app.decorateRequest('merchant', null as unknown as AppRecord);
  app.addHook('preHandler', async (request: FastifyRequest) => {
    request.merchant = await authenticate(services, request.headers.authorization);
  });
}
