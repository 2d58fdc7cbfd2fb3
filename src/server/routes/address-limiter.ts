/**
 * Counts failed confirms per client address in a sliding window (card-testing defence, DESIGN §9).
 * Kept in process memory: DESIGN §1 allows rate-limit counters per process.
 */
export class AddressLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  isLocked(address: string, now: number): boolean {
    return this.recent(address, now).length >= this.limit;
  }

  recordFailure(address: string, now: number): void {
    const recent = this.recent(address, now);
    recent.push(now);
    this.failures.set(address, recent);
    if (this.failures.size > 10_000) this.prune(now);
  }

  private recent(address: string, now: number): number[] {
    return (this.failures.get(address) ?? []).filter((at) => now - at < this.windowMs);
  }

  private prune(now: number): void {
    for (const [address, times] of this.failures) {
      if (times.every((at) => now - at >= this.windowMs)) this.failures.delete(address);
    }
  }
}
