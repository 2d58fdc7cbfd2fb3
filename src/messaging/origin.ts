/**
 * True when `value` is a serialized origin (`https://pay.example`, `http://localhost:4000`): the
 * only form `postMessage` and `event.origin` compare exactly. `"*"`, `"/"`, `"null"`, paths and
 * trailing slashes are not origins.
 */
export function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return url.origin !== 'null' && url.origin === value;
  } catch {
    return false;
  }
}
