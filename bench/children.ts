import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ReadyMessage } from './child-server';

const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 5_000;
const STDERR_TAIL = 4_000;

export interface ServerChild {
  pid: number;
  /** Every process serving: the child, or the workers it forked (`pids` in its ready message). */
  pids: readonly number[];
  /** The database server's processes, when the server uses one of its own (PostgreSQL). */
  databasePids?: () => readonly number[];
  port: number;
  ready: ReadyMessage;
  /** Why the child is gone, when it exited on its own; undefined while it runs. */
  exited(): string | undefined;
  stop(): Promise<void>;
}

const live = new Set<ChildProcess>();
// Whatever ends the bench (error, process.exit, a signal handled by the caller), no server survives.
process.on('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

/** Only our PAYFRAME_* settings reach a server: a PostgreSQL URL in the shell must not. */
export function serverEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(([name]) => !name.startsWith('PAYFRAME_'));
  return { ...Object.fromEntries(inherited), NODE_ENV: 'production', ...extra };
}

/** Runs a bench/*-child.ts entry in its own Node process (own event loop) and waits until it listens. */
export function startServerChild(
  entry: string,
  env: NodeJS.ProcessEnv,
  label: string,
  nodeFlags: string[] = [],
): Promise<ServerChild> {
  const child = fork(fileURLToPath(new URL(entry, import.meta.url)), {
    env,
    execArgv: ['--import', import.meta.resolve('tsx'), ...nodeFlags],
    // Request logs (if any) go nowhere; stderr is kept to explain a crash.
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  live.add(child);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-STDERR_TAIL);
  });
  let exitReason: string | undefined;
  const exitedPromise = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      live.delete(child);
      exitReason = `${label} exited (${signal ?? `code ${code}`})${stderr ? `:\n${stderr}` : ''}`;
      resolve();
    }),
  );
  const stop = async () => {
    if (exitReason !== undefined) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exitedPromise;
    clearTimeout(timer);
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${label} did not start within ${READY_TIMEOUT_MS} ms:\n${stderr}`));
    }, READY_TIMEOUT_MS);
    void exitedPromise.then(() => {
      clearTimeout(timer);
      reject(new Error(exitReason));
    });
    child.once('message', (message: ReadyMessage) => {
      clearTimeout(timer);
      if (!message.ready || child.pid === undefined) {
        void stop();
        reject(new Error(`${label} sent an unexpected message: ${JSON.stringify(message)}`));
        return;
      }
      const workers = Array.isArray(message.pids) ? message.pids.map(Number) : [];
      resolve({
        pid: child.pid,
        pids: [child.pid, ...workers],
        port: message.port,
        ready: message,
        exited: () => exitReason,
        stop,
      });
    });
  });
}
