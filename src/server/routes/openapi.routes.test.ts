import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenApiDocument } from '../openapi/build-openapi';
import { startTestServer, type TestServer } from '../test-support/test-server';
import { sqliteTestStore, type TestStore } from '../test-support/test-stores';

let store: TestStore;
let server: TestServer;
let document: OpenApiDocument;
const registered: { method: string | string[]; url: string }[] = [];

beforeAll(async () => {
  store = await sqliteTestStore();
  server = await startTestServer(store, { onRoute: (route) => registered.push(route) });
  document = (await (await fetch(`${server.url}/openapi.json`)).json()) as OpenApiDocument;
});
afterAll(async () => {
  await server.close();
  await store.dispose();
});

/** `METHOD /path` in Fastify's form (`:id`), HEAD left out: Fastify adds it to every GET. */
const key = (method: string, path: string) =>
  `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`;

describe('GET /openapi.json', () => {
  it('serves a valid OpenAPI 3.1 document for this server', async () => {
    const response = await fetch(`${server.url}/openapi.json`);
    expect(response.headers.get('content-type')).toContain('application/json');
    const result = await new Validator().validate(document as never);
    if (!result.valid) console.error(JSON.stringify(result.errors, null, 2));
    expect(result.valid).toBe(true);
    expect(document.servers[0]?.url).toBe(server.services.config.publicUrl);
  });

  it('documents every /v1 route the server registers', () => {
    const documented = new Set(
      Object.entries(document.paths).flatMap(([path, item]) =>
        Object.keys(item).map((method) => key(method, path)),
      ),
    );
    const routes = registered
      .flatMap(({ method, url }) => [method].flat().map((m) => key(m, url)))
      .filter((route) => route.includes(' /v1/') && !route.startsWith('HEAD '));
    expect(routes.length).toBeGreaterThan(0);
    expect(routes.filter((route) => !documented.has(route))).toEqual([]);
  });

  it('documents no operation the server does not have', () => {
    const missing = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((method) => {
          const url = path.replace(/\{(\w+)\}/g, ':$1');
          return !server.app.hasRoute({ method: method.toUpperCase() as 'GET', url });
        })
        .map((method) => key(method, path)),
    );
    expect(missing).toEqual([]);
  });
});

describe('GET /docs', () => {
  it('lists every operation with its request and response schemas', async () => {
    const response = await fetch(`${server.url}/docs`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const page = await response.text();
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [, op] of Object.entries(item)) {
        const id = String(op.operationId);
        expect(page).toContain(`<code>${path}</code>`);
        expect(page).toContain(`id="${id}"`);
        const section = page.slice(page.indexOf(`id="${id}"`)).split('</article>')[0] ?? '';
        expect(section, id).toContain('class="schema response"');
        if (op.requestBody) expect(section, id).toContain('class="schema request"');
      }
    }
  });

  it('is served under a CSP without inline script or style, with its stylesheet', async () => {
    const response = await fetch(`${server.url}/docs`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    const page = await response.text();
    expect(page).not.toMatch(/<script|<style|\sstyle=/i);
    const css = await fetch(`${server.url}/docs.css`);
    expect(css.headers.get('content-type')).toContain('text/css');
    expect(await css.text()).toContain('.operation');
  });
});
