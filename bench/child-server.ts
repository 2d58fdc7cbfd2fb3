import type { FastifyInstance } from 'fastify';

/** What a server child tells the bench once it listens. */
export interface ReadyMessage {
  ready: true;
  port: number;
  [detail: string]: unknown;
}

/**
 * The child side: listen on a free port of 127.0.0.1, tell the parent the port over IPC, and
 * close when told to stop or when the parent goes away (its IPC channel closes even on SIGKILL).
 */
export async function serveForBench(
  app: FastifyInstance,
  details: Record<string, unknown> = {},
): Promise<void> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  let closing = false;
  const shutdown = () => {
    if (closing) return;
    closing = true;
    void app.close().finally(() => process.exit(0));
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, shutdown);
  process.once('disconnect', shutdown);
  const ready: ReadyMessage = { ready: true, port: address.port, ...details };
  process.send?.(ready);
}
