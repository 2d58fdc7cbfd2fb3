import Fastify, { type FastifyInstance } from 'fastify';

/**
 * The simulated issuer's access control server, on its own origin. This slice serves its health
 * check and a landing page; the 3DS-Method and challenge pages arrive with the 3-D-Secure issue.
 */
export async function createAcsApp(): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  app.addHook('onSend', async (_request, reply) => {
    reply.headers({ 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' });
  });
  app.get('/healthz', async () => ({ ok: true }));
  app.get('/', async (_request, reply) =>
    reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', "default-src 'none'")
      .send(
        '<!doctype html><html lang="en"><title>Payframe test issuer</title>' +
          '<h1>Payframe test issuer</h1><p>Simulated card issuer for test mode.</p></html>',
      ),
  );
  return app;
}
