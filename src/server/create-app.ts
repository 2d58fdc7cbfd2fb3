import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { randomBase62 } from '../protocol/ids';
import type { Services } from './domain/services';
import type { TestClock } from './domain/test-clock';
import {
  checkoutEventRoutes,
  DEFAULT_EVENT_STREAM_LIMITS,
  type EventStreamLimits,
} from './routes/checkout-events.routes';
import { checkoutRoutes } from './routes/checkout.routes';
import { customerRoutes } from './routes/customers.routes';
import { embedRoutes } from './routes/embed.routes';
import { invoiceRoutes } from './routes/invoices.routes';
import { requireMerchant } from './routes/merchant-auth';
import { pageRoutes, type PagesConfig } from './routes/pages.routes';
import { paymentRoutes } from './routes/payments.routes';
import { orderCheckRoutes } from './routes/order-check.routes';
import { payFormRoutes, payFormSettingsRoutes } from './routes/pay-form.routes';
import { webhookRoutes } from './routes/webhooks.routes';
import { idempotencyKeys } from './routes/idempotency';
import { openApiRoutes } from './routes/openapi.routes';
import { installProblemHandlers, problem, sendProblem } from './routes/problem';
import { COMMON_SECURITY_HEADERS } from './routes/security-headers';
import { threeDsRoutes } from './routes/three-ds.routes';
import { disputeTestRoutes, testClockRoutes } from './routes/test-mode.routes';

export interface AppOptions {
  services: Services;
  /** When given, `POST /v1/test/clock/advance` moves it; `services.now` should read it. */
  testClock?: TestClock;
  pages: PagesConfig;
  logger?: FastifyServerOptions['logger'];
  trustProxy?: FastifyServerOptions['trustProxy'];
  /** What status streams may use in this process; the defaults suit one server process. */
  eventStreams?: Partial<EventStreamLimits>;
  /** Told of every route as it is registered, so tests can hold the OpenAPI document to them. */
  onRoute?: (route: { method: string | string[]; url: string }) => void;
}

/** Card data and keys must never reach a log line, whatever a route logs. */
export const LOG_REDACT = [
  'req.body',
  'req.headers.authorization',
  'req.headers.cookie',
  'card',
  '*.card',
  '*.*.card',
  'number',
  '*.number',
  'cvc',
  '*.cvc',
  '*.*.cvc',
  'saved_card',
  '*.saved_card',
  '*.*.saved_card',
];

/** Checkout tokens are bearer credentials for one invoice: logged URLs show only their prefix. */
export function maskTokens(url: string): string {
  return url.replace(/ct_[0-9A-Za-z]+/g, 'ct_…');
}

const LOG_SERIALIZERS = {
  req: (request: { method: string; url: string; ip?: string }) => ({
    method: request.method,
    url: maskTokens(request.url),
    remoteAddress: request.ip,
  }),
};

/** Builds the payment server; `main.ts` listens on it, tests start it on a random port. */
export async function createApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      options.logger && typeof options.logger === 'object'
        ? { serializers: LOG_SERIALIZERS, ...options.logger }
        : (options.logger ?? false),
    bodyLimit: 64 * 1024,
    // Behind a load balancer the client address (used by the card-testing limit) comes from
    // X-Forwarded-For, trusted only from the proxies named in PAYFRAME_TRUST_PROXY.
    trustProxy: options.trustProxy ?? false,
    routerOptions: { ignoreTrailingSlash: true },
    // Answered as `Request-Id` so a merchant can quote it; random, so it reveals no volume.
    genReqId: () => `req_${randomBase62(16)}`,
  });
  if (options.onRoute) app.addHook('onRoute', options.onRoute);
  // JSON only: a text/plain body is answered 415, not parsed into a string.
  app.removeContentTypeParser('text/plain');
  installProblemHandlers(app);
  app.addHook('onSend', async (request, reply) => {
    reply.headers(COMMON_SECURITY_HEADERS);
    reply.header('request-id', request.id);
  });

  // Healthy only while the database answers: a SQLite store whose WAL sync failed refuses every
  // request until the process is restarted, and this is what tells the supervisor to.
  app.get('/healthz', async (request, reply) => {
    try {
      await options.services.store.ping();
      return { ok: true };
    } catch (error) {
      request.log.error({ err: error }, 'health check: the store cannot be used');
      return sendProblem(
        reply,
        problem('internal_error', 'The database cannot be used; restart the server.'),
      );
    }
  });
  await app.register(async (merchantApi) => {
    requireMerchant(merchantApi, options.services);
    idempotencyKeys(merchantApi, options.services);
    invoiceRoutes(merchantApi, options.services);
    paymentRoutes(merchantApi, options.services);
    customerRoutes(merchantApi, options.services);
    webhookRoutes(merchantApi, options.services);
    orderCheckRoutes(merchantApi, options.services);
    payFormSettingsRoutes(merchantApi, options.services);
    disputeTestRoutes(merchantApi, options.services);
    if (options.testClock) testClockRoutes(merchantApi, options.services, options.testClock);
  });
  checkoutRoutes(app, options.services);
  checkoutEventRoutes(app, options.services, {
    ...DEFAULT_EVENT_STREAM_LIMITS,
    ...options.eventStreams,
  });
  await payFormRoutes(app, options.services);
  await threeDsRoutes(app, options.services);
  embedRoutes(app, {
    embedDir: options.pages.embedDir,
    publicUrl: options.services.config.publicUrl,
  });
  await pageRoutes(app, options.services, options.pages);
  openApiRoutes(app, {
    publicUrl: options.services.config.publicUrl,
    testClock: options.testClock !== undefined,
  });
  return app;
}
