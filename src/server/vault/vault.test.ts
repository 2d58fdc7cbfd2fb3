import { describe, expect, it } from 'vitest';
import { createVault, generateVaultKey, splitVaultKeys, vaultKeysProblem } from './vault';
import { V1_FIXTURE } from './v1-fixture';

const { key: LEGACY_KEY, sealed: LEGACY_SEALED, fingerprint: LEGACY_FINGERPRINT } = V1_FIXTURE;
const PAN = V1_FIXTURE.pan;

describe('vault', () => {
  const vault = createVault(generateVaultKey());

  it('round-trips a card number without it appearing in the ciphertext', () => {
    const sealed = vault.encrypt(PAN);
    expect(sealed).toMatch(/^v2\./);
    expect(sealed).not.toContain(PAN);
    expect(vault.decrypt(sealed)).toBe(PAN);
  });

  it('uses a fresh IV each time', () => {
    expect(vault.encrypt(PAN)).not.toBe(vault.encrypt(PAN));
  });

  it('detects tampering and a wrong key', () => {
    const sealed = vault.encrypt(PAN);
    const parts = sealed.split('.');
    parts[3] = Buffer.from('x'.repeat(16)).toString('base64url');
    expect(() => vault.decrypt(parts.join('.'))).toThrow(/altered or corrupt/);
    expect(() => createVault(generateVaultKey()).decrypt(sealed)).toThrow();
  });

  it('refuses a v2 ciphertext moved to the v1 format (the key id is authenticated)', () => {
    const [, , iv, body, tag] = vault.encrypt(PAN).split('.');
    expect(() => vault.decrypt(['v1', iv, body, tag].join('.'))).toThrow(/any configured key/);
  });

  it('fingerprints the same card the same way under one key only', () => {
    expect(vault.fingerprint(PAN)).toBe(vault.fingerprint(PAN));
    expect(vault.fingerprint(PAN)).not.toBe(vault.fingerprint('5555555555554444'));
    expect(createVault(generateVaultKey()).fingerprint(PAN)).not.toBe(vault.fingerprint(PAN));
  });

  it('refuses a key of the wrong size', () => {
    expect(() => createVault(Buffer.alloc(16).toString('base64'))).toThrow(/32 bytes/);
  });

  it('opens and fingerprints cards sealed before key ids existed', () => {
    const legacy = createVault(LEGACY_KEY);
    expect(legacy.decrypt(LEGACY_SEALED)).toBe(PAN);
    expect(legacy.fingerprint(PAN)).toBe(LEGACY_FINGERPRINT);
  });
});

describe('vault with previous keys', () => {
  const newKey = generateVaultKey();
  const oldKey = generateVaultKey();
  const before = createVault(oldKey);
  const after = createVault([newKey, oldKey]);

  it('encrypts and fingerprints under the first key', () => {
    const sealed = after.encrypt(PAN);
    expect(sealed.split('.')[1]).toBe(after.keyIds[0]);
    expect(after.keyIds[0]).toBe(createVault(newKey).keyIds[0]);
    expect(createVault(newKey).decrypt(sealed)).toBe(PAN);
    expect(after.fingerprint(PAN)).toBe(createVault(newKey).fingerprint(PAN));
  });

  it('decrypts a v2 card sealed under a previous key', () => {
    expect(after.decrypt(before.encrypt(PAN))).toBe(PAN);
  });

  it('decrypts a v1 card under any of its keys', () => {
    expect(createVault([newKey, LEGACY_KEY]).decrypt(LEGACY_SEALED)).toBe(PAN);
    expect(createVault([LEGACY_KEY, newKey]).decrypt(LEGACY_SEALED)).toBe(PAN);
    expect(() => createVault([newKey, oldKey]).decrypt(LEGACY_SEALED)).toThrow(
      'vault ciphertext (v1) does not open under any configured key',
    );
  });

  it('names an unknown key by its id, never by the key', () => {
    const sealed = before.encrypt(PAN);
    const kid = before.keyIds[0] as string;
    const error = (() => {
      try {
        createVault(newKey).decrypt(sealed);
      } catch (caught) {
        return caught as Error;
      }
      throw new Error('decrypted under a key it was not sealed with');
    })();
    expect(error.message).toBe(`vault key ${kid} is not in PAYFRAME_VAULT_KEY`);
    expect(error.message).not.toContain(oldKey);
    expect(error.message).not.toContain(newKey);
  });

  it('derives key ids that are short, stable and not the key', () => {
    expect(after.keyIds).toEqual([createVault(newKey).keyIds[0], before.keyIds[0]]);
    for (const kid of after.keyIds) expect(kid).toMatch(/^[A-Za-z0-9_-]{8}$/);
    const keyText = [Buffer.from(newKey, 'base64').toString('base64url'), newKey];
    for (const text of keyText) expect(text).not.toContain(after.keyIds[0]);
  });

  it('fingerprints under every key, current first', () => {
    expect(after.fingerprints(PAN)).toEqual([
      createVault(newKey).fingerprint(PAN),
      before.fingerprint(PAN),
    ]);
    expect(createVault([newKey, LEGACY_KEY]).fingerprints(PAN)[1]).toBe(LEGACY_FINGERPRINT);
  });

  it('asks for rotation of anything not v2 under the current key', () => {
    expect(after.needsRotation(after.encrypt(PAN))).toBe(false);
    expect(after.needsRotation(before.encrypt(PAN))).toBe(true);
    expect(createVault(LEGACY_KEY).needsRotation(LEGACY_SEALED)).toBe(true);
  });

  it('rotates a card to the current key and its fingerprint', () => {
    for (const sealed of [before.encrypt(PAN), after.encrypt(PAN)]) {
      const rotated = after.rotate(sealed);
      expect(after.needsRotation(rotated.sealed)).toBe(false);
      expect(createVault(newKey).decrypt(rotated.sealed)).toBe(PAN);
      expect(rotated.fingerprint).toBe(after.fingerprint(PAN));
    }
    const fromV1 = createVault([newKey, LEGACY_KEY]).rotate(LEGACY_SEALED);
    expect(createVault(newKey).decrypt(fromV1.sealed)).toBe(PAN);
  });

  it('takes the key list as the variable spells it', () => {
    const spelled = createVault(` ${newKey} ,${oldKey}`);
    expect(spelled.keyIds).toEqual(after.keyIds);
  });
});

describe('vault key list', () => {
  const [a, b] = [generateVaultKey(), generateVaultKey()];

  it('splits on commas, trimming each entry', () => {
    expect(splitVaultKeys(`${a}, ${b}`)).toEqual([a, b]);
  });

  it('names the bad entry by position, never by value', () => {
    expect(vaultKeysProblem([a, 'c2hvcnQ='])).toBe(
      'entry 2 (a previous key) must be 32 bytes, base64-encoded',
    );
    expect(vaultKeysProblem([`${a.slice(0, 10)}!${a.slice(11)}`, b])).toBe(
      'entry 1 (the current key) must be 32 bytes, base64-encoded',
    );
    expect(vaultKeysProblem([a, ''])).toBe('entry 2 (a previous key) is empty');
    expect(vaultKeysProblem([])).toBe('must name at least one key');
  });

  it('refuses the same key twice, however padded', () => {
    expect(vaultKeysProblem([a, b, a])).toBe('entry 3 (a previous key) repeats entry 1');
    expect(vaultKeysProblem([a, a.replace(/=+$/, '')])).toBe(
      'entry 2 (a previous key) repeats entry 1',
    );
    expect(() => createVault([a, a])).toThrow('PAYFRAME_VAULT_KEY entry 2 (a previous key)');
  });

  it('accepts distinct keys', () => {
    expect(vaultKeysProblem([a])).toBeUndefined();
    expect(vaultKeysProblem([a, b])).toBeUndefined();
  });
});
