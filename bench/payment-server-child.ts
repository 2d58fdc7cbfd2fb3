import cluster from 'node:cluster';
import { createMerchantApp } from '../src/server/domain/apps';
import { loadEnv } from '../src/server/env';
import { buildServer } from '../src/server/start-server';
import { serveForBench, type ReadyMessage } from './child-server';

/**
 * The payment server as `main.ts` builds it (PAYFRAME_* environment, durable commits), with one
 * merchant app seeded the way `demo/start.ts` does; run in its own process by bench/server.ts,
 * which reads the secret key from the ready message. With `BENCH_PROCESSES` above 1 (PostgreSQL
 * only), this process seeds the app and forks that many servers sharing one port (node:cluster).
 */
const processes = Number(process.env.BENCH_PROCESSES ?? '1');

async function seed() {
  const { app, services } = await buildServer(loadEnv());
  const merchant = await createMerchantApp(services, {
    name: 'Bench Coffee',
    allowedOrigins: ['http://localhost:5173'],
  });
  return { app, secretKey: merchant.secretKey };
}

if (processes === 1) {
  const { app, secretKey } = await seed();
  await serveForBench(app, { secretKey });
} else if (cluster.isPrimary) {
  const { app, secretKey } = await seed();
  await app.close();
  const workers = Array.from({ length: processes }, () => cluster.fork());
  const ports = await Promise.all(
    workers.map(
      (worker) =>
        new Promise<number>((resolve, reject) => {
          worker.once('listening', (address) => resolve(address.port));
          worker.once('exit', (code) => reject(new Error(`a server process exited (${code})`)));
        }),
    ),
  );
  if (new Set(ports).size !== 1) throw new Error(`the servers listen apart: ${ports.join(', ')}`);
  // A server that dies makes the bench fail on its connections; the others go on.
  const stop = () => {
    for (const worker of workers) worker.kill('SIGTERM');
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, stop);
  process.once('disconnect', stop);
  const pids = workers.map((worker) => worker.process.pid);
  const ready: ReadyMessage = { ready: true, port: ports[0]!, secretKey, pids };
  process.send?.(ready);
} else {
  const { app } = await buildServer(loadEnv());
  // Every worker's listen(0) gets the port the first one got: the cluster shares it.
  await app.listen({ host: '127.0.0.1', port: 0 });
  process.once('disconnect', () => void app.close().finally(() => process.exit(0)));
}
