import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/chromium.ts';
import { E2E_PORTS, E2E_URLS } from './e2e/fixtures/urls.ts';

/**
 * Browser journeys against the real servers, each on its own origin: the demo shop, the payment
 * server and the issuer ACS, started by `demo/start.ts` on a fresh SQLite database.
 */
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  reporter: 'list',
  use: {
    baseURL: E2E_URLS.shop,
    launchOptions: chromiumLaunchOptions(),
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  webServer: {
    command: 'node --import tsx demo/start.ts',
    url: `${E2E_URLS.payment}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    env: {
      PAYFRAME_PORT: String(E2E_PORTS.payment),
      PAYFRAME_ACS_PORT: String(E2E_PORTS.acs),
      DEMO_PORT: String(E2E_PORTS.shop),
      PAYFRAME_DATA_DIR: mkdtempSync(join(tmpdir(), 'payframe-e2e-')),
      PAYFRAME_LOG_LEVEL: 'warn',
      // Challenges nobody answers end after seconds, not ten minutes, checked every second (longer
      // than the frame's 10 s wait for the issuer's page, so an unreachable issuer is told apart).
      PAYFRAME_CHALLENGE_TIMEOUT_SECONDS: '15',
      PAYFRAME_SWEEP_INTERVAL_SECONDS: '1',
      // The journeys always run on their own SQLite file, never on a developer's PostgreSQL.
      PAYFRAME_DATABASE_URL: '',
    },
  },
});
