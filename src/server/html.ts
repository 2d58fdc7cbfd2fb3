/**
 * Server-rendered HTML for every page Payframe's servers write by hand (the API reference, the
 * 3-D Secure notification pages, the simulated issuer): values are escaped unless already markup.
 */

/** Markup that is already safe: built by `html`, never from unescaped text. */
export class SafeHtml {
  constructor(readonly value: string) {}

  toString(): string {
    return this.value;
  }
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for an element's content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

function render(value: unknown): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === undefined || value === null || value === false) return '';
  return escapeHtml(String(value));
}

/**
 * Template tag: every interpolated value is escaped unless it is `SafeHtml` (nested `html`
 * results); arrays are joined; `undefined`, `null` and `false` render nothing.
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    out += render(value) + (strings[index + 1] ?? '');
  });
  return new SafeHtml(out);
}

export function join(parts: SafeHtml[], separator: string): SafeHtml {
  return new SafeHtml(parts.map(render).join(escapeHtml(separator)));
}
