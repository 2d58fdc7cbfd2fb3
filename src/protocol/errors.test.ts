import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CATALOG } from './errors';

describe('error catalog', () => {
  const docs = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');

  it.each(Object.entries(ERROR_CATALOG))('documents %s with its status and kind', (code, entry) => {
    const row = docs.split('\n').find((line) => line.startsWith(`| \`${code}\` |`));
    expect(row).toBeDefined();
    expect(row).toContain(
      `| ${entry.status} | ${entry.kind} | ${entry.retryable ? 'yes' : 'no'} |`,
    );
  });
});
