import { vi } from 'vitest';
import { FIXTURE, FIXTURE_PATH, type FixtureCommand, type FixtureReport } from './fixture-protocol';

/**
 * Test-side helpers for `test-frame.html`. The Vitest server answers on both `localhost` and
 * `127.0.0.1`, which are different origins: frames loaded from the other one are truly
 * cross-origin to the test page.
 */
export function crossOrigin(): string {
  const url = new URL(location.origin);
  url.hostname = url.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  return url.origin;
}

/** URL of the fixture frame on `frameOrigin`, with the production-shaped fragment. */
export function fixtureUrl(options: {
  frameOrigin: string;
  hostOrigin: string;
  channel: string;
  timeoutMs?: number;
}): string {
  const query = new URLSearchParams({ report: location.origin });
  if (options.timeoutMs !== undefined) query.set('timeout', String(options.timeoutMs));
  const fragment = `origin=${encodeURIComponent(options.hostOrigin)}&channel=${options.channel}`;
  return `${options.frameOrigin}${FIXTURE_PATH}?${query}#${fragment}`;
}

type Event = FixtureReport['event'];
type ReportOf<E extends Event> = Extract<FixtureReport, { event: E }>;

/** Records the reports of one fixture frame and sends it commands. */
export class FrameProbe {
  readonly reports: FixtureReport[] = [];
  private nextId = 1;

  constructor(
    private readonly frameWindow: () => Window | null | undefined,
    private readonly frameOrigin: string,
  ) {
    window.addEventListener('message', this.onMessage);
  }

  of<E extends Event>(event: E): ReportOf<E>[] {
    return this.reports.filter((r): r is ReportOf<E> => r.event === event);
  }

  /** Waits until a report of that kind (matching `predicate`) has arrived. */
  async next<E extends Event>(
    event: E,
    predicate: (report: ReportOf<E>) => boolean = () => true,
  ): Promise<ReportOf<E>> {
    return vi.waitFor(
      () => {
        const found = this.of(event).find(predicate);
        if (!found) throw new Error(`no "${event}" report from the fixture frame yet`);
        return found;
      },
      { timeout: 5_000, interval: 10 },
    );
  }

  /** Sends a command and resolves once the frame has carried it out. */
  async command(command: DistributiveOmit<FixtureCommand, 'fixture' | 'id'>): Promise<void> {
    const id = this.nextId++;
    const target = this.frameWindow();
    if (!target) throw new Error('fixture frame is not attached');
    target.postMessage({ fixture: FIXTURE, id, ...command }, this.frameOrigin);
    await this.next('done', (report) => report.id === id);
  }

  send(message: unknown): Promise<void> {
    return this.command({ command: 'send', message });
  }

  /** Sends a message after which the host may take the frame down: waits for no report back. */
  sendLast(message: unknown): void {
    const target = this.frameWindow();
    if (!target) throw new Error('fixture frame is not attached');
    const command = { fixture: FIXTURE, id: this.nextId++, command: 'send', message };
    target.postMessage(command, this.frameOrigin);
  }

  dispose(): void {
    window.removeEventListener('message', this.onMessage);
  }

  private onMessage = (event: MessageEvent) => {
    const data = event.data as Partial<FixtureReport> | null;
    if (event.origin !== this.frameOrigin || event.source !== this.frameWindow()) return;
    if (data?.fixture === FIXTURE) this.reports.push(data as FixtureReport);
  };
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Lets queued messages and tasks run, to check that something did not happen. */
export function settle(ms = 100): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Appends an iframe to the test page, optionally without a src yet; the caller removes it. */
export function addFrame(src?: string): HTMLIFrameElement {
  const iframe = document.createElement('iframe');
  if (src) iframe.src = src;
  document.body.append(iframe);
  return iframe;
}
