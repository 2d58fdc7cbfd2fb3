import { describe, expect, it } from 'vitest';
import { createVault, generateVaultKey } from './vault';

describe('vault', () => {
  const vault = createVault(generateVaultKey());

  it('round-trips a card number without it appearing in the ciphertext', () => {
    const sealed = vault.encrypt('4242424242424242');
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain('4242424242424242');
    expect(vault.decrypt(sealed)).toBe('4242424242424242');
  });

  it('uses a fresh IV each time', () => {
    expect(vault.encrypt('4242424242424242')).not.toBe(vault.encrypt('4242424242424242'));
  });

  it('detects tampering and a wrong key', () => {
    const sealed = vault.encrypt('4242424242424242');
    const parts = sealed.split('.');
    parts[2] = Buffer.from('x'.repeat(16)).toString('base64url');
    expect(() => vault.decrypt(parts.join('.'))).toThrow();
    expect(() => createVault(generateVaultKey()).decrypt(sealed)).toThrow();
  });

  it('fingerprints the same card the same way under one key only', () => {
    expect(vault.fingerprint('4242424242424242')).toBe(vault.fingerprint('4242424242424242'));
    expect(vault.fingerprint('4242424242424242')).not.toBe(vault.fingerprint('5555555555554444'));
    expect(createVault(generateVaultKey()).fingerprint('4242424242424242')).not.toBe(
      vault.fingerprint('4242424242424242'),
    );
  });

  it('refuses a key of the wrong size', () => {
    expect(() => createVault(Buffer.alloc(16).toString('base64'))).toThrow(/32 bytes/);
  });
});
