import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod/mini';
import { ERROR_CATALOG } from '../../protocol/errors';
import { createInvoiceSchema } from '../../protocol/invoices';
import { chargebackSchema, rebillPaymentSchema } from '../../protocol/payment-operations';
import { openApiChecker } from '../test-support/openapi-checker';
import { buildOpenApi, type OpenApiDocument } from './build-openapi';
import type { JsonSchema } from './json-schemas';

const document = buildOpenApi({ publicUrl: 'https://pay.example.com', testClock: true });

/** Every operation as `[method, path, operation]`. */
function operations(doc: OpenApiDocument): [string, string, JsonSchema][] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]): [string, string, JsonSchema] => [method, path, op]),
  );
}

const responsesOf = (op: JsonSchema) => op.responses as Record<string, JsonSchema>;
const problemCodes = (response: JsonSchema | undefined) =>
  (
    response?.content as {
      'application/problem+json'?: { schema: { properties: { code: { enum: string[] } } } };
    }
  )?.['application/problem+json']?.schema.properties.code.enum;

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1 for @seriousme/openapi-schema-validator', async () => {
    const result = await new Validator().validate(structuredClone(document) as never);
    if (!result.valid) console.error(JSON.stringify(result.errors, null, 2));
    expect(result.valid).toBe(true);
  });

  it('names the server it was built for and the secret key as bearer authentication', () => {
    expect(document.servers).toEqual([
      { url: 'https://pay.example.com', description: expect.any(String) },
    ]);
    expect(document.components.securitySchemes.secretKey).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
  });

  it('takes an Idempotency-Key on every merchant POST and nowhere else', () => {
    for (const [method, path, op] of operations(document)) {
      const takesKey = JSON.stringify(op.parameters ?? []).includes('IdempotencyKey');
      const merchantPost = method === 'post' && (op.security as unknown[]).length > 0;
      expect(takesKey, `${method} ${path}`).toBe(merchantPost);
    }
  });

  it('answers each error code under its catalog status as problem+json', () => {
    for (const [method, path, op] of operations(document)) {
      for (const [status, response] of Object.entries(responsesOf(op))) {
        if (status.startsWith('2')) continue;
        const codes = problemCodes(response) ?? [];
        expect(codes.length, `${method} ${path} ${status}`).toBeGreaterThan(0);
        for (const code of codes) {
          expect(ERROR_CATALOG[code as keyof typeof ERROR_CATALOG].status).toBe(Number(status));
        }
      }
    }
  });

  it('lists the codes specific to an operation, e.g. capture', () => {
    const capture = responsesOf(document.paths['/v1/payments/{id}/capture']?.post ?? {});
    expect(problemCodes(capture['409'])).toContain('payment_not_capturable');
    expect(problemCodes(capture['422'])).toContain('amount_exceeds_authorized');
    expect(problemCodes(capture['404'])).toEqual(['payment_not_found']);
  });

  it('reads request bodies as input: a field with a default is optional', () => {
    const { schemas } = document.components;
    expect(schemas.CreateInvoice?.required).not.toContain('capture');
    expect(schemas.Chargeback?.required ?? []).not.toContain('reason');
  });

  it('leaves the test clock out of a server that has none', () => {
    const plain = buildOpenApi({ publicUrl: 'https://pay.example.com', testClock: false });
    expect(plain.paths['/v1/test/clock/advance']).toBeUndefined();
    expect(plain.paths['/v1/test/payments/{id}/chargeback']).toBeDefined();
  });
});

describe('the documented request schemas agree with zod', () => {
  const checker = openApiChecker(document);
  const cases: [string, string, z.ZodMiniType, unknown][] = [
    [
      '/v1/invoices',
      'items',
      createInvoiceSchema,
      { currency: 'EUR', order_id: 'o', items: [{ name: 'Tea', unit_amount: 450, quantity: 2 }] },
    ],
    [
      '/v1/invoices',
      'amount',
      createInvoiceSchema,
      { currency: 'EUR', order_id: 'o', amount: 1000 },
    ],
    [
      '/v1/invoices',
      'items and amount',
      createInvoiceSchema,
      {
        currency: 'EUR',
        order_id: 'o',
        amount: 1,
        items: [{ name: 'Tea', unit_amount: 1, quantity: 1 }],
      },
    ],
    [
      '/v1/invoices',
      'neither items nor amount',
      createInvoiceSchema,
      { currency: 'EUR', order_id: 'o' },
    ],
    [
      '/v1/invoices',
      'a lower-case currency',
      createInvoiceSchema,
      { currency: 'eur', order_id: 'o', amount: 1 },
    ],
    [
      '/v1/invoices',
      'an unknown field',
      createInvoiceSchema,
      { currency: 'EUR', order_id: 'o', amount: 1, colour: 'red' },
    ],
    [
      '/v1/invoices',
      'a zero amount',
      createInvoiceSchema,
      { currency: 'EUR', order_id: 'o', amount: 0 },
    ],
    [
      '/v1/payments/{id}/rebill',
      'items and amount',
      rebillPaymentSchema,
      { amount: 1, items: [{ name: 'Tea', unit_amount: 1, quantity: 1 }] },
    ],
    ['/v1/payments/{id}/rebill', 'an amount', rebillPaymentSchema, { amount: 300 }],
    ['/v1/test/payments/{id}/chargeback', 'no options', chargebackSchema, {}],
    [
      '/v1/test/payments/{id}/chargeback',
      'an unknown reason',
      chargebackSchema,
      { reason: 'bored' },
    ],
  ];

  it.each(cases)('POST %s with %s', (path, _name, schema, body) => {
    const documented = checker.requestMismatch('post', path, body) === null;
    expect(documented).toBe(schema.safeParse(body).success);
  });
});
