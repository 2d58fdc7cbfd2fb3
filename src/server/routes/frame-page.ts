import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The checkout page as served: its HTML, and the CSP hashes of what is written into it. */
export interface FramePage {
  html: string;
  /** Where the page's `</head>` starts: the summary's data block goes there. */
  headEnd: number;
  scriptHashes: string[];
  styleHashes: string[];
  /** Why the page is served as built, with its files linked; absent when they are inline. */
  notInlined?: string;
}

const ENTRY_SCRIPT = /<script type="module" crossorigin src="\/(assets\/[\w.-]+\.js)"><\/script>/;
const STYLESHEET = /<link rel="stylesheet" crossorigin href="\/(assets\/[\w.-]+\.css)">/;
/**
 * Sequences that would end an inline script early or change how the HTML parser reads it, and
 * `</head`, before which the summary's block is written.
 */
const UNSAFE_INLINE = /<\/(?:script|style|head)[\s/>]|<!--/i;
/** A module specifier relative to the script's own address, which an inline script lacks. */
const RELATIVE_SPECIFIER = /(?:\bfrom|\bimport\s*\(?)\s*(["'`])\.{1,2}\//;

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
  const asBuilt = (notInlined: string): FramePage => ({
    html: built,
    headEnd: built.lastIndexOf('</head>'),
    scriptHashes: [],
    styleHashes: [],
    notInlined,
  });
  const script = ENTRY_SCRIPT.exec(built);
  const style = STYLESHEET.exec(built);
  if (!script?.[1] || !style?.[1]) return asBuilt('the page names no entry script or stylesheet');
  const [scriptFile, styleFile] = [join(webDir, script[1]), join(webDir, style[1])];
  if (!existsSync(scriptFile) || !existsSync(styleFile))
    return asBuilt('a file it names is missing');
  const code = readFileSync(scriptFile, 'utf8').replace(
    /\bimport\((["'`])\.\/([\w.-]+\.js)\1\)/g,
    (_match, quote: string, file: string) => `import(${quote}/assets/${file}${quote})`,
  );
  const css = readFileSync(styleFile, 'utf8');
  if (UNSAFE_INLINE.test(code) || UNSAFE_INLINE.test(css)) {
    return asBuilt('its script or stylesheet holds an end tag of script, style or head, or <!--');
  }
  if (RELATIVE_SPECIFIER.test(code)) return asBuilt('its script imports a relative path');
  const html = built
    .replace(script[0], () => `<script type="module">${code}</script>`)
    .replace(style[0], () => `<style>${css}</style>`);
  return {
    html,
    headEnd: html.lastIndexOf('</head>'),
    scriptHashes: [sha256(code)],
    styleHashes: [sha256(css)],
  };
}
