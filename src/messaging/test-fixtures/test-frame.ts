import type { FrameToHost } from '../../protocol/frame-messages';
import { connectToHost, type FrameChannel } from '../frame-channel';
import { FIXTURE, type FixtureCommand, type FixtureReport } from './fixture-protocol';

/**
 * Plays the checkout frame: reads `#origin=…&channel=…` like the real frame, runs the frame side
 * of the handshake, reports what happens to the test page and sends what the test asks for.
 * Query: `report` = origin of the test page (receives the reports), `timeout` = handshake
 * timeout in milliseconds.
 */
const query = new URLSearchParams(location.search);
const fragment = new URLSearchParams(location.hash.slice(1));
const reportOrigin = query.get('report') ?? '';
const hostOrigin = fragment.get('origin') ?? '';
const channelId = fragment.get('channel') ?? '';
const timeout = query.get('timeout');

type ReportBody = FixtureReport extends infer R
  ? R extends unknown
    ? Omit<R, 'fixture'>
    : never
  : never;

function report(body: ReportBody): void {
  window.parent.postMessage({ fixture: FIXTURE, ...body }, reportOrigin);
}

let channel: FrameChannel | undefined;

window.addEventListener('message', (event: MessageEvent) => {
  const data = event.data as Partial<FixtureCommand> | null;
  if (event.source !== window.parent || event.origin !== reportOrigin) return;
  if (!data || data.fixture !== FIXTURE) return;
  const command = data as FixtureCommand;
  if (command.command === 'send') channel?.send(command.message as FrameToHost);
  if (command.command === 'dispose') channel?.dispose();
  if (command.command === 'post') {
    const target =
      command.target === 'parent' ? window.parent : window.parent.frames[command.target];
    const ports = command.withPort ? [new MessageChannel().port2] : [];
    target?.postMessage(command.data, command.targetOrigin, ports);
  }
  report({ event: 'done', id: command.id });
});

connectToHost({
  hostWindow: window.parent,
  hostOrigin,
  channel: channelId,
  onMessage: (message) => report({ event: 'received', message }),
  onReject: (reason, data) => report({ event: 'rejected', reason, data }),
  ...(timeout ? { timeoutMs: Number(timeout) } : {}),
}).then(
  (connected) => {
    channel = connected;
    report({ event: 'connected' });
  },
  (error: Error) => report({ event: 'failed', message: error.message }),
);
report({ event: 'announced' });
