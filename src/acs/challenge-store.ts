import type { ChallengeRequest } from '../server/three-ds/messages';

/** One challenge as the ACS remembers it between the shopper's answers. */
export interface Challenge {
  readonly creq: ChallengeRequest;
  wrongAttempts: number;
  finished: boolean;
}

interface Entry {
  challenge: Challenge;
  forgetAt: number;
}

export interface ChallengeStoreOptions {
  now: () => number;
  /** Entries are kept this long after the challenge expires, so late answers and replays get a clear page. */
  marginMs?: number;
  /** Upper bound on remembered challenges; the oldest is forgotten first. */
  maxEntries?: number;
}

/**
 * The ACS's challenges in process memory, keyed by `acsTransID`. The simulated issuer runs as one
 * process, so nothing here needs to be shared; it is bounded so a flood of requests cannot grow it.
 */
export class ChallengeStore {
  readonly #entries = new Map<string, Entry>();
  readonly #now: () => number;
  readonly #marginMs: number;
  readonly #maxEntries: number;

  constructor(options: ChallengeStoreOptions) {
    this.#now = options.now;
    this.#marginMs = options.marginMs ?? 10 * 60_000;
    this.#maxEntries = options.maxEntries ?? 10_000;
  }

  get size(): number {
    return this.#entries.size;
  }

  get(acsTransID: string): Challenge | undefined {
    const entry = this.#entries.get(acsTransID);
    if (!entry) return undefined;
    if (entry.forgetAt <= this.#now()) {
      this.#entries.delete(acsTransID);
      return undefined;
    }
    return entry.challenge;
  }

  /** The challenge for this request: the remembered one when the same creq is posted again. */
  open(creq: ChallengeRequest): Challenge {
    const known = this.get(creq.acsTransID);
    if (known) return known;
    this.#sweep();
    const challenge: Challenge = { creq, wrongAttempts: 0, finished: false };
    this.#entries.set(creq.acsTransID, { challenge, forgetAt: creq.expiresAt + this.#marginMs });
    return challenge;
  }

  /**
   * Forgets expired entries from the oldest on (they are inserted roughly in expiry order, so
   * stopping at the first live one keeps this cheap), then the oldest ones while over the bound.
   */
  #sweep(): void {
    const now = this.#now();
    for (const [id, entry] of this.#entries) {
      if (entry.forgetAt > now && this.#entries.size < this.#maxEntries) break;
      this.#entries.delete(id);
    }
  }
}
