import { ERROR_CATALOG } from '../../protocol/errors';
import type { OpenApiDocument } from './build-openapi';
import { componentId } from './components';
import {
  Auth,
  errorCodesOf,
  isEventStream,
  isMerchantPost,
  type Endpoint,
  type PathParam,
} from './endpoint';
import { html, prose, type SafeHtml } from './html';
import { inlineSchema, type JsonSchema } from './json-schemas';
import { renderSchema } from './schema-table';

const AUTH_LABELS: Record<Auth, string> = {
  [Auth.secretKey]: 'Secret key',
  [Auth.checkoutToken]: 'Checkout token',
  [Auth.none]: 'Public',
};

export const methodBadge = (method: string) =>
  html`<span class="method method-${method}">${method.toUpperCase()}</span>`;

export function schemaOf(document: OpenApiDocument, id: string | undefined): JsonSchema {
  const schema = id ? document.components.schemas[id] : undefined;
  if (!id || !schema) throw new Error(`Docs page: no component ${String(id)}.`);
  return schema;
}

function schemaBlock(
  document: OpenApiDocument,
  heading: SafeHtml,
  id: string | undefined,
  side: 'request' | 'response',
): SafeHtml {
  const schema = schemaOf(document, id);
  const description = typeof schema.description === 'string' ? prose(schema.description) : '';
  return html`<section class="schema ${side}">
    <h4>${heading} <code class="component">${id}</code></h4>
    <p>${description}</p>
    ${renderSchema(schema, side)}
  </section>`;
}

function parametersBlock(endpoint: Endpoint): SafeHtml | undefined {
  const path = parameterTable('Path parameters', Object.entries(endpoint.params ?? {}), true);
  const query = parameterTable('Query parameters', Object.entries(endpoint.query ?? {}), false);
  if (!path && !query) return undefined;
  return html`${path ?? ''}${query ?? ''}`;
}

function parameterTable(
  heading: string,
  params: [string, PathParam][],
  required: boolean,
): SafeHtml | undefined {
  if (params.length === 0) return undefined;
  return html`<section class="schema params">
    <h4>${heading}</h4>
    ${renderSchema(
      {
        type: 'object',
        required: required ? params.map(([name]) => name) : [],
        properties: Object.fromEntries(
          params.map(([name, p]) => [
            name,
            { ...inlineSchema(p.schema), description: p.description },
          ]),
        ),
      },
      'response',
    )}
  </section>`;
}

function errorsBlock(endpoint: Endpoint): SafeHtml {
  const items = errorCodesOf(endpoint).map(
    (code) =>
      html`<li>
        <a href="#error-${code}"><code>${code}</code></a>
        <span class="status">${ERROR_CATALOG[code].status}</span>
      </li>`,
  );
  return html`<section class="errors">
    <h4>Errors</h4>
    <ul class="codes">
      ${items}
    </ul>
  </section>`;
}

/** One operation of the reference: how to call it, what it takes and answers, its errors. */
export function operationBlock(document: OpenApiDocument, endpoint: Endpoint): SafeHtml {
  const { body, success } = endpoint;
  const badges = [
    html`<span class="badge auth">${AUTH_LABELS[endpoint.auth]}</span>`,
    isMerchantPost(endpoint) ? html`<span class="badge">Idempotency-Key</span>` : undefined,
    endpoint.testClockOnly ? html`<span class="badge test">Test clock only</span>` : undefined,
  ];
  const bodyHeading = html`Request body${body && !body.required ? html` <em>(optional)</em>` : ''}`;
  return html`<article class="operation" id="${endpoint.operationId}">
    <h3><a href="#${endpoint.operationId}">${endpoint.summary}</a></h3>
    <p class="endpoint">${methodBadge(endpoint.method)} <code>${endpoint.path}</code></p>
    <p class="badges">${badges}</p>
    <p>${prose(endpoint.description)}</p>
    ${parametersBlock(endpoint)}
    ${body ? schemaBlock(document, bodyHeading, componentId(body.schema), 'request') : undefined}
    ${
      isEventStream(success)
        ? success.events.map((event) =>
            schemaBlock(
              document,
              html`Response <span class="status ok">${success.status}</span>
                <code>text/event-stream</code>, event <code>${event.name}</code>`,
              componentId(event.schema),
              'response',
            ),
          )
        : schemaBlock(
            document,
            html`Response <span class="status ok">${success.status}</span>`,
            componentId(success.schema),
            'response',
          )
    }
    ${errorsBlock(endpoint)}
  </article>`;
}
