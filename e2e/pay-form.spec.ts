import { expect, test } from '@playwright/test';
import { E2E_URLS } from './fixtures/urls';

/** A merchant page with no server code: a signed HTML form, the hosted checkout, the way back. */

const expiry = () => `12 / ${String((new Date().getFullYear() + 1) % 100).padStart(2, '0')}`;

test('a signed form pays on the hosted checkout and returns to the shop’s thank-you page', async ({
  page,
}) => {
  await page.goto('/simple');
  await page.getByRole('button', { name: 'Pay €25.00 with Payframe' }).click();

  await expect(page).toHaveURL(new RegExp(`^${E2E_URLS.payment}/checkout/ct_`));
  await expect(page.getByRole('heading', { name: 'Payframe Coffee' })).toBeVisible();
  await expect(page.getByText('Payframe Coffee gift card')).toBeVisible();
  const back = page.getByRole('link', { name: 'Back to the shop' });
  await expect(back).toHaveAttribute('href', new RegExp(`^${E2E_URLS.shop}/simple\\?invoice=inv_`));

  await page.getByLabel('Card number').fill('4242 4242 4242 4242');
  await page.getByLabel('Expiry date').fill(expiry());
  await page.getByLabel('Security code').fill('123');
  await page.getByLabel('Name on card').fill('Ada Lovelace');
  await page.getByRole('button', { name: 'Pay €25.00' }).click();

  await expect(page.getByRole('heading', { name: 'Payment successful' })).toBeVisible();
  await page.waitForURL(
    new RegExp(`^${E2E_URLS.shop}/thanks\\?invoice=inv_\\w+&payment=pay_\\w+$`),
  );
  await expect(page.getByRole('heading', { name: 'Thank you for your payment' })).toBeVisible();
});

test('a form changed after signing is refused with a page that says so', async ({ page }) => {
  await page.goto('/simple');
  // What a shopper editing the page's source would do.
  await page.locator('input[name="amount"]').evaluate((input: HTMLInputElement) => {
    input.value = '1';
  });
  await page.getByRole('button', { name: 'Pay €25.00 with Payframe' }).click();
  await expect(
    page.getByRole('heading', { name: 'This payment form cannot be used' }),
  ).toBeVisible();
  await expect(page.getByText('invalid_form_signature')).toBeVisible();
  await expect(page.getByText('Nothing was charged.', { exact: false })).toBeVisible();
});
