import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { BankChallenge } from './models/bank-challenge';
import { ShopPage } from './models/shop-page';

/** axe (WCAG 2.2 AA rules) on the checkout frame in each state a shopper meets, and themes. */
async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const found = results.violations.map((v) => ({
    id: v.id,
    nodes: v.nodes.map((n) => n.target.join(' ')),
  }));
  expect(found).toEqual([]);
  // The rules ran inside the checkout frame (and the bank's), not only on the shop's page.
  const inFrames = results.passes.flatMap((rule) => rule.nodes).filter((n) => n.target.length > 1);
  expect(inFrames.length).toBeGreaterThan(0);
}

async function openCheckout(page: Page, query = '') {
  const shop = new ShopPage(page);
  await shop.checkOut('Espresso beans, 1 kg', query);
  await expect(shop.checkout.frame.locator('input[autocomplete="cc-number"]')).toBeVisible();
  return shop;
}

test.describe('accessibility of the checkout (axe)', () => {
  test('the card form, its errors and a decline, light theme', async ({ page }) => {
    const shop = await openCheckout(page);
    await expectNoViolations(page);
    await shop.checkout.payButton.click();
    await expect(shop.checkout.frame.getByText('Enter your card number.')).toBeVisible();
    await expectNoViolations(page);
    await shop.checkout.pay({ number: '4000 0000 0000 0002' });
    await expect(shop.checkout.alert).toContainText(/declined/i);
    await expectNoViolations(page);
  });

  test('the success view', async ({ page }) => {
    // Keep the frame's success view on screen: the shop would otherwise replace it at once.
    await page.route('**/api/orders/*/complete', (route) => route.abort());
    const shop = await openCheckout(page);
    await shop.checkout.pay({ number: '4242 4242 4242 4242' });
    await expect(
      shop.checkout.frame.getByRole('heading', { name: 'Payment successful' }),
    ).toBeVisible();
    await expectNoViolations(page);
  });

  test('the 3-D Secure challenge with the bank’s page', async ({ page }) => {
    const shop = await openCheckout(page);
    await shop.checkout.pay({ number: '4000 0000 0000 3220' });
    const bank = new BankChallenge(shop.checkout);
    await bank.expectShown('Payframe Coffee', '€24.90');
    await expectNoViolations(page);
  });

  for (const [name, query] of [
    ['the dark theme', '?theme=dark'],
    ['Arabic, right to left', '?locale=ar'],
  ] as const) {
    test(`${name}, with its field errors`, async ({ page }) => {
      const shop = await openCheckout(page, query);
      await expectNoViolations(page);
      // Submitting empty shows every field's error, in whatever language.
      await shop.checkout.frame.locator('button[type="submit"]').click();
      await expect(shop.checkout.frame.locator('[aria-invalid="true"]').first()).toBeVisible();
      await expectNoViolations(page);
    });
  }
});
