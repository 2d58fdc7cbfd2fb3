import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const here = import.meta.dirname;
const shipped = readdirSync(here).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

describe('sdk import boundary', () => {
  // The SDK runs in the merchant's process: it may share the protocol, never the server's code.
  it.each(shipped)('%s imports only the protocol and itself', (file) => {
    const specifiers = [...readFileSync(join(here, file), 'utf8').matchAll(/from '([^']+)'/g)].map(
      (match) => match[1],
    );
    for (const specifier of specifiers) {
      expect(specifier).toMatch(/^(\.\/[\w-]+|\.\.\/protocol\/[\w-]+|zod\/mini|node:crypto)$/);
    }
  });
});
