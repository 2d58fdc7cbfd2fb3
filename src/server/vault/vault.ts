import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Card-number vault: AES-256-GCM under a key derived from `PAYFRAME_VAULT_KEY`, plus an HMAC
 * fingerprint so the same card can be recognised without decrypting. Ciphertext format:
 * `v1.<iv>.<ciphertext>.<tag>` in base64url.
 */
export interface Vault {
  encrypt(pan: string): string;
  decrypt(sealed: string): string;
  fingerprint(pan: string): string;
}

export function createVault(keyBase64: string): Vault {
  const master = Buffer.from(keyBase64, 'base64');
  if (master.length !== 32) throw new Error('PAYFRAME_VAULT_KEY must be 32 bytes, base64-encoded');
  const derive = (info: string) =>
    Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), info, 32));
  const encryptionKey = derive('payframe vault encryption v1');
  const fingerprintKey = derive('payframe vault fingerprint v1');

  return {
    encrypt(pan) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encryptionKey, iv);
      const body = Buffer.concat([cipher.update(pan, 'utf8'), cipher.final()]);
      const parts = [iv, body, cipher.getAuthTag()].map((b) => b.toString('base64url'));
      return ['v1', ...parts].join('.');
    },
    decrypt(sealed) {
      const [version, iv, body, tag] = sealed.split('.');
      if (version !== 'v1' || !iv || !body || !tag) throw new Error('unknown vault format');
      const decipher = createDecipheriv('aes-256-gcm', encryptionKey, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([
        decipher.update(Buffer.from(body, 'base64url')),
        decipher.final(),
      ]).toString('utf8');
    },
    fingerprint(pan) {
      return createHmac('sha256', fingerprintKey).update(pan).digest('base64url');
    },
  };
}

/** A fresh random key, for development and tests. */
export function generateVaultKey(): string {
  return randomBytes(32).toString('base64');
}
