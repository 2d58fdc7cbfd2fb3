import { createMerchantApp } from '../src/server/domain/apps';
import { loadEnv } from '../src/server/env';
import { buildServer } from '../src/server/start-server';
import { serveForBench } from './child-server';

/**
 * The payment server as `main.ts` builds it (PAYFRAME_* environment, SQLite store, durable
 * commits), with one merchant app seeded the way `demo/start.ts` does; run in its own process by
 * bench/server.ts, which reads the secret key from the ready message.
 */
const env = loadEnv();
const { app, services } = await buildServer(env);
const merchant = await createMerchantApp(services, {
  name: 'Bench Coffee',
  allowedOrigins: ['http://localhost:5173'],
});
await serveForBench(app, { secretKey: merchant.secretKey });
