import { expect, type Locator, type Page } from '@playwright/test';
import {
  recordCheckoutEvents,
  recordedEvents,
  type RecordedEvent,
} from '../fixtures/checkout-events';
import { CheckoutFrame } from './checkout-frame';

export type { RecordedEvent };

/** The demo shop's product page, recording every payframe-* event the host page receives. */
export class ShopPage {
  readonly checkout: CheckoutFrame;

  /** `origin` serves the same page from another address (the shop's own, from `baseURL`, if empty). */
  constructor(
    readonly page: Page,
    readonly origin = '',
  ) {
    this.checkout = new CheckoutFrame(page);
  }

  /** Opens the shop; `query` such as `?locale=ar&theme=dark` sets how the checkout shows. */
  async goto(query = ''): Promise<void> {
    await recordCheckoutEvents(this.page);
    await this.page.goto(`${this.origin}/${query}`);
  }

  /** Opens the shop, puts one product in the order and starts the checkout, ready for input. */
  async checkOut(productName: string, query = ''): Promise<void> {
    await this.goto(query);
    await this.add(productName);
    await this.startCheckout();
    // The host says ready once the frame's form is up: typing before could go nowhere.
    await expect
      .poll(async () => (await this.events()).some((e) => e.type === 'payframe-ready'))
      .toBe(true);
  }

  async add(productName: string): Promise<void> {
    await this.page.getByRole('button', { name: `Add ${productName} to order` }).click();
  }

  async startCheckout(): Promise<void> {
    await this.page.getByRole('button', { name: 'Checkout', exact: true }).click();
  }

  get confirmation(): Locator {
    return this.page.locator('#confirmation');
  }

  events(): Promise<RecordedEvent[]> {
    return recordedEvents(this.page);
  }
}
