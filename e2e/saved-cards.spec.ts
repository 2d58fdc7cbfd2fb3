import { expect, test } from '@playwright/test';
import { ShopPage } from './models/shop-page';

/**
 * A returning customer of the demo shop: the first purchase saves the card with consent, the
 * second pays with it and its security code only, and "buy again" is charged by the shop's server
 * with no checkout at all (merchant-initiated).
 */
test('saves a card with consent, pays with it again, then the shop charges it alone (MIT)', async ({
  page,
}) => {
  const shop = new ShopPage(page);
  await shop.goto();
  await page.getByRole('button', { name: 'Sign in as a returning customer (demo)' }).click();
  await expect(page.getByText('Signed in as Ada Lovelace.')).toBeVisible();
  const buyAgain = page.getByRole('button', { name: /Buy your last order again/ });
  await expect(buyAgain).toBeDisabled();

  // First purchase: a new card, the consent box ticked.
  await shop.add('Espresso beans, 1 kg');
  await shop.startCheckout();
  const frame = shop.checkout.frame;
  const consent = frame.getByRole('checkbox', { name: 'Save this card for future payments' });
  await expect(consent).not.toBeChecked();
  await shop.checkout.fillCard({ number: '5555 5555 5555 4444' });
  await consent.check();
  await shop.checkout.payButton.click();
  await expect(shop.confirmation).toBeVisible();
  const firstPayment = (await page.locator('#confirmation-payment').textContent()) ?? '';
  await expect(page.locator('#saved-cards li')).toHaveCount(1);
  await expect(page.locator('#saved-cards')).toContainText('Mastercard •••• 4444');

  // Second purchase: the saved card is offered and chosen; only its security code is asked.
  await shop.add('Filter beans, 500 g');
  await shop.startCheckout();
  const saved = frame.getByRole('radio', { name: /Mastercard ending 4444/ });
  await expect(saved).toBeChecked();
  await expect(shop.checkout.cardNumber).toHaveCount(0);
  await shop.checkout.payButton.click();
  const cvc = frame.getByLabel('Security code for Mastercard ending 4444');
  await expect(cvc).toHaveAccessibleDescription(/security code/i);
  await cvc.fill('321');
  await shop.checkout.payButton.click();
  await expect(page.locator('#confirmation-payment')).not.toHaveText(firstPayment);
  await expect(page.locator('#confirmation-note')).toBeHidden();
  const secondPayment = (await page.locator('#confirmation-payment').textContent()) ?? '';
  expect(secondPayment).toMatch(/^pay_/);
  // Paying with the saved card saved nothing new.
  await expect(page.locator('#saved-cards li')).toHaveCount(1);

  // Buy again: the shop's server charges the saved card; no checkout opens.
  await expect(buyAgain).toBeEnabled();
  const request = page.waitForRequest('**/api/account/buy-again');
  await buyAgain.click();
  await expect(page.locator('#confirmation-note')).toHaveText(
    'Charged to your saved card (Mastercard •••• 4444) by the shop, without a checkout.',
  );
  await expect(page.locator('payframe-checkout')).toHaveCount(0);
  const mitPayment = (await page.locator('#confirmation-payment').textContent()) ?? '';
  expect(mitPayment).not.toBe(secondPayment);
  // The same request again (a second tab, a replay) gets the first answer, not a second charge.
  const replayed = await page.evaluate(
    async (body) => {
      const answer = await fetch('/api/account/buy-again', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      return (await answer.json()) as { payment_id: string };
    },
    (await request).postData() ?? '',
  );
  expect(replayed.payment_id).toBe(mitPayment);
  // Its signed webhook reached the shop's server like any other payment's.
  await expect(
    page.locator('#webhook-log li').filter({ hasText: 'payment.succeeded' }).filter({
      hasText: mitPayment,
    }),
  ).toContainText('verified');

  // Only the customer-present purchases told the host page anything: two terminal events.
  const terminal = (await shop.events()).filter((e) => e.type !== 'payframe-ready');
  expect(terminal.map((e) => e.type)).toEqual(['payframe-success', 'payframe-success']);

  // A removed card is no longer offered, and "buy again" has nothing to charge.
  await page.getByRole('button', { name: 'Remove Mastercard ending 4444' }).click();
  await expect(page.locator('#saved-cards li')).toHaveCount(0);
  await expect(buyAgain).toBeDisabled();
});
