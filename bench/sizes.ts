import { assetSizes, BYTE_BUDGETS, kb } from './asset-sizes';

/**
 * Byte sizes of what a shopper's browser downloads, against the budgets of DESIGN §11; the frame
 * is counted as first loaded, with one language (`frame, all files` is reported, not budgeted).
 * `npm run bench` prints them; `--check` exits non-zero when a budget is exceeded (run in CI).
 */
const rows = assetSizes();

let over = false;
console.log('asset              raw        gzip      brotli    budget (brotli)');
for (const [name, size] of Object.entries(rows)) {
  const budget = BYTE_BUDGETS[name as keyof typeof BYTE_BUDGETS] as number | undefined;
  const ok = budget === undefined || size.brotli <= budget;
  over ||= !ok;
  const verdict = budget === undefined ? '—' : `${kb(budget)} ${ok ? 'ok' : 'OVER BUDGET'}`;
  console.log(
    `${name.padEnd(18)} ${kb(size.raw).padEnd(10)} ${kb(size.gzip).padEnd(9)} ${kb(size.brotli).padEnd(9)} ${verdict}`,
  );
}
if (process.argv.includes('--check') && over) {
  console.error('A byte budget of DESIGN §11 is exceeded.');
  process.exit(1);
}
