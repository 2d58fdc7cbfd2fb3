import { assetSizes, BYTE_BUDGETS, kb } from './asset-sizes';

/**
 * Byte sizes of what a shopper's browser downloads, against the budgets of DESIGN §11.
 * `npm run bench` prints them; `--check` exits non-zero when a budget is exceeded (run in CI).
 */
const rows = assetSizes();

let over = false;
console.log('asset      raw        gzip      brotli    budget (brotli)');
for (const [name, size] of Object.entries(rows) as [
  keyof typeof BYTE_BUDGETS,
  typeof rows.embed,
][]) {
  const budget = BYTE_BUDGETS[name];
  const ok = size.brotli <= budget;
  over ||= !ok;
  console.log(
    `${name.padEnd(10)} ${kb(size.raw).padEnd(10)} ${kb(size.gzip).padEnd(9)} ${kb(size.brotli).padEnd(9)} ${kb(budget)} ${ok ? 'ok' : 'OVER BUDGET'}`,
  );
}
if (process.argv.includes('--check') && over) {
  console.error('A byte budget of DESIGN §11 is exceeded.');
  process.exit(1);
}
