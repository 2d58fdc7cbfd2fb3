/** Latency samples in milliseconds, summarised exactly (sorted, nearest rank): no histogram rounding. */
export class LatencyRecorder {
  private samples = new Float64Array(4096);
  private size = 0;

  get count(): number {
    return this.size;
  }

  record(ms: number): void {
    if (this.size === this.samples.length) {
      const grown = new Float64Array(this.samples.length * 2);
      grown.set(this.samples);
      this.samples = grown;
    }
    this.samples[this.size++] = ms;
  }

  /** Adds every sample of `other` (for an "all requests" row built from the per-type rows). */
  merge(other: LatencyRecorder): void {
    for (let i = 0; i < other.size; i++) this.record(other.samples[i] ?? 0);
  }

  summary(): LatencySummary {
    const sorted = this.samples.slice(0, this.size).sort();
    const rank = (p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
    return {
      count: sorted.length,
      p50: rank(50),
      p90: rank(90),
      p99: rank(99),
      max: sorted[sorted.length - 1] ?? 0,
    };
  }
}

export interface LatencySummary {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}
