import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The checkout page as served: its HTML, and the CSP hashes of what is written into it. */
export interface FramePage {
  html: string;
  scriptHashes: string[];
  styleHashes: string[];
}

const ENTRY_SCRIPT = /<script type="module" crossorigin src="\/(assets\/[\w.-]+\.js)"><\/script>/;
const STYLESHEET = /<link rel="stylesheet" crossorigin href="\/(assets\/[\w.-]+\.css)">/;
/** Sequences that would end an inline script early or change how the HTML parser reads it. */
const UNSAFE_IN_SCRIPT = /<\/script|<!--/i;

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/**
 * Writes the frame's entry script and its stylesheet into the checkout page built by Vite, so the
 * frame starts without two more requests after its HTML (the page is fetched for every checkout
 * and is never cached: it carries the checkout's summary). The CSP allows exactly these two by
 * hash, never `'unsafe-inline'`. The entry's `import()` of a language is made absolute, since an
 * inline module resolves against the page's address (`/checkout/…`), not `/assets/`.
 *
 * A build whose script cannot be written inline safely (it holds `</script` or `<!--`), or whose
 * page does not look as expected, is served as built, with its files linked.
 */
export function inlineFramePage(webDir: string, built: string): FramePage {
  const asBuilt = { html: built, scriptHashes: [], styleHashes: [] };
  const script = ENTRY_SCRIPT.exec(built);
  const style = STYLESHEET.exec(built);
  if (!script?.[1] || !style?.[1]) return asBuilt;
  const [scriptFile, styleFile] = [join(webDir, script[1]), join(webDir, style[1])];
  if (!existsSync(scriptFile) || !existsSync(styleFile)) return asBuilt;
  const code = readFileSync(scriptFile, 'utf8').replace(
    /\bimport\((["'`])\.\/([\w.-]+\.js)\1\)/g,
    (_match, quote: string, file: string) => `import(${quote}/assets/${file}${quote})`,
  );
  const css = readFileSync(styleFile, 'utf8');
  if (UNSAFE_IN_SCRIPT.test(code) || /<\/style/i.test(css)) return asBuilt;
  const html = built
    .replace(script[0], () => `<script type="module">${code}</script>`)
    .replace(style[0], () => `<style>${css}</style>`);
  return { html, scriptHashes: [sha256(code)], styleHashes: [sha256(css)] };
}
