import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/**
 * Byte sizes of what a shopper's browser downloads, against the budgets of DESIGN §11.
 * `npm run bench` prints them; `--check` exits non-zero when a budget is exceeded (run in CI).
 */
const BUDGETS = { embed: 14 * 1024, frame: 36 * 1024 } as const;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

function sizes(paths: string[]) {
  const raw = paths.map((p) => readFileSync(p));
  const brotli = raw.reduce(
    (sum, body) =>
      sum + brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    0,
  );
  const gzip = raw.reduce((sum, body) => sum + gzipSync(body, { level: 9 }).length, 0);
  return { raw: raw.reduce((s, b) => s + b.length, 0), brotli, gzip };
}

const frameFiles = files('dist/web').filter((p) => /\.(html|js|css)$/.test(p));
const rows = {
  embed: sizes(['dist/embed/embed.js']),
  frame: sizes(frameFiles),
};

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
let over = false;
console.log('asset   raw        gzip      brotli    budget (brotli)');
for (const [name, size] of Object.entries(rows) as [keyof typeof BUDGETS, typeof rows.embed][]) {
  const budget = BUDGETS[name];
  const ok = size.brotli <= budget;
  over ||= !ok;
  console.log(
    `${name.padEnd(7)} ${kb(size.raw).padEnd(10)} ${kb(size.gzip).padEnd(9)} ${kb(size.brotli).padEnd(9)} ${kb(budget)} ${ok ? 'ok' : 'OVER BUDGET'}`,
  );
}
if (process.argv.includes('--check') && over) {
  console.error('A byte budget of DESIGN §11 is exceeded.');
  process.exit(1);
}
