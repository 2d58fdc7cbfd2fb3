import { expect, type FrameLocator, type Locator, type Page } from '@playwright/test';

/** The checkout frame as a shopper sees it, reached through the host element's iframe. */
export class CheckoutFrame {
  readonly frame: FrameLocator;
  readonly host: Locator;

  constructor(page: Page, hostSelector = 'payframe-checkout') {
    this.host = page.locator(hostSelector);
    this.frame = page.frameLocator(`${hostSelector} iframe`);
  }

  get cardNumber(): Locator {
    return this.frame.getByLabel('Card number');
  }

  get payButton(): Locator {
    return this.frame.getByRole('button', { name: /^Pay/ });
  }

  get alert(): Locator {
    return this.frame.getByRole('alert');
  }

  async expectSummary(merchant: string, amount: string): Promise<void> {
    await expect(this.frame.getByRole('heading', { name: merchant })).toBeVisible();
    await expect(this.payButton).toContainText(amount);
  }

  async fillCard(card: { number: string; expiry?: string; cvc?: string; name?: string }) {
    // A fill that lands just as the hidden 3DS-Method frame starts navigating to the issuer's
    // origin (right after the form's first paint) can lose its focus to the shop's page inside
    // Chromium, and its text with it: Playwright focuses and inserts in two steps, which a real
    // click and typing do not race. The number is filled again until the field holds it.
    const digits = card.number.replace(/\D/g, '');
    const typed = new RegExp(`^${digits.split('').join('\\s?')}$`);
    await expect(async () => {
      await this.cardNumber.fill(card.number);
      await expect(this.cardNumber).toHaveValue(typed, { timeout: 500 });
    }).toPass({ timeout: 5000 });
    await this.frame.getByLabel('Expiry date').fill(card.expiry ?? nextYearsExpiry());
    await this.frame.getByLabel('Security code').fill(card.cvc ?? '123');
    await this.frame.getByLabel('Name on card').fill(card.name ?? 'Ada Lovelace');
  }

  async pay(card: Parameters<CheckoutFrame['fillCard']>[0]): Promise<void> {
    await this.fillCard(card);
    await this.payButton.click();
  }
}

/** December of next year, as a shopper types it: always in the future. */
function nextYearsExpiry(): string {
  return `12 / ${String((new Date().getFullYear() + 1) % 100).padStart(2, '0')}`;
}
