import { expect, test, type Page } from '@playwright/test';
import { E2E_URLS } from './fixtures/urls';
import { BankChallenge } from './models/bank-challenge';
import { ShopPage } from './models/shop-page';

/** Every ending of a 3-D Secure challenge, inline, against the real issuer on its own origin. */
test.describe('3-D Secure challenge in the inline checkout', () => {
  async function challenged(page: Page, number = '4000 0000 0000 3220') {
    const shop = new ShopPage(page);
    await shop.goto();
    await shop.add('Espresso beans, 1 kg');
    await shop.startCheckout();
    await shop.checkout.expectSummary('Payframe Coffee', '€24.90');
    await shop.checkout.pay({ number });
    const bank = new BankChallenge(shop.checkout);
    await bank.expectShown('Payframe Coffee', '€24.90');
    return { shop, bank };
  }

  const terminal = async (shop: ShopPage) =>
    (await shop.events()).filter((e) => e.type !== 'payframe-ready');

  test('code 1234 authenticates and pays; the host gets one success', async ({ page }) => {
    const { shop, bank } = await challenged(page);
    await bank.enter('1234');
    await expect(shop.confirmation).toBeVisible();
    const events = await terminal(shop);
    expect(events.map((e) => e.type)).toEqual(['payframe-success']);
  });

  test('three wrong codes fail the payment; another card then pays', async ({ page }) => {
    const { shop, bank } = await challenged(page, '4000 0027 6000 3184');
    await bank.enter('1111');
    await expect(bank.error).toContainText('2 attempts left');
    await bank.enter('2222');
    await expect(bank.error).toContainText('1 attempt left');
    await bank.enter('3333');
    await expect(shop.checkout.alert).toContainText('could not verify');
    expect((await terminal(shop)).at(-1)).toMatchObject({
      type: 'payframe-failure',
      detail: { error: { code: 'authentication_failed', retryable: true } },
    });
    await shop.checkout.pay({ number: '4242 4242 4242 4242' });
    await expect(shop.confirmation).toBeVisible();
  });

  test('Cancel on the bank page ends as authentication_canceled', async ({ page }) => {
    const { shop, bank } = await challenged(page);
    await bank.cancelAtBank();
    await expect(shop.checkout.alert).toBeVisible();
    expect((await terminal(shop)).at(-1)).toMatchObject({
      detail: { error: { code: 'authentication_canceled' } },
    });
  });

  test('the frame’s own cancel ends the challenge too', async ({ page }) => {
    const { shop, bank } = await challenged(page);
    await bank.frameCancel.click();
    await expect(shop.checkout.alert).toBeVisible();
    expect((await terminal(shop)).at(-1)).toMatchObject({
      detail: { error: { code: 'authentication_canceled' } },
    });
    await expect(shop.checkout.cardNumber).toBeVisible();
  });

  test('4000 0084 0000 1629 passes the challenge, then is declined', async ({ page }) => {
    const { shop, bank } = await challenged(page, '4000 0084 0000 1629');
    await bank.enter('1234');
    await expect(shop.checkout.alert).toContainText(/declined/i);
    expect((await terminal(shop)).at(-1)).toMatchObject({
      detail: { error: { code: 'card_declined' } },
    });
  });

  test('an unanswered challenge times out (U) and leaves no spinner', async ({ page }) => {
    test.setTimeout(45_000);
    const { shop } = await challenged(page);
    // The e2e server ends challenges after a few seconds (PAYFRAME_CHALLENGE_TIMEOUT_SECONDS).
    await expect(shop.checkout.alert).toContainText('took too long', { timeout: 25_000 });
    expect((await terminal(shop)).at(-1)).toMatchObject({
      detail: { error: { code: 'authentication_timeout' } },
    });
  });

  test('an unreachable issuer ends with a clear message, not a spinner', async ({ page }) => {
    test.setTimeout(45_000);
    await page.route(`${E2E_URLS.acs}/challenge`, (route) => route.abort('connectionrefused'));
    const shop = new ShopPage(page);
    await shop.goto();
    await shop.add('Espresso beans, 1 kg');
    await shop.startCheckout();
    await shop.checkout.pay({ number: '4000 0000 0000 3220' });
    await expect(shop.checkout.alert).toContainText('could not be reached', { timeout: 25_000 });
    expect((await terminal(shop)).at(-1)).toMatchObject({
      detail: { error: { code: 'authentication_unavailable' } },
    });
  });

  test('a frictionless 3-D Secure card pays without a challenge', async ({ page }) => {
    const shop = new ShopPage(page);
    await shop.goto();
    await shop.add('Espresso beans, 1 kg');
    await shop.startCheckout();
    await shop.checkout.pay({ number: '4000 0000 0000 3055' });
    await expect(shop.confirmation).toBeVisible();
  });
});
