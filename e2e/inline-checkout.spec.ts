import { expect, test } from '@playwright/test';
import { ShopPage } from './models/shop-page';

test.describe('inline checkout in the demo shop', () => {
  test('pays with 4242… and shows the order only after server validation', async ({ page }) => {
    const shop = new ShopPage(page);
    await shop.goto();
    await shop.add('Espresso beans, 1 kg');
    await shop.startCheckout();
    await shop.checkout.expectSummary('Payframe Coffee', '€24.90');

    await shop.checkout.pay({ number: '4242 4242 4242 4242' });

    await expect(shop.confirmation).toBeVisible();
    const orderId = await page.locator('#confirmation-order').textContent();
    expect(orderId).toMatch(/^order_/);
    const events = await shop.events();
    const terminal = events.filter((e) => e.type !== 'payframe-ready');
    expect(terminal).toHaveLength(1);
    expect(terminal[0]).toMatchObject({
      type: 'payframe-success',
      detail: {
        invoiceId: expect.stringMatching(/^inv_/),
        paymentId: expect.stringMatching(/^pay_/),
      },
    });
    await expect(page.locator('#confirmation-payment')).toHaveText(
      String(terminal[0]?.detail.paymentId),
    );
  });

  test('the shop’s server receives the payment’s signed webhooks and lists them live', async ({
    page,
  }) => {
    const shop = new ShopPage(page);
    await shop.goto();
    await shop.add('Filter beans, 500 g');
    await shop.startCheckout();
    await shop.checkout.pay({ number: '4242 4242 4242 4242' });
    await expect(shop.confirmation).toBeVisible();
    const paymentId = (await page.locator('#confirmation-payment').textContent()) ?? '';
    const log = page.locator('#webhook-log li');
    for (const type of ['invoice.paid', 'payment.succeeded', 'payment.captured']) {
      const entry = log
        .filter({ hasText: type })
        .filter({ hasText: /inv_|pay_/ })
        .first();
      await expect(entry).toContainText('verified');
    }
    await expect(log.filter({ hasText: 'payment.succeeded' }).first()).toContainText(paymentId);
    await expect(log.filter({ hasText: 'rejected' })).toHaveCount(0);
  });

  test('shows a decline for 4000 0000 0000 0002, then succeeds with 4242…', async ({ page }) => {
    const shop = new ShopPage(page);
    await shop.goto();
    await shop.add('Filter beans, 500 g');
    await shop.add('Ceramic dripper');
    await shop.startCheckout();
    await shop.checkout.expectSummary('Payframe Coffee', '€46.50');

    await shop.checkout.pay({ number: '4000 0000 0000 0002' });
    await expect(shop.checkout.alert).toContainText(/declined/i);
    await expect(shop.confirmation).toBeHidden();
    const afterDecline = await shop.events();
    expect(afterDecline.filter((e) => e.type === 'payframe-failure')).toEqual([
      expect.objectContaining({
        detail: expect.objectContaining({
          error: expect.objectContaining({ code: 'card_declined', retryable: true }),
        }),
      }),
    ]);

    await shop.checkout.pay({ number: '4242 4242 4242 4242' });
    await expect(shop.confirmation).toBeVisible();
    const events = await shop.events();
    expect(events.filter((e) => e.type === 'payframe-success')).toHaveLength(1);
  });

  test('sizes the frame to its content even when mounted below the fold', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 700 });
    const shop = new ShopPage(page);
    await shop.goto();
    await shop.add('Filter beans, 500 g');
    // Clicked without Playwright's scroll-into-view, so the checkout mounts off-screen.
    await page.evaluate(() => {
      scrollTo(0, 0);
      document.getElementById('checkout-button')?.click();
    });
    await expect(shop.checkout.payButton).toBeAttached();

    const iframe = shop.checkout.host.locator('iframe');
    const below = await iframe.evaluate((el) => el.getBoundingClientRect().top > innerHeight);
    expect(below).toBe(true);
    const content = await shop.checkout.frame
      .locator('payframe-checkout-app')
      .evaluate((el) => Math.ceil(el.getBoundingClientRect().bottom));
    await expect
      .poll(() => iframe.evaluate((el) => Math.round(el.getBoundingClientRect().height)))
      .toBe(content);
  });
});
