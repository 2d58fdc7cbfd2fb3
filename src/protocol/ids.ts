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

/**
 * Random bytes are drawn from the platform CSPRNG a few KB at a time and handed out once each:
 * one call per id cost a system call each, about 7% of the payment server's time under load
 * (Node's own `randomUUID` keeps such a pool too).
 */
const POOL_SIZE = 4096;
let pool = new Uint8Array(0);
let next = 0;

function randomByte(): number {
  if (next >= pool.length) {
    pool = crypto.getRandomValues(new Uint8Array(POOL_SIZE));
    next = 0;
  }
  return pool[next++]!;
}

/** Random base62 text from the platform CSPRNG, without modulo bias. */
export function randomBase62(length: number): string {
  let out = '';
  while (out.length < length) {
    const byte = randomByte();
    // 248 = 4 * 62: bytes above it would favour the first characters.
    if (byte < 248) out += ALPHABET[byte % 62];
  }
  return out;
}

/** Milliseconds since 1970 in 8 base62 characters: enough until the year 8888. */
const TIME_LENGTH = 8;
const TIME_LIMIT = 62 ** TIME_LENGTH;

/** `ms` in fixed-width base62; the alphabet is in ASCII order, so the text sorts as the number. */
function base62Time(ms: number): string {
  if (!Number.isSafeInteger(ms) || ms < 0 || ms >= TIME_LIMIT) {
    throw new RangeError(`An id's time must be whole milliseconds from 0 to 62^8: ${ms}`);
  }
  let out = '';
  for (let i = 0; i < TIME_LENGTH; i++) {
    out = ALPHABET[ms % 62]! + out;
    ms = Math.floor(ms / 62);
  }
  return out;
}

/**
 * A new id: 22 base62 characters after the prefix. Checkout tokens are bearer secrets and all
 * random (131 bits). Every other id starts with its creation time in milliseconds, then 14
 * random characters (83 bits) (ADR 25): new rows then go to the end of their primary-key index
 * instead of a random page of it, which halved the pages each group commit writes.
 */
export function newId(prefix: IdPrefix, now = Date.now()): string {
  if (prefix === IdPrefix.checkoutToken) return `${prefix}_${randomBase62(RANDOM_LENGTH)}`;
  return `${prefix}_${base62Time(now)}${randomBase62(RANDOM_LENGTH - TIME_LENGTH)}`;
}

/** Schema for an id with the given prefix, e.g. `idSchema('pay')` accepts `pay_…`. */
export function idSchema(prefix: IdPrefix) {
  return z
    .string()
    .check(z.regex(new RegExp(`^${prefix}_[0-9A-Za-z]{8,64}$`), `expected a ${prefix}_ id`));
}
