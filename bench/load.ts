import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { LatencyRecorder } from './percentiles';

/** What one unit of work (a flow, or a single request) reports back to the load generator. */
export interface WorkResult {
  samples: { step: string; start: number; end: number }[];
  failure?: string;
  /** Failed only because an answer took too long: overload, reported apart from failures. */
  timedOut?: boolean;
}

/** Runs unit number `sequence`, due at `scheduledAt` (performance.now() time). */
export type Work = (sequence: number, scheduledAt: number) => Promise<WorkResult>;

export interface Window {
  warmupMs: number;
  durationMs: number;
  /** Called when measuring starts and ends (CPU meters). */
  onStart?: () => void;
  onEnd?: () => void;
}

export interface LoadResult {
  /** Length of the measured window, in seconds. */
  seconds: number;
  /** Units finished successfully inside the window. */
  completed: number;
  /** Units that failed, over the whole run (warm-up included), and all units that finished. */
  failed: number;
  finished: number;
  /** Units that ended because the server did not answer in time (not counted as failed). */
  timedOut: number;
  /** Failure messages with how often each occurred. */
  failures: Map<string, number>;
  /**
   * Latency per step, of requests sent inside the window, even if answered after it: a slow
   * answer at the end still counts, a warm-up request answered inside the window does not.
   */
  steps: Map<string, LatencyRecorder>;
  /**
   * Whole-unit latency (first request due → last answer) of successful units due in the window;
   * in the open loop also of unfinished ones, at their time so far (a lower bound).
   */
  units: LatencyRecorder;
  /** Open loop only: units started but not finished when the drain time ran out. */
  unfinished: number;
}

class Tally {
  readonly result: LoadResult;

  constructor(
    private readonly measureStart: number,
    private readonly measureEnd: number,
  ) {
    this.result = {
      seconds: (measureEnd - measureStart) / 1000,
      completed: 0,
      failed: 0,
      finished: 0,
      timedOut: 0,
      failures: new Map(),
      steps: new Map(),
      units: new LatencyRecorder(),
      unfinished: 0,
    };
  }

  private inWindow(time: number): boolean {
    return time >= this.measureStart && time <= this.measureEnd;
  }

  /** Set when the run is over: units that answer later (or fail as the server stops) are ignored. */
  closed = false;

  add(scheduledAt: number, work: WorkResult): void {
    if (this.closed) return;
    const r = this.result;
    r.finished++;
    if (work.timedOut) r.timedOut++;
    else if (work.failure !== undefined) r.failed++;
    if (work.failure !== undefined) {
      r.failures.set(work.failure, (r.failures.get(work.failure) ?? 0) + 1);
    }
    for (const sample of work.samples) {
      if (!this.inWindow(sample.start)) continue;
      let recorder = r.steps.get(sample.step);
      if (!recorder) r.steps.set(sample.step, (recorder = new LatencyRecorder()));
      recorder.record(sample.end - sample.start);
    }
    if (work.failure !== undefined) return;
    const end = work.samples.at(-1)?.end ?? performance.now();
    if (this.inWindow(end)) r.completed++;
    if (this.inWindow(scheduledAt)) r.units.record(end - scheduledAt);
  }
}

/** Calls onStart/onEnd at the window's edges; the returned function runs any still due. */
function windowTimers(window: Window, t0: number): () => void {
  const pending = [
    { at: t0 + window.warmupMs, run: window.onStart },
    { at: t0 + window.warmupMs + window.durationMs, run: window.onEnd },
  ].map((edge) => {
    let done = false;
    const fire = () => {
      if (done) return;
      done = true;
      edge.run?.();
    };
    const timer = setTimeout(fire, Math.max(0, edge.at - performance.now()));
    return () => {
      clearTimeout(timer);
      fire();
    };
  });
  return () => pending.forEach((finish) => finish());
}

/**
 * Closed loop: `concurrency` workers, each starting its next unit as soon as the last one
 * answered. Measures the most the server sustains at that concurrency.
 */
export async function closedLoop(
  work: Work,
  concurrency: number,
  window: Window,
): Promise<LoadResult> {
  const t0 = performance.now();
  const measureStart = t0 + window.warmupMs;
  const measureEnd = measureStart + window.durationMs;
  const tally = new Tally(measureStart, measureEnd);
  const finishWindow = windowTimers(window, t0);
  let sequence = 0;
  const worker = async () => {
    while (performance.now() < measureEnd) {
      const scheduledAt = performance.now();
      tally.add(scheduledAt, await work(sequence++, scheduledAt));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  finishWindow();
  return tally.result;
}

/**
 * Open loop: units start on a fixed schedule whether or not earlier ones answered, and latency
 * counts from the scheduled start, so a stalled server shows as latency (no coordinated omission).
 * After the window, units still running get `drainMs` to finish.
 */
export async function openLoop(
  work: Work,
  ratePerSecond: number,
  window: Window & { drainMs: number },
): Promise<LoadResult> {
  const t0 = performance.now();
  const measureStart = t0 + window.warmupMs;
  const measureEnd = measureStart + window.durationMs;
  const tally = new Tally(measureStart, measureEnd);
  const finishWindow = windowTimers(window, t0);
  const interval = 1000 / ratePerSecond;
  /** Units still running, with when each was due. */
  const running = new Map<Promise<void>, number>();
  let sequence = 0;
  const due = () => t0 + sequence * interval;
  while (due() < measureEnd) {
    const now = performance.now();
    while (due() <= now && due() < measureEnd) {
      const scheduledAt = due();
      const unit = work(sequence++, scheduledAt).then((result) => {
        tally.add(scheduledAt, result);
        running.delete(unit);
      });
      running.set(unit, scheduledAt);
    }
    await sleep(Math.max(0, Math.min(due(), measureEnd) - performance.now()));
  }
  const drain = new AbortController();
  await Promise.race([
    Promise.all(running.keys()),
    sleep(window.drainMs, undefined, { signal: drain.signal }).catch(() => undefined),
  ]);
  drain.abort();
  finishWindow();
  tally.closed = true;
  tally.result.unfinished = running.size;
  // A flow that never finished took at least this long: leaving it out would flatter the tail.
  const now = performance.now();
  for (const scheduledAt of running.values()) {
    if (scheduledAt >= measureStart) tally.result.units.record(now - scheduledAt);
  }
  return tally.result;
}
