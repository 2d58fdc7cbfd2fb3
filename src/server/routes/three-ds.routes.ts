import { acceptFormBodies } from './form-bodies';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod/mini';
import { idSchema } from '../../protocol/ids';
import { notifyPageAncestors, receiveChallengeResult } from '../domain/three-ds';
import type { Services } from '../domain/services';
import { escapeHtml } from '../html';
import { parseWith } from './problem';
import { threeDsPageCsp } from './security-headers';

const methodQuery = z.object({ app: z.optional(idSchema('app')) });
const notifyBody = z.object({ cres: z.string().check(z.minLength(1), z.maxLength(8192)) });

/**
 * Tells the frame (this page's parent, on the same origin) to ask its server how the challenge
 * ended. The message carries no outcome, so a forged one can at most cause a status check.
 */
const NOTIFY_SCRIPT = `(() => {
  const { paymentId, message: type, returnUrl } = document.body.dataset;
  if (returnUrl) {
    location.replace(returnUrl);
  } else if (window.parent !== window && type) {
    window.parent.postMessage(paymentId ? { type, paymentId } : { type }, location.origin);
  } else {
    // A server-to-server challenge without a shopper_result_url: nowhere to return to.
    document.querySelector('p').textContent =
      'Verification finished. You can close this window and return to the shop.';
  }
})();
`;

function page(
  reply: FastifyReply,
  ancestors: string[],
  data: Record<string, string>,
  content: string,
) {
  const attributes = Object.entries(data)
    .map(([name, value]) => ` data-${name}="${escapeHtml(value)}"`)
    .join('');
  return reply
    .type('text/html; charset=utf-8')
    .header('content-security-policy', threeDsPageCsp(ancestors))
    .header('cache-control', 'no-store')
    .send(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Payframe</title>` +
        `<script src="/3ds/notify.js" defer></script></head>` +
        `<body${attributes}>${content}</body></html>`,
    );
}

const notifyPage = (
  reply: FastifyReply,
  ancestors: string[],
  message: string,
  paymentId: string | null,
) =>
  page(
    reply,
    ancestors,
    { message, ...(paymentId ? { 'payment-id': paymentId } : {}) },
    '<p>Returning to the checkout…</p>',
  );

/**
 * Server-to-server: sends the shopper back to the merchant. A page rather than a redirect: the
 * issuer's page posted here, and browsers hold a redirect to the form's `form-action` CSP, which
 * a real issuer's page does not widen for every merchant.
 */
function returnPage(reply: FastifyReply, shopperResultUrl: string, paymentId: string) {
  const target = new URL(shopperResultUrl);
  target.searchParams.set('resource_path', `/v1/payments/${paymentId}`);
  const url = escapeHtml(target.toString());
  return page(
    reply,
    [],
    { 'return-url': target.toString() },
    `<p>Returning to the shop… <a href="${url}">Continue</a></p>`,
  );
}

/** `/3ds/notify` (the issuer posts the challenge result here) and `/3ds/method-notify`. */
export async function threeDsRoutes(app: FastifyInstance, services: Services): Promise<void> {
  await app.register(async (forms) => {
    // Issuer pages post HTML forms.
    acceptFormBodies(forms);

    forms.post('/3ds/notify', async (request, reply) => {
      const { cres } = parseWith(notifyBody, request.body);
      const { paymentId, appId, shopperResultUrl } = await receiveChallengeResult(services, cres);
      // Server-to-server: the shopper returns to the merchant, who reads the payment's status.
      if (shopperResultUrl) return returnPage(reply, shopperResultUrl, paymentId);
      const ancestors = await notifyPageAncestors(services, appId);
      return notifyPage(reply, ancestors, 'payframe:challenge-complete', paymentId);
    });

    forms.post('/3ds/method-notify', async (request, reply) => {
      const { app } = methodQuery.safeParse(request.query).data ?? {};
      const ancestors = await notifyPageAncestors(services, app ?? null);
      return notifyPage(reply, ancestors, 'payframe:3ds-method-complete', null);
    });
  });

  app.get('/3ds/notify.js', async (_request, reply) =>
    reply
      .type('text/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .send(NOTIFY_SCRIPT),
  );
}
