import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { LANGUAGES } from '../src/checkout/i18n';

/**
 * The byte budgets of DESIGN §11, brotli: the host script (as a classic script and as the ES
 * module `embed.mjs`, one budget each) and the checkout frame as a shopper's browser loads it
 * (HTML, the files it names, and one language's chunk, the largest).
 */
export const BYTE_BUDGETS = { embed: 14 * 1024, 'embed.mjs': 14 * 1024, frame: 36 * 1024 } as const;

export interface AssetSize {
  raw: number;
  gzip: number;
  brotli: number;
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

function sizes(paths: string[]): AssetSize {
  const raw = paths.map((p) => readFileSync(p));
  const brotli = raw.reduce(
    (sum, body) =>
      sum + brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    0,
  );
  const gzip = raw.reduce((sum, body) => sum + gzipSync(body, { level: 9 }).length, 0);
  return { raw: raw.reduce((s, b) => s + b.length, 0), brotli, gzip };
}

/** The frame's first load: its HTML, the scripts and styles it names, and the largest language chunk. */
export function frameFiles(webDir = 'dist/web'): { firstLoad: string[]; all: string[] } {
  const all = files(webDir).filter((p) => /\.(html|js|css)$/.test(p));
  const html = join(webDir, 'index.html');
  const named = [...readFileSync(html, 'utf8').matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map(
    (m) => join(webDir, m[1]!),
  );
  // Counting the HTML alone would pass any budget: the page must name its script.
  if (!named.some((p) => p.endsWith('.js'))) throw new Error(`${html} names no script`);
  const language = new RegExp(`/assets/(${LANGUAGES.join('|')})-[\\w-]+\\.js$`);
  const chunks = all.filter((p) => language.test(p) && !named.includes(p));
  const largest = chunks.sort((a, b) => statSync(b).size - statSync(a).size)[0];
  return { firstLoad: [html, ...named, ...(largest ? [largest] : [])], all };
}

/** What a shopper's browser downloads, from the build in `dist/` (`npm run build`). */
export function assetSizes(): Record<keyof typeof BYTE_BUDGETS | 'frame, all files', AssetSize> {
  const frame = frameFiles();
  return {
    embed: sizes(['dist/embed/embed.js']),
    'embed.mjs': sizes(['dist/embed/embed.mjs']),
    frame: sizes(frame.firstLoad),
    'frame, all files': sizes(frame.all),
  };
}

export const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
