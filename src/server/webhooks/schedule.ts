/**
 * When a failed delivery is tried again (DESIGN §8): the first try is immediate, then after 5 s,
 * 5 min, 30 min, 2 h, 5 h, 10 h and 10 h; after the eighth try fails the event is `failed` and waits
 * for a manual resend.
 */
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
export const RETRY_DELAYS_MS = [
  5 * SECOND,
  5 * MINUTE,
  30 * MINUTE,
  2 * HOUR,
  5 * HOUR,
  10 * HOUR,
  10 * HOUR,
];
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
/** Each delay is spread by up to this share either way, so failed endpoints are not hit in step. */
export const JITTER = 0.2;
/** A `Retry-After` longer than this is not waited for in full. */
export const MAX_RETRY_AFTER_MS = 24 * HOUR;

/**
 * The wait before the next try after `attempts` failed ones, or null when none is left. A
 * `Retry-After` from a 429 or 503 is honoured when it asks for longer than the schedule.
 */
export function nextRetryDelay(
  attempts: number,
  retryAfterMs: number | null,
  random: () => number = Math.random,
): number | null {
  const base = RETRY_DELAYS_MS[attempts - 1];
  if (base === undefined) return null;
  const jittered = Math.round(base * (1 + JITTER * (2 * random() - 1)));
  return retryAfterMs === null
    ? jittered
    : Math.max(jittered, Math.min(retryAfterMs, MAX_RETRY_AFTER_MS));
}

/** `Retry-After` as milliseconds: seconds, or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(header: string | null, now: number): number | null {
  if (header === null) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * SECOND;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
