import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { SandboxAcquirer } from './acquirer/sandbox-acquirer';
import { SandboxIssuer } from './acquirer/sandbox-issuer';
import { createApp, LOG_REDACT } from './create-app';
import type { Services } from './domain/services';
import { startExpirySweeper } from './domain/expiry-sweep';
import { TestClock } from './domain/test-clock';
import type { Env } from './env';
import { openStore } from './store/open-store';
import { createVault } from './vault/vault';
import { WebhookWorker } from './webhooks/delivery-worker';

const ROOT = resolve(import.meta.dirname, '../..');

/** Wires the real services from a validated environment: store, vault, sandbox acquirer. */
export async function buildServer(env: Env): Promise<{ app: FastifyInstance; services: Services }> {
  mkdirSync(env.PAYFRAME_DATA_DIR, { recursive: true });
  const store = openStore({
    ...(env.PAYFRAME_DATABASE_URL ? { databaseUrl: env.PAYFRAME_DATABASE_URL } : {}),
    sqliteFile: join(env.PAYFRAME_DATA_DIR, 'payframe.db'),
  });
  await store.migrate();
  const testClock = env.PAYFRAME_ENABLE_TEST_CLOCK ? new TestClock() : undefined;
  const services: Services = {
    store,
    vault: createVault(env.PAYFRAME_VAULT_KEY),
    acquirer: new SandboxAcquirer(),
    issuer: new SandboxIssuer(),
    now: testClock?.now ?? (() => Date.now()),
    config: {
      publicUrl: env.PAYFRAME_PUBLIC_URL,
      checkoutTtlMs: env.PAYFRAME_CHECKOUT_TTL_SECONDS * 1000,
      maxFailedAttempts: env.PAYFRAME_MAX_FAILED_ATTEMPTS,
      maxFailedPerAddress: env.PAYFRAME_MAX_FAILED_PER_ADDRESS,
      orderCheckTimeoutMs: env.PAYFRAME_ORDER_CHECK_TIMEOUT_MS,
      threeDs: {
        acsUrl: env.PAYFRAME_ACS_URL,
        acsSecret: env.PAYFRAME_ACS_SECRET,
        challengeTimeoutMs: env.PAYFRAME_CHALLENGE_TIMEOUT_SECONDS * 1000,
      },
    },
  };
  const app = await createApp({
    services,
    ...(testClock ? { testClock } : {}),
    pages: {
      webDir: join(ROOT, 'dist/web'),
      embedDir: join(ROOT, 'dist/embed'),
      acsOrigin: env.PAYFRAME_ACS_URL,
    },
    eventStreams: { maxStreams: env.PAYFRAME_MAX_EVENT_STREAMS },
    logger: { level: env.PAYFRAME_LOG_LEVEL, redact: LOG_REDACT },
    ...(env.PAYFRAME_TRUST_PROXY
      ? { trustProxy: env.PAYFRAME_TRUST_PROXY.split(',').map((p) => p.trim()) }
      : {}),
  });
  const stopSweeper = startExpirySweeper(
    services,
    env.PAYFRAME_SWEEP_INTERVAL_SECONDS * 1000,
    (error) => app.log.error({ err: error }, 'expiry sweep failed'),
  );
  const webhooks = new WebhookWorker(services, {
    intervalMs: env.PAYFRAME_WEBHOOK_POLL_MS,
    timeoutMs: env.PAYFRAME_WEBHOOK_TIMEOUT_SECONDS * 1000,
    onError: (error) => app.log.error({ err: error }, 'webhook delivery failed'),
  });
  webhooks.start();
  app.addHook('onClose', async () => {
    stopSweeper();
    await webhooks.stop();
    await store.close();
  });
  return { app, services };
}
