/** First retry waits up to this long; each further retry doubles the ceiling. */
export const BACKOFF_BASE_MS = 100;
/** Ceiling of the backoff, so a long outage is probed every couple of seconds at most. */
export const BACKOFF_CAP_MS = 2_000;
/** A `Retry-After` longer than this is cut down: a merchant's request should not hang for minutes. */
export const RETRY_AFTER_MAX_MS = 10_000;

/**
 * Exponential backoff with full jitter (a random wait between zero and the ceiling): clients that
 * failed together do not come back together.
 */
export function backoffDelay(retry: number, random: () => number = Math.random): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** retry);
  return Math.floor(random() * ceiling);
}

/** Milliseconds a `Retry-After` header asks for (seconds or an HTTP date), bounded; null if none. */
export function retryAfterDelay(header: string | null, now: number = Date.now()): number | null {
  if (header === null || header.trim() === '') return null;
  const value = header.trim();
  const ms = /^\d+$/.test(value) ? Number(value) * 1000 : Date.parse(value) - now;
  if (Number.isNaN(ms)) return null;
  return Math.min(Math.max(ms, 0), RETRY_AFTER_MAX_MS);
}

/** The wait before retry number `retry` (0-based): the server's word if it gave one. */
export function retryDelay(retry: number, retryAfter: string | null): number {
  return retryAfterDelay(retryAfter) ?? backoffDelay(retry);
}

/** Waits, unless the caller aborts first; then rejects with the caller's abort reason. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
