import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/**
 * The byte budgets of DESIGN §11, brotli: the host script (as a classic script and as the ES
 * module `embed.mjs`, one budget each) and the checkout frame.
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

/** What a shopper's browser downloads, from the build in `dist/` (`npm run build`). */
export function assetSizes(): Record<keyof typeof BYTE_BUDGETS, AssetSize> {
  const frameFiles = files('dist/web').filter((p) => /\.(html|js|css)$/.test(p));
  return {
    embed: sizes(['dist/embed/embed.js']),
    'embed.mjs': sizes(['dist/embed/embed.mjs']),
    frame: sizes(frameFiles),
  };
}

export const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
