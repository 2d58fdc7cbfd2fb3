import { chromium, type Browser, type Page } from 'playwright';
import { chromiumLaunchOptions } from '../../e2e/chromium';
import type { TestAcs } from './acs-test-server';

/** Test support: real Chromium for the issuer pages, posting creqs the way the checkout frame does. */
export const launchChromium = (): Promise<Browser> => chromium.launch(chromiumLaunchOptions());

/** Opens the challenge page top-level in a page of its own, in a window of the given size. */
export async function openChallengePage(
  browser: Browser,
  acs: TestAcs,
  creq: string,
  viewport: { width: number; height: number },
): Promise<Page> {
  // A page of its own context, as axe asks: it opens helper pages in the same context.
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.on('close', () => void context.close().catch(() => undefined));
  await page.goto(`${acs.url}/`);
  await postChallenge(page, acs, creq);
  return page;
}

/** Posts a creq from a page already on the ACS origin, as the checkout frame's form would. */
export async function postChallenge(page: Page, acs: TestAcs, creq: string): Promise<void> {
  await Promise.all([
    page.waitForURL(`${acs.url}/challenge`, { waitUntil: 'commit' }),
    page.evaluate(
      ({ action, value }) => {
        const form = document.createElement('form');
        form.method = 'post';
        form.action = action;
        const field = document.createElement('input');
        field.name = 'creq';
        field.value = value;
        form.append(field);
        document.body.append(form);
        form.submit();
      },
      { action: `${acs.url}/challenge`, value: creq },
    ),
  ]);
  await page.locator('#code').waitFor();
}

/** Types a code and confirms, waiting for the page that answers. */
export async function submitCode(page: Page, code: string): Promise<void> {
  await page.locator('#code').fill(code);
  await Promise.all([page.waitForEvent('load'), page.locator('button.primary').click()]);
}
