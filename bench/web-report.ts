import { round } from './report';

/** What `npm run bench:web` compares, and how its tables name them. */
export const KINDS = ['bare', 'payframe'] as const;
export type Kind = (typeof KINDS)[number];
export const LABEL: Record<Kind, string> = { bare: 'bare iframe', payframe: 'Payframe' };
export type Series = Record<Kind, Sample[]>;

/** What host-page.js reports for one insertion, in ms from it unless said otherwise. */
export interface Sample {
  /** The probe's message is in: the figure of the budget. */
  ms: number;
  /** The frame's navigation started. */
  frameStartMs: number;
  /** From the frame's navigation start to the field focusable, on the frame's clock. */
  sinceFrameStart: number;
  /** From the frame's navigation start to its document's first byte, on the frame's clock. */
  documentMs: number;
  /** Each subresource of the frame (path, when it was in), on the frame's clock. */
  resources: [path: string, responseEnd: number][];
  /** From the field focusable to the page receiving the probe's message. */
  messageMs: number;
  /** embed.js ran and defined <payframe-checkout> (Payframe only). */
  definedMs?: number;
  /** `payframe-ready`: the frame connected to the page (Payframe only). */
  readyMs?: number;
}

interface Stats {
  median: number;
  p90: number;
  min: number;
  max: number;
}

/** Median as the mean of the middle two of an even count; p90 by nearest rank. */
function stats(values: number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (i: number) => sorted[Math.min(Math.max(i, 0), sorted.length - 1)] ?? NaN;
  const mid = sorted.length / 2;
  const median = sorted.length % 2 ? at(Math.floor(mid)) : (at(mid - 1) + at(mid)) / 2;
  return {
    median: round(median, 1),
    p90: round(at(Math.ceil(0.9 * sorted.length) - 1), 1),
    min: round(at(0), 1),
    max: round(at(sorted.length - 1), 1),
  };
}

const median = (samples: Sample[], pick: (s: Sample) => number | undefined) =>
  stats(samples.map((s) => pick(s) ?? NaN)).median;

const LABEL_WIDTH = 37;
const cell = (value: number | undefined) => (value?.toFixed(1) ?? '—').padStart(9);

/** Payframe's median over the bare iframe's: DESIGN §11 asks for at most 1.5. */
export const ratio = (series: Series) =>
  median(series.payframe, (s) => s.ms) / median(series.bare, (s) => s.ms);

export function printTable(series: Record<string, Series>): void {
  const columns = ['median', 'p90', 'min', 'max'].map((c) => c.padStart(9)).join('');
  console.log(`\n  ${'ms from insertion to a focusable field'.padEnd(LABEL_WIDTH)}${columns}`);
  for (const [name, samples] of Object.entries(series)) {
    for (const kind of KINDS) {
      const s = stats(samples[kind].map((x) => x.ms));
      const cells = [s.median, s.p90, s.min, s.max].map(cell).join('');
      console.log(`  ${`${name} ${LABEL[kind]}`.padEnd(LABEL_WIDTH)}${cells}`);
    }
  }
}

/** One sample's milestones on the page's clock, in ms from the insertion; undefined: none. */
function milestones(s: Sample) {
  const inFrame = (ms: number | undefined) => (ms === undefined ? undefined : s.frameStartMs + ms);
  const scripts = s.resources.filter(([path]) => path.endsWith('.js')).map(([, end]) => end);
  return {
    embed_ran: s.definedMs,
    frame_start: s.frameStartMs,
    frame_document: inFrame(s.documentMs),
    frame_js_in: scripts.length > 0 ? inFrame(Math.max(...scripts)) : undefined,
    summary_in: inFrame(s.resources.find(([path]) => path.startsWith('/v1/checkout/'))?.[1]),
    focusable: inFrame(s.sinceFrameStart),
    reported: s.ms,
    ready: s.readyMs,
  };
}
type Milestone = keyof ReturnType<typeof milestones>;
const MILESTONES: [Milestone, string][] = [
  ['embed_ran', 'embed.js'],
  ['frame_start', 'frame'],
  ['frame_document', 'its HTML'],
  ['frame_js_in', 'its JS'],
  ['summary_in', 'summary'],
  ['focusable', 'field'],
  ['reported', 'reported'],
  ['ready', 'ready'],
];

/** The median of each milestone over a series (medians of parts, so they need not add up). */
function timeline(samples: Sample[]): Partial<Record<Milestone, number>> {
  const all = samples.map(milestones);
  return Object.fromEntries(
    MILESTONES.flatMap(([key]) => {
      const values = all.map((m) => m[key]).filter((v) => v !== undefined);
      return values.length > 0 ? [[key, stats(values).median]] : [];
    }),
  );
}

export function printTimelines(series: Record<string, Series>): void {
  const header = MILESTONES.map(([, label]) => label.padStart(9)).join('');
  console.log(`\n  ${'milestones, median ms from insertion'.padEnd(LABEL_WIDTH)}${header}`);
  for (const [name, samples] of Object.entries(series)) {
    for (const kind of KINDS) {
      const medians = timeline(samples[kind]);
      const cells = MILESTONES.map(([key]) => cell(medians[key])).join('');
      console.log(`  ${`${name} ${LABEL[kind]}`.padEnd(LABEL_WIDTH)}${cells}`);
    }
  }
}

export const compact = (samples: Series) => ({
  bare_ms: stats(samples.bare.map((s) => s.ms)),
  payframe_ms: stats(samples.payframe.map((s) => s.ms)),
  timeline_ms: { bare: timeline(samples.bare), payframe: timeline(samples.payframe) },
  message_ms: {
    bare: median(samples.bare, (s) => s.messageMs),
    payframe: median(samples.payframe, (s) => s.messageMs),
  },
});
