import { z } from 'zod/mini';

/** Prefixes of every id Payframe hands out; the prefix tells a reader what the id names. */
export const IdPrefix = {
  app: 'app',
  invoice: 'inv',
  payment: 'pay',
  transaction: 'txn',
  customer: 'cus',
  paymentMethod: 'pm',
  event: 'evt',
  checkoutToken: 'ct',
  vaultCard: 'vc',
  webhookAttempt: 'wha',
} as const;
export type IdPrefix = (typeof IdPrefix)[keyof typeof IdPrefix];

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** 22 base62 characters carry about 131 bits of randomness. */
const RANDOM_LENGTH = 22;

/** Random base62 text from the platform CSPRNG, without modulo bias. */
export function randomBase62(length: number): string {
  let out = '';
  while (out.length < length) {
    const bytes = crypto.getRandomValues(new Uint8Array(length * 2));
    for (const byte of bytes) {
      // 248 = 4 * 62: bytes above it would favour the first characters.
      if (byte < 248 && out.length < length) out += ALPHABET[byte % 62];
    }
  }
  return out;
}

export function newId(prefix: IdPrefix): string {
  return `${prefix}_${randomBase62(RANDOM_LENGTH)}`;
}

/** Schema for an id with the given prefix, e.g. `idSchema('pay')` accepts `pay_…`. */
export function idSchema(prefix: IdPrefix) {
  return z
    .string()
    .check(z.regex(new RegExp(`^${prefix}_[0-9A-Za-z]{8,64}$`), `expected a ${prefix}_ id`));
}
