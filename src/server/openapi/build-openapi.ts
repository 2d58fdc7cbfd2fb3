import type { z } from 'zod/mini';
import { ERROR_CODES } from '../../protocol/error-codes';
import { ERROR_CATALOG, type ErrorCode } from '../../protocol/errors';
import { KEY_PATTERN } from '../routes/idempotency';
import { problem } from '../routes/problem';
import { componentId } from './components';
import {
  Auth,
  errorCodesOf,
  isEventStream,
  isMerchantPost,
  Tag,
  type Endpoint,
  type EventStreamAnswer,
} from './endpoint';
import { ENDPOINTS } from './endpoints';
import { componentSchemas, inlineSchema, SCHEMA_REF_PREFIX, type JsonSchema } from './json-schemas';

export interface OpenApiOptions {
  /** The server's public origin, the document's only server. */
  publicUrl: string;
  /** Whether `POST /v1/test/clock/advance` exists on this server. */
  testClock: boolean;
}

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: Record<string, unknown>;
  servers: { url: string; description: string }[];
  tags: { name: Tag; description: string }[];
  paths: Record<string, Partial<Record<Endpoint['method'], JsonSchema>>>;
  components: {
    schemas: Record<string, JsonSchema>;
    securitySchemes: Record<string, JsonSchema>;
    parameters: Record<string, JsonSchema>;
    headers: Record<string, JsonSchema>;
    examples: Record<string, JsonSchema>;
  };
}

const TAG_DESCRIPTIONS: Record<Tag, string> = {
  [Tag.invoices]: 'What the merchant wants paid, and its checkout.',
  [Tag.payments]: 'Attempts to pay an invoice, and the back office: capture, void, refund, rebill.',
  [Tag.customers]: 'Customers and the cards they saved with consent, for checkouts and MIT.',
  [Tag.checkout]: 'Called by the checkout frame, authorised by the checkout token alone.',
  [Tag.webhooks]:
    'Where signed events are delivered (Standard Webhooks), the signing secret and the event log.',
  [Tag.embed]:
    'Where pages load `embed.js` from, pinned to reviewed bytes with Subresource Integrity.',
  [Tag.testMode]: 'What a real acquirer or a real calendar would do, on demand.',
};

const INFO = {
  title: 'Payframe API',
  version: '1',
  summary: 'Invoices, payments and the back office of the Payframe payment server.',
  description:
    'JSON in, JSON out; bodies are capped at 64 KiB and unknown fields are rejected. Money is ' +
    'an integer number of minor units with an ISO 4217 `currency`. Errors are RFC 9457 ' +
    '`application/problem+json` with a stable `code`. Every merchant `POST` accepts an ' +
    '`Idempotency-Key`.',
};

/** Operations this server answers: the test clock exists only when it is enabled. */
export function documentedEndpoints(options: Pick<OpenApiOptions, 'testClock'>): Endpoint[] {
  return ENDPOINTS.filter((endpoint) => options.testClock || !endpoint.testClockOnly);
}

function ref(endpoint: Endpoint, schema: z.ZodMiniType): JsonSchema {
  const id = componentId(schema);
  if (!id) throw new Error(`OpenAPI: ${endpoint.operationId} uses a schema with no component.`);
  return { $ref: `${SCHEMA_REF_PREFIX}${id}` };
}

/** One response per HTTP status, its `code` narrowed to what this operation can answer there. */
function errorResponses(codes: ErrorCode[]): Record<string, JsonSchema> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) {
    const { status } = ERROR_CATALOG[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const statuses = [...byStatus.keys()].sort((a, b) => a - b);
  return Object.fromEntries(
    statuses.map((status) => {
      const group = byStatus.get(status) ?? [];
      const examples = group.map((code) => [code, { $ref: `#/components/examples/${code}` }]);
      return [
        String(status),
        {
          description: group.map((code) => `\`${code}\`: ${ERROR_CATALOG[code].title}`).join('\n'),
          content: {
            'application/problem+json': {
              schema: {
                $ref: `${SCHEMA_REF_PREFIX}Problem`,
                properties: { code: { enum: group } },
              },
              examples: Object.fromEntries(examples),
            },
          },
        },
      ];
    }),
  );
}

/**
 * A Server-Sent Events answer. OpenAPI 3.1 has no schema for the events of a stream, so the body
 * is a string, and `x-events` names each event's data schema for readers and tools.
 */
function eventStreamResponses(endpoint: Endpoint, answer: EventStreamAnswer): JsonSchema {
  const names = answer.events.map((event) => `\`${event.name}\``).join(', ');
  return {
    [String(answer.status)]: {
      description: answer.description,
      content: {
        'text/event-stream': {
          schema: { type: 'string', description: `Server-Sent Events: ${names}.` },
          'x-events': Object.fromEntries(
            answer.events.map((event) => [
              event.name,
              { description: event.description, schema: ref(endpoint, event.schema) },
            ]),
          ),
        },
      },
    },
    ...(answer.noContent ? { '204': { description: answer.noContent } } : {}),
  };
}

function operation(endpoint: Endpoint): JsonSchema {
  const merchantPost = isMerchantPost(endpoint);
  const parameters: JsonSchema[] = Object.entries(endpoint.params ?? {}).map(([name, param]) => ({
    name,
    in: 'path',
    required: true,
    description: param.description,
    schema: inlineSchema(param.schema),
  }));
  for (const [name, param] of Object.entries(endpoint.query ?? {})) {
    parameters.push({
      name,
      in: 'query',
      required: false,
      description: param.description,
      schema: inlineSchema(param.schema),
    });
  }
  if (merchantPost) parameters.push({ $ref: '#/components/parameters/IdempotencyKey' });
  const { success } = endpoint;
  return {
    operationId: endpoint.operationId,
    tags: [endpoint.tag],
    summary: endpoint.summary,
    description: endpoint.testClockOnly
      ? `${endpoint.description} Exists only with \`PAYFRAME_ENABLE_TEST_CLOCK=true\`.`
      : endpoint.description,
    security: endpoint.auth === Auth.secretKey ? [{ secretKey: [] }] : [],
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(endpoint.body
      ? {
          requestBody: {
            required: endpoint.body.required,
            content: { 'application/json': { schema: ref(endpoint, endpoint.body.schema) } },
          },
        }
      : {}),
    responses: {
      ...(isEventStream(success)
        ? eventStreamResponses(endpoint, success)
        : {
            [String(success.status)]: {
              description: success.description,
              ...(merchantPost
                ? {
                    headers: {
                      'Idempotent-Replayed': { $ref: '#/components/headers/IdempotentReplayed' },
                    },
                  }
                : {}),
              content: { 'application/json': { schema: ref(endpoint, success.schema) } },
            },
          }),
      ...errorResponses(errorCodesOf(endpoint)),
    },
  };
}

const SECRET_KEY = {
  type: 'http',
  scheme: 'bearer',
  bearerFormat: 'sk_test_…',
  description: 'The app’s secret key. Keep it on your server; it scopes every lookup to its app.',
};

const IDEMPOTENCY_KEY = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'Same key and same request: the first answer is replayed. Same key, another request: 422 ' +
    '`idempotency_key_reused`. While the first is running: 409 `idempotency_key_in_use`. ' +
    'Keys are kept 24 hours per app.',
  schema: { type: 'string', pattern: KEY_PATTERN.source },
};

const IDEMPOTENT_REPLAYED = {
  description: '`true` when this is the stored answer to an earlier request with the same key.',
  schema: { type: 'string', const: 'true' },
};

/** The OpenAPI 3.1 document of the `/v1` API, built from the zod schemas and the registry. */
export function buildOpenApi(options: OpenApiOptions): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {};
  for (const endpoint of documentedEndpoints(options)) {
    paths[endpoint.path] = { ...paths[endpoint.path], [endpoint.method]: operation(endpoint) };
  }
  return {
    openapi: '3.1.0',
    info: INFO,
    servers: [{ url: options.publicUrl, description: 'This payment server' }],
    tags: Object.values(Tag).map((name) => ({ name, description: TAG_DESCRIPTIONS[name] })),
    paths,
    components: {
      schemas: componentSchemas(),
      securitySchemes: { secretKey: SECRET_KEY },
      parameters: { IdempotencyKey: IDEMPOTENCY_KEY },
      headers: { IdempotentReplayed: IDEMPOTENT_REPLAYED },
      examples: Object.fromEntries(
        ERROR_CODES.map((code) => [code, { summary: code, value: problem(code) }]),
      ),
    },
  };
}
