import { ERROR_CODES } from '../../protocol/error-codes';
import { ERROR_CATALOG } from '../../protocol/errors';
import type { OpenApiDocument } from './build-openapi';
import type { Endpoint, Tag } from './endpoint';
import { html, prose, type SafeHtml } from './html';
import { SCHEMA_REF_PREFIX } from './json-schemas';
import { methodBadge, operationBlock, schemaOf } from './operation-block';
import { renderSchema, schemaAnchor } from './schema-table';

const tagAnchor = (tag: Tag) => `tag-${tag.toLowerCase().replace(/\W+/g, '-')}`;

/** Components reached through a `$ref` inside another, plus `Problem` (the error body). */
function sharedComponents(document: OpenApiDocument): string[] {
  const text = JSON.stringify(document.components.schemas);
  const referenced = new Set(['Problem']);
  for (const match of text.matchAll(/"\$ref":"([^"]+)"/g)) {
    referenced.add((match[1] ?? '').slice(SCHEMA_REF_PREFIX.length));
  }
  return Object.keys(document.components.schemas).filter(
    (id) => referenced.has(id) && schemaAnchor(id) === `schema-${id}`,
  );
}

function errorTable(): SafeHtml {
  const rows = ERROR_CODES.map((code) => {
    const entry = ERROR_CATALOG[code];
    return html`<tr id="error-${code}">
      <td><code>${code}</code></td>
      <td>${entry.status}</td>
      <td>${entry.kind}</td>
      <td>${entry.retryable ? 'yes' : 'no'}</td>
      <td>${prose(entry.title)}</td>
    </tr>`;
  });
  return html`<table class="fields error-codes">
    <thead>
      <tr>
        <th>Code</th>
        <th>HTTP</th>
        <th>Kind</th>
        <th>Retryable</th>
        <th>Meaning</th>
      </tr>
    </thead>
    <tbody>
      ${rows}
    </tbody>
  </table>`;
}

function nav(document: OpenApiDocument, endpoints: Endpoint[], shared: string[]): SafeHtml {
  const groups = document.tags.map(({ name }) => {
    const links = endpoints
      .filter((e) => e.tag === name)
      .map(
        (e) => html`<li><a href="#${e.operationId}">${methodBadge(e.method)} ${e.summary}</a></li>`,
      );
    return html`<li>
      <a href="#${tagAnchor(name)}">${name}</a>
      <ul>
        ${links}
      </ul>
    </li>`;
  });
  const schemas = shared.map((id) => html`<li><a href="#schema-${id}">${id}</a></li>`);
  return html`<nav class="toc" aria-label="Contents">
    <ul>
      ${groups}
      <li>
        <a href="#schemas">Schemas</a>
        <ul>
          ${schemas}
        </ul>
      </li>
      <li><a href="#errors">Error codes</a></li>
    </ul>
  </nav>`;
}

/** The API reference, from the OpenAPI document and the registry: no script, no inline style. */
export function renderDocsPage(document: OpenApiDocument, endpoints: Endpoint[]): string {
  const shared = sharedComponents(document);
  const server = document.servers[0]?.url ?? '';
  const sections = document.tags.map(
    ({ name, description }) =>
      html`<section class="tag" id="${tagAnchor(name)}">
        <h2>${name}</h2>
        <p class="lead">${prose(description)}</p>
        ${endpoints.filter((e) => e.tag === name).map((e) => operationBlock(document, e))}
      </section>`,
  );
  const schemas = shared.map(
    (id) =>
      html`<article class="component-schema" id="schema-${id}">
        <h3>${id}</h3>
        <p>${prose(String(schemaOf(document, id).description ?? ''))}</p>
        ${renderSchema(schemaOf(document, id), 'response')}
      </article>`,
  );
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${String(document.info.title)} reference</title>
        <link rel="stylesheet" href="/docs.css" />
        <link rel="icon" href="data:," />
      </head>
      <body>
        <header class="top">
          <span class="brand">Payframe</span><span class="title">API reference</span>
          <a class="spec" href="/openapi.json">OpenAPI 3.1 document</a>
        </header>
        <div class="layout">
          ${nav(document, endpoints, shared)}
          <main>
            <section class="intro">
              <h1>${String(document.info.title)}</h1>
              <p>${prose(String(document.info.description ?? ''))}</p>
              <p>
                Base URL: <code>${server}</code>. Merchant endpoints take the app’s secret key as
                <code>Authorization: Bearer sk_test_…</code>; checkout endpoints are authorised by
                the checkout token in the path; <code>GET /v1/embed</code> is public.
              </p>
            </section>
            ${sections}
            <section id="schemas">
              <h2>Schemas</h2>
              ${schemas}
            </section>
            <section id="errors">
              <h2>Error codes</h2>
              <p>
                Every error is <code>application/problem+json</code> with one of these stable codes.
              </p>
              ${errorTable()}
            </section>
          </main>
        </div>
      </body>
    </html> `.value;
}
