import { expect, test, type Page } from '@playwright/test';
import { E2E_URLS } from './fixtures/urls';
import { CheckoutFrame } from './models/checkout-frame';

/**
 * DESIGN §4's script tag: a `<payframe-checkout>` already in the page's HTML when `embed.js` runs
 * mounts with no code of the page's own (it is upgraded when the script defines the element), and
 * so does one a script adds afterwards. `/plain` is the demo shop's page rendered by its server,
 * the element before the script tag.
 */

const EVENTS = ['payframe-ready', 'payframe-success', 'payframe-failure', 'payframe-cancel'];

/** Records every checkout event with the token of the element it came from, from the first. */
async function recordEvents(page: Page): Promise<void> {
  await page.addInitScript((types) => {
    const seen: { type: string; token: string | null }[] = [];
    Object.assign(window, { __events: seen });
    for (const type of types) {
      document.addEventListener(type, (event) =>
        seen.push({ type, token: (event.target as Element).getAttribute('token') }),
      );
    }
  }, EVENTS);
}

const events = (page: Page) =>
  page.evaluate(
    () => (window as unknown as { __events: { type: string; token: string | null }[] }).__events,
  );

test('a checkout written in the page before the script tag mounts when it runs, and pays', async ({
  page,
}) => {
  await recordEvents(page);
  await page.goto('/plain');
  const element = page.locator('payframe-checkout');
  const token = await element.getAttribute('token');
  expect(token).toMatch(/^ct_/);
  // Written in the HTML, before the script: no script of the page creates or mounts it.
  expect(
    await page.evaluate(() => {
      const checkout = document.querySelector('payframe-checkout')!;
      const script = document.querySelector('script[src*="/embed/v1."][integrity]')!;
      return checkout.compareDocumentPosition(script) & Node.DOCUMENT_POSITION_FOLLOWING;
    }),
  ).toBeTruthy();
  await expect.poll(() => events(page)).toEqual([{ type: 'payframe-ready', token }]);

  const checkout = new CheckoutFrame(page);
  await checkout.expectSummary('Payframe Coffee', '24.90');
  await checkout.pay({ number: '4242 4242 4242 4242' });
  await expect(page.getByRole('status')).toHaveText(/^Paid and confirmed: order order_/);
  const terminal = (await events(page)).filter((e) => e.type !== 'payframe-ready');
  expect(terminal).toEqual([{ type: 'payframe-success', token }]);
});

test('an element a script adds after embed.js ran mounts too, beside the one in the HTML', async ({
  page,
}) => {
  await recordEvents(page);
  await page.goto('/plain');
  const written = await page.locator('payframe-checkout').getAttribute('token');
  await expect.poll(() => events(page)).toHaveLength(1);
  const answer = await page.request.post(`${E2E_URLS.shop}/api/checkout`, {
    data: { items: [{ sku: 'filter-beans', quantity: 2 }] },
  });
  const { token: added } = (await answer.json()) as { token: string };
  await page.evaluate((token) => {
    const element = document.createElement('payframe-checkout');
    element.id = 'added';
    element.setAttribute('token', token);
    document.querySelector('main')!.append(element);
  }, added);
  await expect
    .poll(() => events(page))
    .toEqual([
      { type: 'payframe-ready', token: written },
      { type: 'payframe-ready', token: added },
    ]);
  await new CheckoutFrame(page, '#added').expectSummary('Payframe Coffee', '29.00');
  await expect(page.locator('payframe-checkout iframe')).toHaveCount(2);
});
