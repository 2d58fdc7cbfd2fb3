import { loadEnv } from './env';
import { buildServer } from './start-server';

/** Production entry: `tsx src/server/main.ts` with the environment of env.ts. */
const env = loadEnv();
const { app } = await buildServer(env);
await app.listen({ host: env.PAYFRAME_HOST, port: env.PAYFRAME_PORT });
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void app.close().then(() => process.exit(0)));
}
