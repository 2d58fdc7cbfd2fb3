import { expect, test, type Page } from '@playwright/test';
import { E2E_URLS } from './fixtures/urls';
import { ShopPage } from './models/shop-page';

const expiry = () => `12 / ${String((new Date().getFullYear() + 1) % 100).padStart(2, '0')}`;

test.describe('overlay checkout (?mode=overlay)', () => {
  test('opens modal over the shop, pays, then gives the page back', async ({ page }) => {
    const shop = new ShopPage(page);
    await shop.checkOut('Espresso beans, 1 kg', '?mode=overlay');
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    // Modal (the page behind is inert) over a page that does not scroll.
    const modal = await page.evaluate(() =>
      document
        .querySelector('payframe-checkout')
        ?.shadowRoot?.querySelector('dialog')
        ?.matches(':modal'),
    );
    expect(modal).toBe(true);
    await expect(page.locator('html')).toHaveCSS('overflow', 'hidden');
    await page
      .getByRole('button', { name: 'Add Filter beans, 500 g to order' })
      .click({
        trial: true,
        timeout: 1000,
      })
      .then(
        () => {
          throw new Error('the page behind the overlay took a click');
        },
        () => undefined,
      );
    await shop.checkout.pay({ number: '4242 4242 4242 4242' });
    await expect(shop.confirmation).toBeVisible();
    await expect(dialog).toBeHidden();
    await expect(page.locator('html')).not.toHaveCSS('overflow', 'hidden');
    const terminal = (await shop.events()).filter((e) => e.type !== 'payframe-ready');
    expect(terminal.map((e) => e.type)).toEqual(['payframe-success']);
  });

  for (const [how, leave] of [
    ['Escape', async (page: Page) => page.keyboard.press('Escape')],
    ['a click on the backdrop', async (page: Page) => page.mouse.click(8, 8)],
    [
      'the close button',
      async (page: Page) => page.getByRole('button', { name: 'Close the checkout' }).click(),
    ],
  ] as const) {
    test(`${how} cancels, and the focus returns to the Checkout button`, async ({ page }) => {
      const shop = new ShopPage(page);
      await shop.checkOut('Filter beans, 500 g', '?mode=overlay');
      await expect(page.getByRole('dialog')).toBeVisible();
      await shop.checkout.cardNumber.fill('4242');
      await leave(page);
      await expect(page.getByRole('dialog')).toHaveCount(0);
      await expect(page.locator('#shop-message')).toHaveText(/Checkout closed/);
      await expect(page.getByRole('button', { name: 'Checkout', exact: true })).toBeFocused();
      const terminal = (await shop.events()).filter((e) => e.type !== 'payframe-ready');
      expect(terminal).toEqual([
        { type: 'payframe-cancel', detail: { invoiceId: expect.stringMatching(/^inv_/) } },
      ]);
    });
  }

  test('closing during a challenge cancels the challenge, not the checkout', async ({ page }) => {
    const shop = new ShopPage(page);
    await shop.checkOut('Ceramic dripper', '?mode=overlay');
    await shop.checkout.fillCard({ number: '4000 0000 0000 3220' });
    await shop.checkout.payButton.click();
    // The bank's challenge is open: closing cancels it, back to the form, still in the overlay.
    await expect(shop.checkout.frame.getByText('Confirm with your bank')).toBeVisible();
    await page.getByRole('button', { name: 'Close the checkout' }).click();
    await expect(shop.checkout.alert).toContainText(/canceled/i);
    await expect(page.getByRole('dialog')).toBeVisible();
    await shop.checkout.pay({ number: '4242 4242 4242 4242' });
    await expect(shop.confirmation).toBeVisible();
    const terminal = (await shop.events()).filter(
      (e) => e.type !== 'payframe-ready' && e.type !== 'payframe-failure',
    );
    expect(terminal.map((e) => e.type)).toEqual(['payframe-success']);
  });
});

test.describe('redirect checkout (?mode=redirect)', () => {
  test('leaves for the hosted page and comes back to a validated order', async ({ page }) => {
    const shop = new ShopPage(page);
    await shop.goto('?mode=redirect');
    await shop.add('Espresso beans, 1 kg');
    await shop.startCheckout();
    await expect(page).toHaveURL(new RegExp(`^${E2E_URLS.payment}/checkout/ct_`));
    await page.getByLabel('Card number').fill('4242 4242 4242 4242');
    await page.getByLabel('Expiry date').fill(expiry());
    await page.getByLabel('Security code').fill('123');
    await page.getByLabel('Name on card').fill('Ada Lovelace');
    await page.getByRole('button', { name: 'Pay €24.90' }).click();
    await page.waitForURL(new RegExp(`^${E2E_URLS.shop}/`));
    await expect(shop.confirmation).toBeVisible();
    await expect(page.locator('#confirmation-order')).toHaveText(/^order_/);
    await expect(page.locator('#confirmation-payment')).toHaveText(/^pay_/);
  });

  test('the hosted page’s way back cancels without charging', async ({ page }) => {
    const shop = new ShopPage(page);
    await shop.goto('?mode=redirect');
    await shop.add('Ceramic dripper');
    await shop.startCheckout();
    await page.getByRole('link', { name: 'Back to the shop' }).click();
    await page.waitForURL(new RegExp(`^${E2E_URLS.shop}/`));
    await expect(page.locator('#shop-message')).toHaveText(
      'Payment canceled. Nothing was charged.',
    );
    await expect(shop.confirmation).toBeHidden();
  });
});

test.describe('Payframe.open()', () => {
  /** Opens a checkout from the page's script with a token its server is still fetching. */
  const openFromScript = (page: Page) =>
    page.evaluate(() => {
      const token = fetch('/api/checkout', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ items: [{ sku: 'filter-beans', quantity: 2 }] }),
      })
        .then((answer) => answer.json())
        .then((body: { token: string }) => body.token);
      const payframe = (
        window as unknown as { Payframe: { open: (o: object) => Promise<unknown> } }
      ).Payframe;
      return payframe.open({ token, mode: 'overlay' });
    });

  test('resolves with the payment once paid, and removes its overlay', async ({ page }) => {
    const shop = new ShopPage(page);
    await shop.goto();
    const result = openFromScript(page);
    await expect(page.getByRole('dialog')).toBeVisible();
    await shop.checkout.pay({ number: '4242 4242 4242 4242' });
    expect(await result).toEqual({
      outcome: 'succeeded',
      invoiceId: expect.stringMatching(/^inv_/),
      paymentId: expect.stringMatching(/^pay_/),
    });
    await expect(page.locator('payframe-checkout')).toHaveCount(0);
  });

  test('resolves as canceled when the shopper closes it', async ({ page }) => {
    const shop = new ShopPage(page);
    await shop.goto();
    const result = openFromScript(page);
    await expect(shop.checkout.cardNumber).toBeVisible();
    await shop.checkout.cardNumber.focus();
    await page.keyboard.press('Escape');
    expect(await result).toEqual({
      outcome: 'canceled',
      invoiceId: expect.stringMatching(/^inv_/),
    });
    await expect(page.locator('payframe-checkout')).toHaveCount(0);
  });
});

test.describe('popup checkout (?mode=popup)', () => {
  /** The checkout's own window, opened by the click on Checkout. */
  async function openPopup(page: Page, query = '?mode=popup') {
    const shop = new ShopPage(page);
    await shop.goto(query);
    await shop.add('Espresso beans, 1 kg');
    const opened = page.waitForEvent('popup');
    await shop.startCheckout();
    const popup = await opened;
    await expect(popup).toHaveURL(new RegExp(`^${E2E_URLS.payment}/checkout/ct_`));
    return { shop, popup };
  }
  const payIn = async (popup: Page) => {
    await popup.getByLabel('Card number').fill('4242 4242 4242 4242');
    await popup.getByLabel('Expiry date').fill(expiry());
    await popup.getByLabel('Security code').fill('123');
    await popup.getByLabel('Name on card').fill('Ada Lovelace');
    await popup.getByRole('button', { name: 'Pay €24.90' }).click();
  };

  test('opens in the click, veils the shop, pays, and closes itself', async ({ page }) => {
    const { shop, popup } = await openPopup(page);
    await expect(page.getByRole('dialog', { name: 'Secure payment window' })).toBeVisible();
    await payIn(popup);
    await expect(shop.confirmation).toBeVisible();
    await expect.poll(() => popup.isClosed()).toBe(true);
    await expect(page.getByRole('dialog')).toHaveCount(0);
    const terminal = (await shop.events()).filter((e) => e.type !== 'payframe-ready');
    expect(terminal.map((e) => e.type)).toEqual(['payframe-success']);
  });

  test('closing the window cancels the checkout', async ({ page }) => {
    const { shop, popup } = await openPopup(page);
    await expect(popup.getByLabel('Card number')).toBeVisible();
    await expect
      .poll(async () => (await shop.events()).map((e) => e.type))
      .toContain('payframe-ready');
    await popup.close();
    await expect(page.locator('#shop-message')).toHaveText(/Checkout closed/);
    const terminal = (await shop.events()).filter((e) => e.type !== 'payframe-ready');
    expect(terminal).toEqual([
      { type: 'payframe-cancel', detail: { invoiceId: expect.stringMatching(/^inv_/) } },
    ]);
  });

  test('the veil’s Cancel ends the checkout and closes the window; a click beside it only finds the window', async ({
    page,
  }) => {
    const { shop, popup } = await openPopup(page);
    await expect(popup.getByLabel('Card number')).toBeVisible();
    await expect
      .poll(async () => (await shop.events()).map((e) => e.type))
      .toContain('payframe-ready');
    await page.mouse.click(8, 8);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: 'Secure payment window' })).toBeVisible();
    await page.getByRole('button', { name: 'Cancel' }).click();
    // Polled, not awaited as an event: the window may close before a listener would be attached.
    await expect.poll(() => popup.isClosed()).toBe(true);
    await expect(page.locator('#shop-message')).toHaveText(/Checkout closed/);
    const terminal = (await shop.events()).filter((e) => e.type !== 'payframe-ready');
    expect(terminal.map((e) => e.type)).toEqual(['payframe-cancel']);
  });

  test('the veil speaks the checkout’s language, as the window does', async ({ page }) => {
    const { popup } = await openPopup(page, '?mode=popup&locale=de');
    const veil = page.getByRole('dialog', { name: 'Sicheres Zahlungsfenster' });
    await expect(veil).toBeVisible();
    await expect(veil).toHaveAttribute('lang', 'de');
    await expect(
      veil.getByText('Die Zahlung wird in einem sicheren Fenster fortgesetzt.'),
    ).toBeVisible();
    await expect(popup.getByLabel('Kartennummer')).toBeVisible();
    await veil.getByRole('button', { name: 'Abbrechen' }).click();
    await expect.poll(() => popup.isClosed()).toBe(true);
  });

  test('a blocked popup falls back to the overlay, and the result says so', async ({ page }) => {
    await page.addInitScript(() => {
      window.open = () => null;
    });
    const shop = new ShopPage(page);
    await shop.goto('?mode=popup');
    await shop.add('Espresso beans, 1 kg');
    await shop.startCheckout();
    await expect(page.getByRole('dialog', { name: 'Secure payment' })).toBeVisible();
    await shop.checkout.pay({ number: '4242 4242 4242 4242' });
    await expect(shop.confirmation).toBeVisible();
  });

  test('a popup cut off from the shop (COOP) still ends in the one result, by the status stream', async ({
    page,
  }) => {
    const { shop, popup } = await openPopup(page, '?mode=popup&coop=1');
    await payIn(popup);
    await expect(shop.confirmation).toBeVisible({ timeout: 15_000 });
    const terminal = (await shop.events()).filter((e) => e.type !== 'payframe-ready');
    expect(terminal.map((e) => e.type)).toEqual(['payframe-success']);
  });
});

test('a page that imports the checkout as an ES module (embed.mjs) pays through it', async ({
  page,
}) => {
  await page.goto('/module');
  // No script tag: the element comes from the module, with the payment origin of its URL.
  expect(await page.locator('script[src*="embed"]').count()).toBe(0);
  await page.getByRole('button', { name: 'Buy for €24.90' }).click();
  const checkout = new ShopPage(page).checkout;
  await expect(page.getByRole('dialog', { name: 'Secure payment' })).toBeVisible();
  await checkout.pay({ number: '4242 4242 4242 4242' });
  await expect(page.getByRole('status')).toHaveText(/^Paid and confirmed: order order_/);
});
