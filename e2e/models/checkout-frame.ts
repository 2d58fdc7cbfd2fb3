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
    await this.cardNumber.fill(card.number);
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
