import Fastify, { type FastifyInstance } from 'fastify';
import { z } from 'zod';
import { acsAssetRoutes } from './acs-assets';
import { sendInvalid, sendMessage, sendPage, type AcsContext } from './acs-context';
import { ACS_STRINGS } from './acs-i18n';
import { renderMessagePage } from './acs-layout';
import { challengeRoutes } from './challenge.routes';
import { ChallengeStore } from './challenge-store';
import { methodRoutes } from './method.routes';

const FORM_LIMIT = 16 * 1024;

const origin = z
  .string()
  .refine(
    (value) =>
      URL.canParse(value) &&
      /^https?:$/.test(new URL(value).protocol) &&
      new URL(value).origin === value.replace(/\/$/, ''),
    { message: 'must be an http(s) origin such as http://localhost:4000, without a path' },
  )
  .transform((value) => new URL(value).origin);

const optionsSchema = z.object({
  /** Shared with the payment server (`PAYFRAME_ACS_SECRET`): verifies creqs and signs CRes. */
  secret: z.string().min(32),
  /** The payment server origin(s): they frame the pages and receive the results. */
  paymentOrigins: z.array(origin).min(1),
  /**
   * Origins of merchant pages. They show the checkout frame inline or as an overlay, and CSP checks
   * `frame-ancestors` against every ancestor, not just the parent: the challenge nested in the
   * checkout frame only loads when the page above that frame is listed too. (A server-to-server
   * shopper returns through the payment server's own page, so that needs no entry here.)
   */
  merchantOrigins: z.array(origin).default([]),
});
export type AcsOptions = z.input<typeof optionsSchema> & {
  /** The clock, in epoch ms, for challenge expiry (tests move it). */
  now?: () => number;
};

/** No inline code or styles; forms post only to the payment flow; framed only by the payment flow. */
export function acsCsp(paymentOrigins: readonly string[], merchantOrigins: readonly string[]) {
  const flow = [...new Set([...paymentOrigins, ...merchantOrigins])].join(' ');
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    `form-action 'self' ${flow}`,
    `frame-ancestors ${flow}`,
    "base-uri 'none'",
  ].join('; ');
}

/**
 * The simulated issuer's access control server, on its own origin (DESIGN §1, §7): the 3DS-Method
 * page, the challenge pages and their result, a landing page and a health check.
 */
export async function createAcsApp(options: AcsOptions): Promise<FastifyInstance> {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) {
    throw new Error(`Invalid ACS options: ${z.prettifyError(parsed.error)}`);
  }
  const { secret, paymentOrigins, merchantOrigins } = parsed.data;
  const now = options.now ?? Date.now;
  const context: AcsContext = {
    secret,
    paymentOrigins,
    now,
    store: new ChallengeStore({ now }),
  };
  const csp = acsCsp(paymentOrigins, merchantOrigins);

  const app = Fastify({ logger: false, bodyLimit: FORM_LIMIT });
  // The issuer only takes HTML form posts.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: FORM_LIMIT },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );
  app.addHook('onSend', async (_request, reply) => {
    reply.headers({ 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' });
    if (String(reply.getHeader('content-type')).startsWith('text/html')) {
      // Pages carry creqs and signed results: never cached.
      reply.headers({ 'content-security-policy': csp, 'cache-control': 'no-store' });
    }
  });
  app.setErrorHandler(async (error, request, reply) => {
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status >= 400 && status < 500) return sendInvalid(request, reply, status);
    request.log.error(error);
    return sendMessage(request, reply, 500, (strings) => ({
      title: strings.unexpectedTitle,
      body: strings.invalidBody,
    }));
  });
  app.setNotFoundHandler(async (request, reply) =>
    sendMessage(request, reply, 404, (strings) => ({
      title: strings.notFoundTitle,
      body: strings.notFoundBody,
    })),
  );

  acsAssetRoutes(app);
  challengeRoutes(app, context);
  methodRoutes(app, context);
  app.get('/healthz', async () => ({ ok: true }));
  app.get('/', async (_request, reply) =>
    sendPage(
      reply,
      200,
      renderMessagePage({
        language: 'en',
        strings: ACS_STRINGS.en,
        sizeClass: 'size-05',
        title: 'Payframe test issuer',
        body: 'The simulated card issuer for test mode. Its challenge pages open from a checkout.',
      }),
    ),
  );
  return app;
}
