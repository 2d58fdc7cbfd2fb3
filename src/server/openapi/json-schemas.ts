import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod/mini';
import { componentRegistry, componentSides } from './components';
import { FIELD_NOTES } from './field-notes';

export type JsonSchema = { [keyword: string]: unknown };

export const SCHEMA_REF_PREFIX = '#/components/schemas/';

const TARGET = 'draft-2020-12';

/**
 * `z.int()` converts with the safe-integer range as its bounds: true, but noise in a reference.
 * `$schema` and `$id` are dropped because a component lives inside the OpenAPI document.
 */
function tidy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(tidy);
  if (value === null || typeof value !== 'object') return value;
  const out: JsonSchema = {};
  for (const [key, child] of Object.entries(value)) {
    if (key === '$schema' || key === '$id') continue;
    if (key === 'minimum' && child === Number.MIN_SAFE_INTEGER) continue;
    if (key === 'maximum' && child === Number.MAX_SAFE_INTEGER) continue;
    out[key] = tidy(child);
  }
  return out;
}

/** The object schemas that carry a component's fields: itself and each variant of a union. */
function objectsOf(schema: JsonSchema): JsonSchema[] {
  const variants = [schema.oneOf, schema.anyOf].flatMap((v) => (Array.isArray(v) ? v : []));
  return [schema, ...(variants as JsonSchema[])].filter((s) => s.properties !== undefined);
}

function annotate(id: string, schema: JsonSchema): JsonSchema {
  const notes = FIELD_NOTES[id];
  if (!notes) throw new Error(`OpenAPI: component ${id} needs an entry in FIELD_NOTES.`);
  for (const [field, note] of Object.entries(notes.fields ?? {})) {
    const holders = objectsOf(schema)
      .map((s) => (s.properties as Record<string, JsonSchema>)[field])
      .filter((s) => s !== undefined);
    if (holders.length === 0) throw new Error(`OpenAPI: FIELD_NOTES names ${id}.${field}.`);
    for (const holder of holders) {
      const known = typeof holder.description === 'string' ? ` ${holder.description}` : '';
      holder.description = `${note}${known}`;
    }
  }
  return { description: notes.description, ...schema };
}

function convertAll(io: 'input' | 'output'): Record<string, unknown> {
  const { schemas } = z.toJSONSchema(componentRegistry, {
    target: TARGET,
    io,
    metadata: componentRegistry,
    uri: (id) => `${SCHEMA_REF_PREFIX}${id}`,
  });
  // Only a cycle outside the components would produce shared definitions; there must be none.
  if ('__shared' in schemas) throw new Error('OpenAPI: schemas share an unnamed definition.');
  return schemas;
}

/**
 * `components.schemas`: each registered component converted from zod once, as the input side
 * for request bodies and the output side for answers. A component read on both sides must read
 * the same either way, or it would need two names.
 */
export function componentSchemas(): Record<string, JsonSchema> {
  const input = convertAll('input');
  const output = convertAll('output');
  const unknownNotes = Object.keys(FIELD_NOTES).filter((id) => !componentSides.has(id));
  if (unknownNotes.length > 0) throw new Error(`OpenAPI: no component ${unknownNotes.join(', ')}.`);
  const result: Record<string, JsonSchema> = {};
  for (const [id, side] of componentSides) {
    const chosen = tidy(side === 'request' ? input[id] : output[id]) as JsonSchema;
    if (side === 'both' && !isDeepStrictEqual(chosen, tidy(input[id]))) {
      throw new Error(`OpenAPI: ${id} reads differently in requests and answers.`);
    }
    result[id] = annotate(id, chosen);
  }
  return result;
}

/** A schema that is not a component (a path parameter), converted on its own. */
export function inlineSchema(schema: z.ZodMiniType): JsonSchema {
  return tidy(z.toJSONSchema(schema, { target: TARGET, io: 'input' })) as JsonSchema;
}
