/**
 * JSON for an HTML data block (`<script type="application/json">`): `<`, `>`, `&`, U+2028 and
 * U+2029 written as `\uXXXX`, so no text in it (a merchant's description with `</script>` or
 * `<!--` in it) can end the block or start markup. `JSON.parse` reads it back unchanged.
 */
export function jsonForHtml(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
