import type { FastifyInstance } from 'fastify';
import { z } from 'zod/mini';
import { idSchema } from '../../protocol/ids';
import {
  listEventsQuerySchema,
  resendEventSchema,
  rotateWebhookSecretSchema,
  setWebhookSchema,
} from '../../protocol/webhooks';
import type { Services } from '../domain/services';
import {
  getEvent,
  listEvents,
  resendEvent,
  rotateSecret,
  setWebhook,
  webhookEndpointView,
} from '../webhooks/webhook-api';
import { parseWith } from './problem';

const eventParams = z.object({ id: idSchema('evt') });

/** The webhook endpoint, its signing secret and the event log with manual redelivery. */
export function webhookRoutes(app: FastifyInstance, services: Services): void {
  app.get('/v1/webhook', async (request) => webhookEndpointView(request.merchant, services.now()));

  app.post('/v1/webhook', async (request) =>
    setWebhook(services, request.merchant, parseWith(setWebhookSchema, request.body)),
  );

  app.post('/v1/webhook/rotate-secret', async (request) =>
    rotateSecret(
      services,
      request.merchant,
      parseWith(rotateWebhookSecretSchema, request.body ?? {}),
    ),
  );

  app.get('/v1/events', async (request) =>
    listEvents(services, request.merchant, parseWith(listEventsQuerySchema, request.query)),
  );

  app.get('/v1/events/:id', async (request) => {
    const { id } = parseWith(eventParams, request.params);
    return getEvent(services, request.merchant, id);
  });

  app.post('/v1/events/:id/resend', async (request) => {
    const { id } = parseWith(eventParams, request.params);
    parseWith(resendEventSchema, request.body ?? {});
    return resendEvent(services, request.merchant, id);
  });
}
