import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { SandboxAcquirer } from '../acquirer/sandbox-acquirer';
import { SandboxIssuer } from '../acquirer/sandbox-issuer';
import { createApp, type AppOptions } from '../create-app';
import { createMerchantApp } from '../domain/apps';
import type { Services } from '../domain/services';
import { TestClock } from '../domain/test-clock';
import { createVault, generateVaultKey } from '../vault/vault';
import type { TestStore } from './test-stores';

export const SHOP_ORIGIN = 'http://shop.test:5173';
export const ACS_ORIGIN = 'http://127.0.0.1:4001';
/** The secret test servers share with the issuer ACS, so tests can sign challenge results. */
export const TEST_ACS_SECRET = 'test-acs-secret-0123456789abcdefghij';

export interface TestServer {
  url: string;
  app: FastifyInstance;
  services: Services;
  secretKey: string;
  /** The seeded app's `whsec_` secret. */
  webhookSecret: string;
  appId: string;
  /** Calls the merchant API with the app's secret key. */
  merchant(
    path: string,
    init?: { method?: string; body?: unknown; key?: string; headers?: Record<string, string> },
  ): Promise<Response>;
  close(): Promise<void>;
}

/** The real payment server on a random loopback port over the given store, with one app seeded. */
export async function startTestServer(
  testStore: TestStore,
  options: {
    webDir?: string;
    embedDir?: string;
    maxFailedAttempts?: number;
    maxFailedPerAddress?: number;
    acsSecret?: string;
    challengeTimeoutMs?: number;
    orderCheckTimeoutMs?: number;
    logger?: FastifyServerOptions['logger'];
    onRoute?: AppOptions['onRoute'];
    eventStreams?: AppOptions['eventStreams'];
  } = {},
): Promise<TestServer> {
  const testClock = new TestClock();
  const services: Services = {
    store: testStore.store,
    vault: createVault(generateVaultKey()),
    acquirer: new SandboxAcquirer(),
    issuer: new SandboxIssuer(),
    now: testClock.now,
    config: {
      publicUrl: 'http://localhost:4000',
      checkoutTtlMs: 60 * 60 * 1000,
      maxFailedAttempts: options.maxFailedAttempts ?? 5,
      maxFailedPerAddress: options.maxFailedPerAddress ?? 100,
      orderCheckTimeoutMs: options.orderCheckTimeoutMs ?? 5000,
      threeDs: {
        acsUrl: ACS_ORIGIN,
        acsSecret: options.acsSecret ?? TEST_ACS_SECRET,
        challengeTimeoutMs: options.challengeTimeoutMs ?? 10 * 60 * 1000,
      },
    },
  };
  const app = await createApp({
    services,
    testClock,
    pages: {
      webDir: options.webDir ?? 'dist/web',
      embedDir: options.embedDir ?? 'dist/embed',
      acsOrigin: ACS_ORIGIN,
    },
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.onRoute ? { onRoute: options.onRoute } : {}),
    ...(options.eventStreams ? { eventStreams: options.eventStreams } : {}),
  });
  const keys = await createMerchantApp(services, {
    name: 'Test Shop',
    allowedOrigins: [SHOP_ORIGIN],
  });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url: address,
    app,
    services,
    secretKey: keys.secretKey,
    webhookSecret: keys.webhookSecret,
    appId: keys.app.id,
    merchant: (path, init = {}) =>
      fetch(`${address}${path}`, {
        method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
        headers: {
          authorization: `Bearer ${init.key ?? keys.secretKey}`,
          ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...init.headers,
        },
        ...(init.body === undefined
          ? {}
          : { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) }),
      }),
    close: () => app.close(),
  };
}

/** A card body the frame would send for the given test number. */
export function cardBody(number: string, overrides: Record<string, unknown> = {}) {
  return {
    card: {
      number,
      exp_month: 12,
      exp_year: new Date().getUTCFullYear() + 2,
      cvc: number.startsWith('37') || number.startsWith('34') ? '1234' : '123',
      name: 'Ada Lovelace',
      ...overrides,
    },
  };
}
