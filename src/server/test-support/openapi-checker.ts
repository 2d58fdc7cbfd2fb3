import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import type { OpenApiDocument } from '../openapi/build-openapi';

type Method = 'get' | 'post';

/** A JSON pointer into the document, each part escaped (`/v1/invoices` → `~1v1~1invoices`). */
const pointer = (parts: string[]) =>
  parts.map((part) => part.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

function lookup(document: OpenApiDocument, parts: string[]): unknown {
  let node: unknown = document;
  for (const part of parts) {
    node =
      node !== null && typeof node === 'object'
        ? (node as Record<string, unknown>)[part]
        : undefined;
  }
  return node;
}

/**
 * Checks requests and answers against the OpenAPI document with a real JSON Schema 2020-12
 * validator (ajv), resolving `$ref`s inside the document itself.
 */
export function openApiChecker(document: OpenApiDocument) {
  const ajv = new Ajv2020({
    allErrors: true,
    discriminator: true,
    formats: {
      uri: (value: string) => URL.canParse(value),
      // zod's email rule publishes its own `pattern` beside the format, which ajv checks.
      email: true,
    },
  });
  // The document's own fields are not JSON Schema keywords; ajv may ignore them and still
  // resolve `#/components/schemas/…` inside it. Every schema in it stays strictly checked.
  for (const field of Object.keys(document)) ajv.addKeyword(field);
  ajv.addSchema(document, 'openapi');

  function validatorAt(parts: string[]): ValidateFunction {
    if (lookup(document, parts) === undefined) {
      throw new Error(`The document has nothing at ${parts.join(' › ')}.`);
    }
    const validate = ajv.getSchema(`openapi#/${pointer(parts)}`);
    if (!validate) throw new Error(`ajv cannot compile ${parts.join(' › ')}.`);
    return validate;
  }

  /** Null when the value matches, else ajv's account of every mismatch. */
  function mismatch(parts: string[], value: unknown): string | null {
    const validate = validatorAt(parts);
    return validate(value) ? null : ajv.errorsText(validate.errors);
  }

  return {
    /** How the body fails the operation's documented request body, or null. */
    requestMismatch(method: Method, path: string, body: unknown): string | null {
      const parts = ['paths', path, method, 'requestBody', 'content', 'application/json'];
      return mismatch([...parts, 'schema'], body);
    },
    /**
     * How the answer fails what the operation documents for its status and content type, or
     * null. An undocumented status or content type throws.
     */
    responseMismatch(
      method: Method,
      path: string,
      status: number,
      contentType: string,
      body: unknown,
    ): string | null {
      const type = contentType.split(';')[0]?.trim() ?? '';
      return mismatch(
        ['paths', path, method, 'responses', String(status), 'content', type, 'schema'],
        body,
      );
    },
    /** Whether the operation requires the secret key. */
    needsSecretKey(method: Method, path: string): boolean {
      const security = lookup(document, ['paths', path, method, 'security']);
      return Array.isArray(security) && security.length > 0;
    },
  };
}
