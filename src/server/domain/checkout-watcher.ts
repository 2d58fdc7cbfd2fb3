import { checkoutState, type CheckoutState } from './checkout-status';
import type { Services } from './services';

export type CheckoutListener = (state: CheckoutState) => void;

/**
 * Polls the database for the checkouts this process streams, one read per beat for all of them,
 * and tells each stream where its checkout stands. It holds only who is listening: the state is
 * read from the database every time, so a payment made through another process shows up here
 * within one beat. The timer runs only while someone listens.
 */
export class CheckoutWatcher {
  readonly #listeners = new Map<string, Set<CheckoutListener>>();
  #timer: NodeJS.Timeout | null = null;
  #reading: Promise<void> | null = null;

  constructor(
    private readonly services: Services,
    private readonly options: { intervalMs: number; onError: (error: unknown) => void },
  ) {}

  /** Calls `listener` with the checkout's state on every beat until the returned function runs. */
  watch(token: string, listener: CheckoutListener): () => void {
    const listeners = this.#listeners.get(token) ?? new Set<CheckoutListener>();
    this.#listeners.set(token, listeners.add(listener));
    this.#timer ??= setInterval(this.#beat, this.options.intervalMs);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) this.#listeners.delete(token);
      if (this.#listeners.size === 0) this.#stopTimer();
    };
  }

  /** Stops polling and waits for a read under way, so the store can be closed after it. */
  async stop(): Promise<void> {
    this.#listeners.clear();
    this.#stopTimer();
    await this.#reading;
  }

  #stopTimer(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
  }

  // A slow database skips beats rather than piling reads up.
  readonly #beat = (): void => {
    if (this.#reading) return;
    this.#reading = this.#read()
      .catch(this.options.onError)
      .finally(() => {
        this.#reading = null;
      });
  };

  async #read(): Promise<void> {
    const tokens = [...this.#listeners.keys()];
    if (tokens.length === 0) return;
    const records = await this.services.store.listCheckoutStatuses(tokens);
    const now = this.services.now();
    for (const record of records) {
      const state = checkoutState(record, now, this.services.config.maxFailedAttempts);
      for (const listener of this.#listeners.get(record.invoice.checkout_token) ?? []) {
        listener(state);
      }
    }
  }
}
