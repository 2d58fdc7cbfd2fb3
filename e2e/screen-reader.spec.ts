import { expect, test, type Frame, type Page } from '@playwright/test';
import { E2E_URLS } from './fixtures/urls';
import { ShopPage } from './models/shop-page';

/**
 * What a screen reader has to go on: every control found by its role and accessible name, errors
 * exposed as the field's accessible description, and the live region's announcements recorded in
 * the order a screen reader would speak them.
 */

async function checkoutFrame(page: Page): Promise<Frame> {
  await expect
    .poll(() => page.frames().some((f) => f.url().startsWith(`${E2E_URLS.payment}/checkout`)))
    .toBe(true);
  return page.frames().find((f) => f.url().startsWith(`${E2E_URLS.payment}/checkout`))!;
}

/** Records every text the frame's live region takes on, as assistive technology hears it. */
async function recordAnnouncements(frame: Frame): Promise<() => Promise<string[]>> {
  await frame.waitForFunction(() =>
    document.querySelector('payframe-checkout-app')?.shadowRoot?.querySelector('[role="status"]'),
  );
  await frame.evaluate(() => {
    const region = document
      .querySelector('payframe-checkout-app')!
      .shadowRoot!.querySelector('[role="status"]')!;
    const heard: string[] = [];
    Object.assign(window, { __announcements: heard });
    new MutationObserver(() => {
      const text = region.textContent?.replace(/\s+/g, ' ').trim() ?? '';
      if (text && text !== heard.at(-1)) heard.push(text);
    }).observe(region, { childList: true, characterData: true, subtree: true });
  });
  return () =>
    frame.evaluate(() => (window as unknown as { __announcements: string[] }).__announcements);
}

const nextYear = () => String((new Date().getFullYear() + 1) % 100).padStart(2, '0');

/** Fills the card fields found by their accessible names, as a screen-reader user reaches them. */
async function fillByName(frame: Frame, card: { number: string; cvc: string }) {
  await frame.getByRole('textbox', { name: 'Card number' }).fill(card.number);
  await frame.getByRole('textbox', { name: 'Expiry date' }).fill(`12 / ${nextYear()}`);
  await frame.getByRole('textbox', { name: 'Security code' }).fill(card.cvc);
  await frame.getByRole('textbox', { name: 'Name on card' }).fill('Ada Lovelace');
}

test('a screen-reader shopper finds every field by name, hears errors and the outcome, and pays', async ({
  page,
}) => {
  // Keep the frame's result on screen: the shop would otherwise replace it with its confirmation.
  let complete: (() => void) | undefined;
  await page.route('**/api/orders/*/complete', async (route) => {
    await new Promise<void>((resolve) => (complete = resolve));
    await route.continue();
  });
  const shop = new ShopPage(page);
  await shop.checkOut('Espresso beans, 1 kg');
  const frame = await checkoutFrame(page);
  const heard = await recordAnnouncements(frame);

  const number = frame.getByRole('textbox', { name: 'Card number' });
  const cvc = frame.getByRole('textbox', { name: 'Security code' });
  const pay = frame.getByRole('button', { name: 'Pay €24.90' });
  await expect(frame.getByRole('heading', { name: 'Payframe Coffee' })).toBeVisible();
  await expect(pay).toBeEnabled();

  // A short security code: the field says what is wrong in its description, not only in colour.
  await fillByName(frame, { number: '4242 4242 4242 4242', cvc: '12' });
  await pay.press('Enter');
  await expect(cvc).toBeFocused();
  await expect(cvc).toHaveAttribute('aria-invalid', 'true');
  await expect(cvc).toHaveAccessibleDescription("Your card's security code is incomplete.");
  await expect(number).toHaveAccessibleDescription('');

  await cvc.fill('123');
  await expect(cvc).toHaveAccessibleDescription('');
  await pay.press('Enter');

  const success = frame.getByRole('heading', { name: 'Payment successful' });
  await expect(success).toBeFocused();
  await expect.poll(heard).toEqual(['Processing payment…', 'Payment successful']);
  complete?.();
  await expect(shop.confirmation).toBeVisible();
});

test('a screen-reader shopper hears a decline as an alert and is taken back to the number', async ({
  page,
}) => {
  const shop = new ShopPage(page);
  await shop.checkOut('Espresso beans, 1 kg');
  const frame = await checkoutFrame(page);
  const heard = await recordAnnouncements(frame);
  await fillByName(frame, { number: '4000 0000 0000 0002', cvc: '123' });
  await frame.getByRole('button', { name: 'Pay €24.90' }).press('Enter');

  await expect(frame.getByRole('alert')).toHaveText(/declined/i);
  await expect(frame.getByRole('textbox', { name: 'Card number' })).toBeFocused();
  await expect.poll(heard).toEqual(['Processing payment…']);
  expect(await shop.events()).toContainEqual(expect.objectContaining({ type: 'payframe-failure' }));
});
