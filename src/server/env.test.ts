import { describe, expect, it } from 'vitest';
import { generateVaultKey } from './vault/vault';
import { loadEnv } from './env';

describe('environment', () => {
  it('fills defaults for development', () => {
    const env = loadEnv({
      PAYFRAME_VAULT_KEY: generateVaultKey(),
      PAYFRAME_ACS_SECRET: 'a'.repeat(32),
    });
    expect(env.PAYFRAME_PORT).toBe(4000);
    expect(env.PAYFRAME_PUBLIC_URL).toBe('http://localhost:4000');
    expect(env.PAYFRAME_ACS_URL).toBe('http://127.0.0.1:4001');
    expect(env.PAYFRAME_DATABASE_URL).toBeUndefined();
    expect(env.PAYFRAME_ENABLE_TEST_CLOCK).toBe(false);
    expect(env.PAYFRAME_CHALLENGE_TIMEOUT_SECONDS).toBe(600);
  });

  it('fails fast naming every bad variable', () => {
    expect(() =>
      loadEnv({
        PAYFRAME_PORT: 'eighty',
        PAYFRAME_DATABASE_URL: 'mysql://x',
        PAYFRAME_VAULT_KEY: 'short',
      }),
    ).toThrow(/PAYFRAME_PORT[\s\S]*PAYFRAME_DATABASE_URL[\s\S]*PAYFRAME_VAULT_KEY/);
  });
});
