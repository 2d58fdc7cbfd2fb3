import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { buildOpenApi, documentedEndpoints, type OpenApiOptions } from '../openapi/build-openapi';
import { renderDocsPage } from '../openapi/docs-page';
import { DOCS_PAGE_CSP } from './security-headers';

const DOCS_CSS = new URL('../openapi/docs.css', import.meta.url);

/**
 * `GET /openapi.json` and the API reference at `GET /docs`, both built once at startup: the
 * document depends only on the schemas, the registry and the server's configuration.
 */
export function openApiRoutes(app: FastifyInstance, options: OpenApiOptions): void {
  const document = buildOpenApi(options);
  const json = JSON.stringify(document);
  const page = renderDocsPage(document, documentedEndpoints(options));
  const css = readFileSync(DOCS_CSS, 'utf8');

  app.get('/openapi.json', async (_request, reply) =>
    reply
      .type('application/json; charset=utf-8')
      // A public description of a public API: tools on other origins may fetch it.
      .header('access-control-allow-origin', '*')
      .header('cache-control', 'public, max-age=300')
      .send(json),
  );

  app.get('/docs', async (_request, reply) =>
    reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', DOCS_PAGE_CSP)
      .header('cache-control', 'public, max-age=300')
      .send(page),
  );

  app.get('/docs.css', async (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=300').send(css),
  );
}
