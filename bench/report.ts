import type { CpuShare } from './cpu';
import type { LoadResult } from './load';
import { LatencyRecorder, type LatencySummary } from './percentiles';

export type Row = [name: string, summary: LatencySummary];

export const round = (value: number, digits = 2) => Number(value.toFixed(digits));

/** Per-step latency rows in the given order, then one row over all requests. */
export function stepRows(result: LoadResult, order: readonly string[]): Row[] {
  const all = new LatencyRecorder();
  const rows: Row[] = order.map((step) => {
    const recorder = result.steps.get(step) ?? new LatencyRecorder();
    all.merge(recorder);
    return [step, recorder.summary()];
  });
  return order.length > 1 ? [...rows, ['all requests', all.summary()]] : rows;
}

/** Requests answered per second in the window, from the per-step rows (the last row is "all"). */
export function requestsPerSecond(rows: Row[], result: LoadResult): number {
  return (rows.at(-1)?.[1].count ?? 0) / result.seconds;
}

export function printTable(rows: Row[], seconds: number): void {
  const cells = (values: string[]) =>
    `  ${(values[0] ?? '').padEnd(16)}${values
      .slice(1)
      .map((v) => v.padStart(9))
      .join('')}`;
  console.log(cells(['request', 'count', 'per s', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms']));
  for (const [name, s] of rows) {
    const ms = [s.p50, s.p90, s.p99, s.max].map((v) => v.toFixed(2));
    console.log(cells([name, String(s.count), (s.count / seconds).toFixed(0), ...ms]));
  }
}

export function describeCpu(cpu: CpuShare | undefined): string {
  if (!cpu) return 'CPU not measured';
  const server = cpu.server === undefined ? 'n/a' : `${cpu.server}%`;
  const database =
    'database' in cpu
      ? `, PostgreSQL ${cpu.database === undefined ? 'n/a' : `${cpu.database}%`}`
      : '';
  return `CPU (% of one core): server ${server}${database}, load generator ${cpu.client}%`;
}

/** "0 of 1234 failed", with the flows the server did not answer in time when there were any. */
export function describeOutcome(result: LoadResult): string {
  const late = result.timedOut > 0 ? `, ${result.timedOut} got no answer in time (overload)` : '';
  return `${result.failed} of ${result.finished} failed${late}`;
}

export function printFailures(result: LoadResult): void {
  if (result.failures.size === 0) return;
  console.log('  most frequent unexpected answers:');
  const worst = [...result.failures].sort((a, b) => b[1] - a[1]).slice(0, 10);
  for (const [message, count] of worst) console.log(`    ${count}× ${message}`);
}

/** p50/p99 per row, rounded, for the one-line JSON summary. */
export function compactLatency(rows: Row[]) {
  return Object.fromEntries(
    rows.map(([name, s]) => [name.replace(/ /g, '_'), { p50: round(s.p50), p99: round(s.p99) }]),
  );
}
