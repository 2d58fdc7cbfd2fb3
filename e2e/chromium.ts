import { existsSync } from 'node:fs';

/**
 * Launch options for every Chromium we start (Vitest browser mode, Playwright e2e, benchmarks):
 * Debian's Chromium when present, since Playwright cannot download its own here, and flags that
 * keep it off the network.
 */
export function chromiumLaunchOptions(): { executablePath?: string; args: string[] } {
  const debian = '/usr/bin/chromium';
  const executablePath = process.env.CHROMIUM_PATH ?? (existsSync(debian) ? debian : undefined);
  return {
    ...(executablePath ? { executablePath } : {}),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  };
}
