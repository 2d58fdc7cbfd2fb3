import { html, join, prose, type SafeHtml } from './html';
import { SCHEMA_REF_PREFIX, type JsonSchema } from './json-schemas';

/** Where a link to a component goes: the error codes have their own table. */
export function schemaAnchor(id: string): string {
  return id === 'ErrorCode' ? 'errors' : `schema-${id}`;
}

const code = (value: unknown) => html`<code>${String(value)}</code>`;
const asSchemas = (value: unknown) => (Array.isArray(value) ? (value as JsonSchema[]) : []);

function typeOf(schema: JsonSchema): SafeHtml {
  if (typeof schema.$ref === 'string') {
    const id = schema.$ref.slice(SCHEMA_REF_PREFIX.length);
    return html`<a href="#${schemaAnchor(id)}">${id}</a>`;
  }
  const union = asSchemas(schema.anyOf ?? schema.oneOf);
  if (union.length > 0 && schema.type === undefined) return join(union.map(typeOf), ' | ');
  const types = Array.isArray(schema.type) ? schema.type : [schema.type ?? 'any'];
  return join(
    types.map((type) => {
      if (type === 'array') return html`array of ${typeOf(schema.items as JsonSchema)}`;
      if (type === 'object' && isMap(schema)) {
        return html`map of string to ${typeOf(schema.additionalProperties as JsonSchema)}`;
      }
      return html`${String(type)}`;
    }),
    ' | ',
  );
}

function isMap(schema: JsonSchema): boolean {
  return schema.properties === undefined && typeof schema.additionalProperties === 'object';
}

function range(min: unknown, max: unknown, unit = ''): string | undefined {
  // Group the digits of large amounts only: a year reads 2100, not 2,100.
  const show = (n: unknown) =>
    typeof n === 'number' ? (n >= 100_000 ? n.toLocaleString('en-US') : String(n)) : undefined;
  const [low, high] = [show(min), show(max)];
  const suffix = unit ? ` ${unit}` : '';
  if (low !== undefined && high !== undefined) return `${low} to ${high}${suffix}`;
  if (low !== undefined) return `at least ${low}${suffix}`;
  if (high !== undefined) return `at most ${high}${suffix}`;
  return undefined;
}

function constraintsOf(schema: JsonSchema): SafeHtml[] {
  const out: (SafeHtml | string | undefined)[] = [
    Array.isArray(schema.enum) ? html`one of ${join(schema.enum.map(code), ', ')}` : undefined,
    schema.const !== undefined ? html`always ${code(schema.const)}` : undefined,
    range(schema.minimum, schema.maximum),
    range(schema.minLength, schema.maxLength, 'characters'),
    range(schema.minItems, schema.maxItems, 'items'),
    typeof schema.pattern === 'string' ? html`pattern ${code(schema.pattern)}` : undefined,
    typeof schema.format === 'string' ? `format ${schema.format}` : undefined,
    schema.default !== undefined ? html`default ${code(schema.default)}` : undefined,
    Array.isArray(schema.examples) ? html`e.g. ${code(schema.examples[0])}` : undefined,
  ];
  if (schema.type === 'array' && schema.items) {
    const each = constraintsOf(schema.items as JsonSchema);
    if (each.length > 0) out.push(html`each: ${join(each, '; ')}`);
  }
  if (isMap(schema)) {
    const keys = constraintsOf((schema.propertyNames ?? {}) as JsonSchema);
    const values = constraintsOf(schema.additionalProperties as JsonSchema);
    if (keys.length > 0) out.push(html`keys: ${join(keys, '; ')}`);
    if (values.length > 0) out.push(html`values: ${join(values, '; ')}`);
  }
  return out.filter((c) => c !== undefined).map((c) => (typeof c === 'string' ? html`${c}` : c));
}

/** An inline object whose fields are listed under the field that holds it. */
function nestedObject(schema: JsonSchema): JsonSchema | undefined {
  if (schema.properties) return schema;
  if (schema.type === 'array') return nestedObject((schema.items ?? {}) as JsonSchema);
  return asSchemas(schema.anyOf).find((branch) => branch.properties);
}

function rows(schema: JsonSchema, prefix = ''): SafeHtml[] {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set(asSchemas(schema.required) as unknown as string[]);
  return Object.entries(properties).flatMap(([key, field]) => {
    const nested = nestedObject(field);
    const childPrefix = `${prefix}${key}${field.type === 'array' ? '[]' : ''}.`;
    const description = typeof field.description === 'string' ? prose(field.description) : '';
    const row = html`<tr>
      <td class="field"><span class="parent">${prefix}</span><code>${key}</code></td>
      <td class="type">${typeOf(field)}</td>
      <td class="required">${required.has(key) ? 'required' : html`<em>optional</em>`}</td>
      <td class="constraints">${join(constraintsOf(field), '; ')}</td>
      <td class="description">${description}</td>
    </tr>`;
    return [row, ...(nested ? rows(nested, childPrefix) : [])];
  });
}

function table(schema: JsonSchema): SafeHtml {
  if (Object.keys(schema.properties ?? {}).length === 0)
    return html`<p class="empty">No fields.</p>`;
  return html`<table class="fields">
    <thead>
      <tr>
        <th>Field</th>
        <th>Type</th>
        <th>Required</th>
        <th>Constraints</th>
        <th>Description</th>
      </tr>
    </thead>
    <tbody>
      ${rows(schema)}
    </tbody>
  </table>`;
}

/** Rules on the object as a whole that no single field shows. */
function objectRules(schema: JsonSchema, side: 'request' | 'response'): SafeHtml[] {
  const rules: SafeHtml[] = [];
  const exclusive = asSchemas(schema.oneOf).map((branch) => asSchemas(branch.required));
  if (exclusive.length > 0 && exclusive.every((names) => names.length === 1)) {
    rules.push(html`Send exactly one of ${join(exclusive.flat().map(code), ', ')}.`);
  }
  if (side === 'request' && schema.additionalProperties === false) {
    rules.push(html`Unknown fields are rejected.`);
  }
  return rules;
}

/** A component as the reference shows it: its rules, then a field table per variant. */
export function renderSchema(schema: JsonSchema, side: 'request' | 'response'): SafeHtml {
  const rules = objectRules(schema, side).map((rule) => html`<p class="rule">${rule}</p>`);
  const variants = asSchemas(schema.oneOf).filter((branch) => branch.properties);
  if (variants.length === 0 && !schema.properties && schema.type !== 'object') {
    return html`<p class="scalar">${typeOf(schema)}: ${join(constraintsOf(schema), '; ')}</p>`;
  }
  if (variants.length === 0) return html`${rules}${table(schema)}`;
  const key = (schema.discriminator as { propertyName?: string } | undefined)?.propertyName;
  return html`${rules}${variants.map((variant, index) => {
    const tag = key ? (variant.properties as Record<string, JsonSchema>)[key]?.const : undefined;
    const caption =
      key && tag !== undefined ? html`When ${code(key)} is ${code(tag)}` : `Variant ${index + 1}`;
    return html`<p class="variant">${caption}</p>
      ${table(variant)}`;
  })}`;
}
