import { describe, expect, it } from 'vitest';
import { generateVaultKey } from './vault/vault';
import { loadEnv, loadVaultEnv } from './env';

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

  it('reads the vault key list, current key first', () => {
    const [current, previous] = [generateVaultKey(), generateVaultKey()];
    const env = loadEnv({
      PAYFRAME_VAULT_KEY: `${current}, ${previous}`,
      PAYFRAME_ACS_SECRET: 'a'.repeat(32),
    });
    expect(env.PAYFRAME_VAULT_KEY).toEqual([current, previous]);
  });

  it('names the bad vault key entry without showing any key', () => {
    const [current, previous] = [generateVaultKey(), generateVaultKey()];
    const load = (keys: string) => () =>
      loadEnv({ PAYFRAME_VAULT_KEY: keys, PAYFRAME_ACS_SECRET: 'a'.repeat(32) });
    expect(load(`${current},${previous.slice(0, 20)}`)).toThrow(
      /PAYFRAME_VAULT_KEY: entry 2 \(a previous key\) must be 32 bytes, base64-encoded$/,
    );
    expect(load(`${current},${previous},${current}`)).toThrow(
      /PAYFRAME_VAULT_KEY: entry 3 \(a previous key\) repeats entry 1$/,
    );
    expect(load(`${current},`)).toThrow(/entry 2 \(a previous key\) is empty/);
    const message = (keys: string) => {
      try {
        load(keys)();
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error('accepted a bad key list');
    };
    for (const keys of [
      `${current},${previous.slice(0, 20)}`,
      `${current},${previous},${current}`,
    ]) {
      expect(message(keys)).not.toContain(current.slice(0, 12));
      expect(message(keys)).not.toContain(previous.slice(0, 12));
    }
  });

  it('reads only the store and the keys for vault rotation', () => {
    const env = loadVaultEnv({ PAYFRAME_VAULT_KEY: generateVaultKey() });
    expect(env).toEqual({ PAYFRAME_DATA_DIR: 'data', PAYFRAME_VAULT_KEY: [expect.any(String)] });
    expect(() => loadVaultEnv({})).toThrow(
      /Invalid vault rotation environment:\n {2}PAYFRAME_VAULT_KEY/,
    );
  });
});
