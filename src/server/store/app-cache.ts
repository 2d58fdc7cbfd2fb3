import type { AppRecord } from './records';

/**
 * How long this process trusts an app it read. Writes through this store are seen at once; a
 * change made by another server process sharing the database is seen within this time.
 */
export const APP_CACHE_TTL_MS = 1000;
/** Far more apps than one server sees in a second; past it the cache starts over. */
const MAX_ENTRIES = 10_000;

interface Entry {
  app: Readonly<AppRecord>;
  until: number;
}

/**
 * Apps by id and by secret-key hash. Every merchant request authenticates and most payments read
 * their app again (order check, checkout summary): without it that was 4 reads per full flow. Only
 * found apps are kept, so an unknown key always reaches the database.
 */
export class AppCache {
  readonly #byKey = new Map<string, Entry>();
  /** Bumped by every clear, so a read that began before a write is not kept after it. */
  #generation = 0;

  constructor(
    private readonly ttlMs = APP_CACHE_TTL_MS,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  async get(
    key: { id: string } | { secretHash: string },
    load: () => Promise<AppRecord | undefined>,
  ): Promise<AppRecord | undefined> {
    const name = 'id' in key ? `id:${key.id}` : `hash:${key.secretHash}`;
    const cached = this.#byKey.get(name);
    if (cached && cached.until > this.clock()) return cached.app;
    // Read after the time is taken: an entry never outlives the TTL from its read.
    const until = this.clock() + this.ttlMs;
    const generation = this.#generation;
    const app = await load();
    if (!app || generation !== this.#generation) return app;
    if (this.#byKey.size >= MAX_ENTRIES) this.#byKey.clear();
    const entry = { app: Object.freeze({ ...app }), until };
    this.#byKey.set(`id:${app.id}`, entry);
    this.#byKey.set(`hash:${app.secret_key_hash}`, entry);
    return entry.app;
  }

  /** After any write to an app: reads already on their way are not kept either. */
  clear(): void {
    this.#generation++;
    this.#byKey.clear();
  }
}
