/**
 * The payment origin is the origin `embed.js` was loaded from: the payment server serves both the
 * script and the checkout frame, so a merchant configures nothing. `document.currentScript` is
 * only set while the script runs, so it is read once, at load.
 */
export function originOfScript(script: Element | null): string | undefined {
  if (!(script instanceof HTMLScriptElement) || !script.src) return undefined;
  const origin = new URL(script.src).origin;
  return origin === 'null' ? undefined : origin;
}

/**
 * Undefined when this code was not loaded by a classic script tag (e.g. bundled as a module),
 * unless `embed.mjs` set it from its own URL before the element was defined.
 */
export let scriptPaymentOrigin = originOfScript(document.currentScript);

/** `embed.mjs`: the payment origin is the origin the module was imported from. */
export function useModuleOrigin(moduleUrl: string): void {
  const origin = new URL(moduleUrl).origin;
  if (origin !== 'null') scriptPaymentOrigin = origin;
}
