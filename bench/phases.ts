import { performance } from 'node:perf_hooks';
import type { ServerChild } from './children';
import { CpuMeter } from './cpu';
import { AnswerTimeout, JsonClient } from './http-client';
import { closedLoop, openLoop, type LoadResult, type Window, type WorkResult } from './load';
import { runFlow, STEPS, type Merchant } from './payment-flow';
import {
  describeCpu,
  describeOutcome,
  printFailures,
  printTable,
  requestsPerSecond,
  stepRows,
  type Row,
} from './report';

export const TARGET_FLOWS_PER_SECOND = 1000;
export const TARGET_P99_MS = 25;
const OPEN_LOOP_SOCKETS = 1024;
/** How long flows still running when the open-loop window ends may take to finish. */
const DRAIN_MS = 5000;

export interface PhaseResult {
  result: LoadResult;
  rows: Row[];
  requestsPerSecond: number;
}

export type MerchantKeys = Omit<Merchant, 'client'>;

function assertAlive(server: ServerChild): void {
  const exited = server.exited();
  if (exited !== undefined) throw new Error(exited);
}

/** Phase 1: the most the payment server sustains with `concurrency` merchants looping flows. */
export async function closedPhase(
  server: ServerChild,
  merchant: MerchantKeys,
  concurrency: number,
  window: Window,
): Promise<PhaseResult & { flowsPerSecond: number }> {
  const client = new JsonClient(server.port, concurrency);
  const cpu = new CpuMeter(server.pids, server.databasePids);
  const result = await closedLoop(
    (sequence, at) => runFlow({ ...merchant, client }, sequence, at),
    concurrency,
    { ...window, onStart: cpu.start, onEnd: cpu.stop },
  );
  client.close();
  assertAlive(server);
  const rows = stepRows(result, STEPS);
  const flowsPerSecond = result.completed / result.seconds;
  console.log(
    `\nPhase 1 — closed loop: the most the server sustains (${concurrency} merchants, each running create invoice → confirm → capture → validate, the next flow at once)`,
  );
  console.log(
    `  ${flowsPerSecond.toFixed(0)} flows/s (target ≥ ${TARGET_FLOWS_PER_SECOND}), ${requestsPerSecond(rows, result).toFixed(0)} requests/s; flows: ${describeOutcome(result)}; ${describeCpu(cpu.share)}`,
  );
  printTable(rows, result.seconds);
  printFailures(result);
  return { result, rows, flowsPerSecond, requestsPerSecond: requestsPerSecond(rows, result) };
}

/** Phase 2: flows started on a fixed schedule, latency counted from each flow's due time. */
export async function openPhase(
  server: ServerChild,
  merchant: MerchantKeys,
  rate: { perSecond: number; why: string; sustained: number },
  window: Window,
): Promise<PhaseResult & { flow: Row[1] }> {
  const client = new JsonClient(server.port, OPEN_LOOP_SOCKETS);
  const cpu = new CpuMeter(server.pids, server.databasePids);
  const result = await openLoop(
    (sequence, at) => runFlow({ ...merchant, client }, sequence, at),
    rate.perSecond,
    { ...window, drainMs: DRAIN_MS, onStart: cpu.start, onEnd: cpu.stop },
  );
  client.close();
  assertAlive(server);
  const rows = stepRows(result, STEPS);
  const flow = result.units.summary();
  const worstP99 = Math.max(...rows.map(([, s]) => s.p99));
  console.log(
    `\nPhase 2 — open loop at ${rate.perSecond.toFixed(0)} flows/s (${rate.why}): flows start on schedule; a flow's first request counts from its scheduled start`,
  );
  console.log(
    `  ${(result.completed / result.seconds).toFixed(0)} flows/s completed; flows: ${describeOutcome(result)}, ${result.unfinished} unfinished ${DRAIN_MS / 1000} s after the end; ${describeCpu(cpu.share)}`,
  );
  if (rate.perSecond > rate.sustained) {
    console.log(
      `  note: more than phase 1 sustained (${rate.sustained.toFixed(0)} flows/s): requests queue up, so these latencies measure the backlog`,
    );
  }
  if (result.unfinished > 0) {
    console.log(
      `  note: the request rows leave out the ${result.unfinished} unfinished flows; "whole flow" counts them at their time so far`,
    );
  }
  printTable([...rows, ['whole flow', flow]], result.seconds);
  console.log(
    `  worst p99 of a request type: ${worstP99.toFixed(2)} ms (target ≤ ${TARGET_P99_MS} ms at ${TARGET_FLOWS_PER_SECOND / 2} flows/s)`,
  );
  printFailures(result);
  return { result, rows, flow, requestsPerSecond: requestsPerSecond(rows, result) };
}

/** Phase 3: the same closed loop against a bare Fastify route, one request per unit. */
export async function barePhase(
  server: ServerChild,
  concurrency: number,
  window: Window,
): Promise<PhaseResult> {
  const client = new JsonClient(server.port, concurrency);
  const cpu = new CpuMeter(server.pids, server.databasePids);
  const work = async (sequence: number): Promise<WorkResult> => {
    const start = performance.now();
    try {
      const answer = await client.post('/bare', { hello: 'payframe', n: sequence });
      const samples = [{ step: 'POST /bare', start, end: performance.now() }];
      const body = answer.body as { echo?: { n?: number } } | undefined;
      return answer.status === 200 && body?.echo?.n === sequence
        ? { samples }
        : { samples, failure: `POST /bare: HTTP ${answer.status} ${JSON.stringify(body)}` };
    } catch (error) {
      const samples = [{ step: 'POST /bare', start, end: performance.now() }];
      const failure = `POST /bare: ${(error as Error).message}`;
      return { samples, failure, timedOut: error instanceof AnswerTimeout };
    }
  };
  const result = await closedLoop(work, concurrency, {
    ...window,
    onStart: cpu.start,
    onEnd: cpu.stop,
  });
  client.close();
  assertAlive(server);
  const rows = stepRows(result, ['POST /bare']);
  console.log(
    `\nPhase 3 — baseline: bare Fastify, POST /bare echoing JSON (no logger, no database), the same ${concurrency}-connection closed loop`,
  );
  console.log(
    `  ${requestsPerSecond(rows, result).toFixed(0)} requests/s; requests: ${describeOutcome(result)}; ${describeCpu(cpu.share)}`,
  );
  printTable(rows, result.seconds);
  printFailures(result);
  return { result, rows, requestsPerSecond: requestsPerSecond(rows, result) };
}
