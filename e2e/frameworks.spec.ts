import { expect, test, type Route } from '@playwright/test';
import { E2E_URLS } from './fixtures/urls';
import { FrameworkShopPage } from './models/framework-shop-page';

/**
 * The demo shop's React and Vue example apps: each renders `<payframe-checkout>` itself, and
 * unmounting the component must take its checkout down, listeners and frame with it.
 */
const PAGES = [
  // React imports embed.mjs when the shopper checks out; Vue's page loads embed.js with a tag.
  { name: 'React', path: '/react', embedScriptTags: 0 },
  { name: 'Vue', path: '/vue', embedScriptTags: 1 },
] as const;

const terminal = (events: { type: string; detail: Record<string, unknown> }[]) =>
  events.filter(
    (e) =>
      e.type !== 'payframe-ready' &&
      !(e.type === 'payframe-failure' && (e.detail.error as { retryable: boolean }).retryable),
  );

for (const { name, path, embedScriptTags } of PAGES) {
  test.describe(`${name} example page (${path})`, () => {
    test('pays inline with the shop’s token and shows the order the shop’s server confirmed', async ({
      page,
    }) => {
      const shop = new FrameworkShopPage(page, path);
      await shop.goto();
      expect(await page.locator('script[src*="embed"]').count()).toBe(embedScriptTags);
      await shop.add('Espresso beans, 1 kg');
      await shop.mountCheckout('Checkout');
      // The framework set token and appearance as properties (an object would not survive as an
      // attribute: it would arrive as "[object Object]" and be refused).
      const host = await shop.checkout.host.evaluate((element) => ({
        attributes: element.getAttributeNames(),
        token: (element as HTMLElement & { token?: string }).token,
        appearance: (element as HTMLElement & { appearance?: unknown }).appearance,
      }));
      expect(host).toEqual({
        attributes: [],
        token: expect.stringMatching(/^ct_/),
        appearance: { theme: 'light', variables: { colorPrimary: '#6b3e26' } },
      });
      await shop.checkout.expectSummary('Payframe Coffee', '€24.90');
      await shop.checkout.pay({ number: '4242 4242 4242 4242' });

      await expect(shop.confirmation).toBeVisible();
      await expect(shop.confirmation.locator('.confirmation-order')).toHaveText(/^order_/);
      await expect(shop.confirmation.locator('.confirmation-amount')).toHaveText('€24.90');
      await expect(shop.confirmation.locator('code')).toHaveText(/^pay_/);
      await expect(shop.checkout.host).toHaveCount(0);
      const events = await shop.events();
      expect(terminal(events)).toEqual([
        {
          type: 'payframe-success',
          detail: {
            invoiceId: expect.stringMatching(/^inv_/),
            paymentId: await shop.confirmation.locator('code').textContent(),
          },
        },
      ]);
    });

    test('Change cart and Start over remount the checkout: a new token, the old frame and its listener gone, one terminal event per checkout', async ({
      page,
    }) => {
      test.setTimeout(60_000);
      const shop = new FrameworkShopPage(page, path);
      await shop.goto();
      const listeners = await shop.windowMessageListeners();

      // A checkout abandoned before its frame answered: its handshake listener must go with it.
      let held: Route | undefined;
      await page.route(`${E2E_URLS.payment}/checkout/**`, (route) => {
        held = route;
      });
      await shop.add('Espresso beans, 1 kg');
      await page.getByRole('button', { name: 'Checkout', exact: true }).click();
      await expect.poll(() => held).toBeDefined();
      expect(await shop.windowMessageListeners()).toBe(listeners + 1);
      await shop.changeCart();
      await expect(shop.checkout.host).toHaveCount(0);
      expect(await shop.windowMessageListeners()).toBe(listeners);
      await held?.abort().catch(() => undefined);
      await page.unrouteAll({ behavior: 'ignoreErrors' });

      // Start over: a new order for the same cart, a new element in place of the old one.
      await shop.mountCheckout('Checkout');
      const first = await shop.token();
      await shop.mountCheckout('Start over');
      const second = await shop.token();
      expect(second).toMatch(/^ct_/);
      expect(second).not.toBe(first);
      await expect(shop.checkout.host).toHaveCount(1);
      await expect.poll(() => shop.checkoutFrames()).toBe(1);

      // Change cart: the checkout goes; a new cart is a new order with its own amount.
      await shop.changeCart();
      await expect(shop.checkout.host).toHaveCount(0);
      await expect.poll(() => shop.checkoutFrames()).toBe(0);
      await shop.add('Filter beans, 500 g');
      await shop.mountCheckout('Checkout');
      expect([first, second]).not.toContain(await shop.token());
      await expect(shop.checkout.payButton).toContainText('€39.40');
      await shop.checkout.pay({ number: '4242 4242 4242 4242' });
      await expect(shop.confirmation.locator('.confirmation-amount')).toHaveText('€39.40');
      const firstOrder = await shop.confirmation.locator('.confirmation-order').textContent();

      // After a payment, the next checkout works as the first did.
      await shop.add('Ceramic dripper');
      await expect(shop.confirmation).toHaveCount(0);
      await shop.mountCheckout('Checkout');
      await shop.checkout.pay({ number: '4242 4242 4242 4242' });
      await expect(shop.confirmation.locator('.confirmation-amount')).toHaveText('€32.00');
      await expect(shop.confirmation.locator('.confirmation-order')).not.toHaveText(
        firstOrder ?? '',
      );
      await expect.poll(() => shop.checkoutFrames()).toBe(0);

      // Five checkouts mounted, four of them came up; three abandoned said nothing, two paid once each.
      const events = await shop.events();
      expect(events.filter((e) => e.type === 'payframe-ready')).toHaveLength(4);
      const ended = terminal(events);
      expect(ended.map((e) => e.type)).toEqual(['payframe-success', 'payframe-success']);
      expect(new Set(ended.map((e) => e.detail.invoiceId)).size).toBe(2);
      expect(await shop.windowMessageListeners()).toBe(listeners);
    });
  });
}
