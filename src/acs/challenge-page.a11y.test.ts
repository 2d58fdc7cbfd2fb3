import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHALLENGE_WINDOW_PIXELS } from '../protocol/three-ds';
import { AcsLanguage } from './acs-i18n';
import { launchChromium, openChallengePage, postChallenge, submitCode } from './acs-browser';
import { creqFor, startTestAcs, type TestAcs } from './acs-test-server';

let acs: TestAcs;
let browser: Browser;
beforeAll(async () => {
  [acs, browser] = await Promise.all([startTestAcs(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await acs?.app.close();
});

async function violations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();

  return results.violations.map((violation) => ({
    rule: violation.id,
    targets: violation.nodes.map((node) => node.target.join(' ')),
  }));
}

const window02 = CHALLENGE_WINDOW_PIXELS['02'];

describe('challenge page accessibility (axe, real Chromium)', () => {
  it('has no violations on the form', async () => {
    const page = await openChallengePage(browser, acs, creqFor(), window02);
    expect(await violations(page)).toEqual([]);
    await page.close();
  });

  it('has no violations in the wrong-code state, and ties the error to the field', async () => {
    const page = await openChallengePage(browser, acs, creqFor(), window02);
    await submitCode(page, '0000');
    const field = page.getByRole('textbox', { name: 'Enter the one-time code sent to your phone' });
    await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
    expect((await page.getByRole('alert').textContent())?.trim()).toBe(
      'That code is not right. 2 attempts left.',
    );
    expect(await violations(page)).toEqual([]);
    await page.close();
  });

  it('has no violations in Arabic, right to left, with and without the error', async () => {
    const page = await openChallengePage(browser, acs, creqFor({ locale: 'ar' }), window02);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await violations(page)).toEqual([]);
    await submitCode(page, '0000');
    expect(await violations(page)).toEqual([]);
    await page.close();
  });
});

describe('challenge page layout', () => {
  const fixedSizes = ['01', '02', '03', '04'] as const;

  for (const size of fixedSizes) {
    it(`fits the ${size} window in every language, even after a wrong code`, async () => {
      const viewport = CHALLENGE_WINDOW_PIXELS[size];
      const page = await openChallengePage(browser, acs, creqFor(), viewport);
      for (const locale of AcsLanguage) {
        await postChallenge(page, acs, creqFor({ locale, challengeWindowSize: size }));
        await submitCode(page, '0000');
        const extent = await page.evaluate(() => ({
          width: document.documentElement.scrollWidth,
          height: document.documentElement.scrollHeight,
        }));
        expect(extent, `${size} ${locale}`).toEqual(viewport);
      }
      await page.close();
    });
  }

  it('shows a visible focus ring on the code field', async () => {
    const page = await openChallengePage(browser, acs, creqFor(), window02);
    await page.locator('#code').focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const outline = await page
      .locator('#code')
      .evaluate((element) => getComputedStyle(element).outlineStyle);
    expect(outline).toBe('solid');
    await page.close();
  });
});
