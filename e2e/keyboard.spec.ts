import { expect, test, type Page } from '@playwright/test';
import { ShopPage } from './models/shop-page';

/**
 * A shopper without a mouse: from the top of the shop's page to a confirmed order with Tab, typing
 * and Enter only, in the light and dark themes and in right-to-left Arabic.
 */

/** Presses Tab until `reached` holds, failing after `limit` presses (a focus trap or a skip). */
async function tabUntil(page: Page, what: string, reached: () => Promise<boolean>, limit = 25) {
  for (let presses = 0; presses < limit; presses++) {
    if (await reached()) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${what} in ${limit} presses`);
}

/** The accessible name of whatever has focus on the shop's own page. */
const shopFocus = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement;
    return active?.getAttribute('aria-label') ?? active?.textContent?.trim() ?? '';
  });

/** December of next year, typed as digits only. */
const expiryDigits = () => `12${String((new Date().getFullYear() + 1) % 100).padStart(2, '0')}`;

for (const [name, query] of [
  ['light theme', ''],
  ['dark theme', '?theme=dark'],
  ['Arabic, right to left', '?locale=ar'],
] as const) {
  test(`keyboard only, ${name}: add to order, check out, pay and see the order`, async ({
    page,
  }) => {
    const shop = new ShopPage(page);
    await shop.goto(query);
    await tabUntil(page, 'the first product', async () =>
      (await shopFocus(page)).startsWith('Add Espresso beans'),
    );
    await page.keyboard.press('Enter');
    await tabUntil(page, 'the checkout button', async () => (await shopFocus(page)) === 'Checkout');
    await page.keyboard.press('Enter');

    const number = shop.checkout.frame.locator('input#number');
    await expect(number).toBeVisible();
    await tabUntil(page, 'the card number field', async () =>
      number.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement),
    );
    await expect(number).toBeFocused();
    // Each complete field hands the focus on by itself; nothing but typing is needed.
    await page.keyboard.type('4242424242424242');
    await expect(shop.checkout.frame.locator('input#expiry')).toBeFocused();
    await page.keyboard.type(expiryDigits());
    await expect(shop.checkout.frame.locator('input#cvc')).toBeFocused();
    await page.keyboard.type('123');
    await expect(shop.checkout.frame.locator('input#name')).toBeFocused();
    await page.keyboard.type('Ada Lovelace');
    await page.keyboard.press('Enter');

    await expect(shop.confirmation).toBeVisible();
    const events = await shop.events();
    expect(events.filter((e) => e.type === 'payframe-success')).toHaveLength(1);
  });
}

test('keyboard only: a mistake is reported in the field, fixed from the keyboard, then paid', async ({
  page,
}) => {
  const shop = new ShopPage(page);
  await shop.checkOut('Espresso beans, 1 kg');
  const frame = shop.checkout.frame;
  const number = frame.locator('input#number');
  await number.focus();
  await page.keyboard.type('4242424242424241');
  // A number that fails its check digit keeps the focus; leaving it says why.
  await expect(number).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(number).toHaveAttribute('aria-invalid', 'true');
  await page.keyboard.press('Shift+Tab');
  await expect(number).toBeFocused();
  // Tabbing back selects the whole number; End puts the caret after the wrong digit.
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('2');
  await expect(frame.locator('input#expiry')).toBeFocused();
  await expect(number).toHaveAttribute('aria-invalid', 'false');
  await page.keyboard.type(expiryDigits());
  await page.keyboard.type('123');
  // Enter with the name still empty moves the focus to it with its error rather than paying.
  await page.keyboard.press('Enter');
  const nameField = frame.locator('input#name');
  await expect(nameField).toBeFocused();
  await expect(nameField).toHaveAttribute('aria-invalid', 'true');
  await page.keyboard.type('Ada Lovelace');
  await page.keyboard.press('Enter');
  await expect(shop.confirmation).toBeVisible();
});
