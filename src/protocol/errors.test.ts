import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CATALOG } from './errors';

describe('error catalog', () => {
  const docs = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');
  const rows = docs.split('\n').map((line) => line.split('|').map((cell) => cell.trim()));

  it.each(Object.entries(ERROR_CATALOG))('documents %s with its status and kind', (code, entry) => {
    const cells = rows.find((row) => row[1] === `\`${code}\``);
    expect(cells?.slice(2, 5)).toEqual([
      String(entry.status),
      entry.kind,
      entry.retryable ? 'yes' : 'no',
    ]);
  });
});
