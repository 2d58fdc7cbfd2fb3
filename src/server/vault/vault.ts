import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Card-number vault: AES-256-GCM under keys derived from `PAYFRAME_VAULT_KEY`, plus an HMAC
 * fingerprint so the same card can be recognised without decrypting.
 *
 * `PAYFRAME_VAULT_KEY` is a comma-separated list: the first key is current (it encrypts and
 * fingerprints), the others are previous keys kept to decrypt until `npm run vault:rotate` has
 * re-encrypted every card (ADR 13). Ciphertext format, base64url parts:
 * `v2.<kid>.<iv>.<ciphertext>.<tag>`, where `kid` names the key and, with the version, is
 * authenticated as associated data. Cards sealed before key ids existed are
 * `v1.<iv>.<ciphertext>.<tag>` and open by trying each key: GCM's tag tells which one sealed them.
 */
export interface Vault {
  /** Seals under the current key. */
  encrypt(pan: string): string;
  decrypt(sealed: string): string;
  /** Under the current key. */
  fingerprint(pan: string): string;
  /**
   * Under every configured key, current first: a card saved before a rotation has the fingerprint
   * of an older key until `vault:rotate` reaches it, so look-ups by fingerprint match on all of them.
   */
  fingerprints(pan: string): string[];
  /** True when `sealed` is not a v2 ciphertext under the current key. */
  needsRotation(sealed: string): boolean;
  /** Opens `sealed` under whichever key sealed it and seals it again under the current key. */
  rotate(sealed: string): RotatedCard;
  /** The configured keys' ids, current first; not secret. */
  readonly keyIds: readonly string[];
}

/** A card re-sealed under the current key, with its fingerprint under that key. */
export interface RotatedCard {
  sealed: string;
  fingerprint: string;
}

interface VaultKey {
  id: string;
  encryptionKey: Buffer;
  fingerprintKey: Buffer;
}

const KEY_ALPHABET = /^[A-Za-z0-9+/_-]+={0,2}$/;

/** `PAYFRAME_VAULT_KEY`'s entries, current first. */
export function splitVaultKeys(value: string): string[] {
  return value.split(',').map((entry) => entry.trim());
}

/**
 * What is wrong with a key list, naming the entry by position and never by its value; undefined
 * when every entry is a distinct 32-byte base64 key.
 */
export function vaultKeysProblem(keys: readonly string[]): string | undefined {
  const seen = new Map<string, number>();
  for (const [index, key] of keys.entries()) {
    const entry = `entry ${index + 1} (${index === 0 ? 'the current key' : 'a previous key'})`;
    if (key === '') return `${entry} is empty`;
    const bytes = Buffer.from(key, 'base64');
    if (!KEY_ALPHABET.test(key) || bytes.length !== 32) {
      return `${entry} must be 32 bytes, base64-encoded`;
    }
    const earlier = seen.get(bytes.toString('hex'));
    if (earlier !== undefined) return `${entry} repeats entry ${earlier + 1}`;
    seen.set(bytes.toString('hex'), index);
  }
  return keys.length === 0 ? 'must name at least one key' : undefined;
}

function deriveKey(keyBase64: string): VaultKey {
  const master = Buffer.from(keyBase64, 'base64');
  const derive = (info: string) =>
    Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), info, 32));
  return {
    // Six bytes of an HKDF output: names the key in logs and ciphertexts, reveals nothing of it.
    id: derive('payframe vault key id v1').toString('base64url').slice(0, 8),
    // The v1 labels stay: cards sealed and fingerprinted before key ids existed must still match.
    encryptionKey: derive('payframe vault encryption v1'),
    fingerprintKey: derive('payframe vault fingerprint v1'),
  };
}

function open(key: VaultKey, iv: string, body: string, tag: string, aad?: Buffer): string {
  const decipher = createDecipheriv('aes-256-gcm', key.encryptionKey, Buffer.from(iv, 'base64url'));
  if (aad) decipher.setAAD(aad);
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([
    decipher.update(Buffer.from(body, 'base64url')),
    decipher.final(),
  ]).toString('utf8');
}

/** Opens v1 ciphertexts, which name no key: the first key whose tag checks out sealed it. */
function openV1(keys: readonly VaultKey[], iv: string, body: string, tag: string): string {
  for (const key of keys) {
    try {
      return open(key, iv, body, tag);
    } catch {
      // Not this key (or tampered): GCM refuses both alike, so the next key is tried.
    }
  }
  throw new Error('vault ciphertext (v1) does not open under any configured key');
}

/**
 * @param keys `PAYFRAME_VAULT_KEY` as a comma-separated string, or its entries; current first.
 */
export function createVault(keys: string | readonly string[]): Vault {
  const entries = typeof keys === 'string' ? splitVaultKeys(keys) : keys;
  const problem = vaultKeysProblem(entries);
  if (problem) throw new Error(`PAYFRAME_VAULT_KEY ${problem}`);
  const derived = entries.map(deriveKey);
  const byId = new Map(derived.map((key) => [key.id, key]));
  // Distinct keys colliding on 48 bits of HKDF output would need about 2^24 keys; refuse anyway.
  if (byId.size !== derived.length) throw new Error('PAYFRAME_VAULT_KEY has two keys with one id');
  const current = derived[0] as VaultKey;
  const currentPrefix = `v2.${current.id}.`;
  const fingerprintUnder = (key: VaultKey, pan: string) =>
    createHmac('sha256', key.fingerprintKey).update(pan).digest('base64url');

  const vault: Vault = {
    keyIds: derived.map((key) => key.id),
    encrypt(pan) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', current.encryptionKey, iv);
      cipher.setAAD(Buffer.from(`v2.${current.id}`));
      const body = Buffer.concat([cipher.update(pan, 'utf8'), cipher.final()]);
      const parts = [iv, body, cipher.getAuthTag()].map((b) => b.toString('base64url'));
      return ['v2', current.id, ...parts].join('.');
    },
    decrypt(sealed) {
      const parts = sealed.split('.');
      if (parts[0] === 'v1' && parts.length === 4) {
        const [, iv, body, tag] = parts as [string, string, string, string];
        return openV1(derived, iv, body, tag);
      }
      if (parts[0] === 'v2' && parts.length === 5) {
        const [, kid, iv, body, tag] = parts as [string, string, string, string, string];
        const key = byId.get(kid);
        if (!key) throw new Error(`vault key ${kid} is not in PAYFRAME_VAULT_KEY`);
        try {
          return open(key, iv, body, tag, Buffer.from(`v2.${kid}`));
        } catch {
          throw new Error(`vault ciphertext does not open under key ${kid}: altered or corrupt`);
        }
      }
      throw new Error('unknown vault format');
    },
    fingerprint(pan) {
      return fingerprintUnder(current, pan);
    },
    fingerprints(pan) {
      return derived.map((key) => fingerprintUnder(key, pan));
    },
    needsRotation(sealed) {
      return !sealed.startsWith(currentPrefix);
    },
    rotate(sealed) {
      const pan = vault.decrypt(sealed);
      return { sealed: vault.encrypt(pan), fingerprint: vault.fingerprint(pan) };
    },
  };
  return vault;
}

/** A fresh random key, for development and tests. */
export function generateVaultKey(): string {
  return randomBytes(32).toString('base64');
}
