import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { chromiumLaunchOptions } from './e2e/chromium.ts';

/**
 * Node project: pure logic, the server over real HTTP, the stores on real SQLite and PostgreSQL.
 * Browser project: the embed element, the messaging transport and the checkout frame's elements
 * in real Chromium.
 */
const browserFolders = 'src/{checkout,embed,messaging}/**/*.test.ts';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['src/**/*.test.ts', 'demo/**/*.test.ts'],
          exclude: [browserFolders],
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      {
        // Pre-bundled up front so a cold cache does not reload a test file mid-run.
        optimizeDeps: { include: ['zod/mini', 'lit', '@open-wc/testing-helpers'] },
        test: {
          name: 'browser',
          include: [browserFolders],
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: chromiumLaunchOptions() }),
            instances: [{ browser: 'chromium' }],
            screenshotFailures: false,
          },
        },
      },
    ],
  },
});
