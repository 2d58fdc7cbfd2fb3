import { expect, type FrameLocator, type Locator } from '@playwright/test';
import type { CheckoutFrame } from './checkout-frame';

/** The issuer's challenge page, in its iframe inside the checkout frame (on the ACS origin). */
export class BankChallenge {
  readonly frame: FrameLocator;

  constructor(readonly checkout: CheckoutFrame) {
    this.frame = checkout.frame.frameLocator('iframe[title="Verification with your bank"]');
  }

  get code(): Locator {
    return this.frame.getByLabel('Enter the one-time code sent to your phone');
  }

  get error(): Locator {
    return this.frame.getByRole('alert');
  }

  /** The frame's own cancel button, outside the issuer's page. */
  get frameCancel(): Locator {
    return this.checkout.frame.getByRole('button', { name: 'Cancel verification' });
  }

  async expectShown(merchant: string, amount: string): Promise<void> {
    await expect(this.checkout.frame.getByText('Confirm with your bank')).toBeVisible();
    await expect(this.checkout.frame.getByText(`${merchant} · ${amount}`)).toBeVisible();
    await expect(this.code).toBeVisible();
    await expect(this.frame.getByText(merchant)).toBeVisible();
  }

  async enter(code: string): Promise<void> {
    await this.code.fill(code);
    await this.frame.getByRole('button', { name: 'Confirm', exact: true }).click();
  }

  async cancelAtBank(): Promise<void> {
    await this.frame.getByRole('button', { name: 'Cancel', exact: true }).click();
  }
}
