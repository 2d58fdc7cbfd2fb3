import { expect, type Locator, type Page } from '@playwright/test';
import { E2E_URLS } from '../fixtures/urls';
import { CheckoutFrame } from './checkout-frame';
import {
  recordCheckoutEvents,
  recordedEvents,
  type RecordedEvent,
} from '../fixtures/checkout-events';

/**
 * The demo shop's React (`/react`) or Vue (`/vue`) example page: the same shop as an app of that
 * framework, recording every payframe-* event that reaches its document.
 */
export class FrameworkShopPage {
  readonly checkout: CheckoutFrame;

  constructor(
    readonly page: Page,
    readonly path: '/react' | '/vue',
  ) {
    this.checkout = new CheckoutFrame(page);
  }

  async goto(): Promise<void> {
    await recordCheckoutEvents(this.page);
    await this.page.goto(this.path);
    await expect(this.page.getByRole('heading', { name: 'Fresh from the roaster' })).toBeVisible();
  }

  async add(productName: string): Promise<void> {
    await this.page.getByRole('button', { name: `Add ${productName} to order` }).click();
  }

  /** Clicks `button` (Checkout, Start over) and waits for the new checkout's frame to be ready. */
  async mountCheckout(button: 'Checkout' | 'Start over'): Promise<void> {
    const ready = (await this.events()).filter((e) => e.type === 'payframe-ready').length;
    await this.page.getByRole('button', { name: button, exact: true }).click();
    await expect
      .poll(async () => (await this.events()).filter((e) => e.type === 'payframe-ready').length)
      .toBe(ready + 1);
  }

  async changeCart(): Promise<void> {
    await this.page.getByRole('button', { name: 'Change cart' }).click();
  }

  /** The token of the checkout on the page now (set by the framework as a property). */
  token(): Promise<string | undefined> {
    return this.checkout.host.evaluate(
      (element) => (element as HTMLElement & { token?: string }).token,
    );
  }

  /** Checkout frames alive in the page: a removed element leaves none behind. */
  checkoutFrames(): number {
    return this.page
      .frames()
      .filter((frame) => frame.url().startsWith(`${E2E_URLS.payment}/checkout/`)).length;
  }

  get confirmation(): Locator {
    return this.page.locator('#confirmation');
  }

  get message(): Locator {
    return this.page.getByRole('status');
  }

  events(): Promise<RecordedEvent[]> {
    return recordedEvents(this.page);
  }

  /** The page's `message` listeners on `window`, as DevTools counts them. */
  async windowMessageListeners(): Promise<number> {
    const cdp = await this.page.context().newCDPSession(this.page);
    const { result } = await cdp.send('Runtime.evaluate', {
      expression: 'getEventListeners(window).message?.length ?? 0',
      includeCommandLineAPI: true,
      returnByValue: true,
    });
    await cdp.detach();
    return result.value as number;
  }
}
