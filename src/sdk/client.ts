import { Customers } from './customers';
import { HttpClient } from './http';
import { Invoices } from './invoices';
import { Payments } from './payments';
import { Events, OrderCheck, Webhooks } from './webhooks';

export interface PayframeOptions {
  /** The app's secret key, `sk_test_…`. Server side only. */
  secretKey: string;
  /** The payment server's origin, e.g. `http://localhost:4000`. */
  baseUrl: string;
  /** Retries after the first attempt (network errors, 5xx, `idempotency_key_in_use`). Default 2. */
  maxRetries?: number;
  /** Limit of each attempt, reading the answer included. Default 30 s. */
  timeoutMs?: number;
  /** Defaults to the global `fetch`; pass another to add logging, proxies or test doubles. */
  fetch?: typeof fetch;
  /** The `whsec_` secret(s) `webhooks.verify` accepts; two while you rotate. */
  webhookSecret?: string | string[];
}

export const DEFAULT_MAX_RETRIES = 2;
export const DEFAULT_TIMEOUT_MS = 30_000;

/** The merchant server's typed client for the Payframe payment server. */
export class Payframe {
  readonly invoices: Invoices;
  readonly payments: Payments;
  readonly customers: Customers;
  readonly webhooks: Webhooks;
  readonly events: Events;
  readonly orderCheck: OrderCheck;

  constructor(options: PayframeOptions) {
    const http = new HttpClient({
      baseUrl: checkedBaseUrl(options.baseUrl),
      secretKey: checkedSecretKey(options.secretKey),
      maxRetries: checkedCount('maxRetries', options.maxRetries ?? DEFAULT_MAX_RETRIES, 0),
      timeoutMs: checkedCount('timeoutMs', options.timeoutMs ?? DEFAULT_TIMEOUT_MS, 1),
      // Resolved per call, so a fetch patched after construction (instrumentation) is still used.
      fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    });
    this.invoices = new Invoices(http);
    this.payments = new Payments(http);
    this.customers = new Customers(http);
    const secrets = options.webhookSecret ?? [];
    this.webhooks = new Webhooks(http, typeof secrets === 'string' ? [secrets] : secrets);
    this.events = new Events(http);
    this.orderCheck = new OrderCheck(http);
  }
}

// Configuration mistakes fail at construction, not on the first payment.

function checkedBaseUrl(baseUrl: string): string {
  if (!URL.canParse(baseUrl) || !/^https?:$/.test(new URL(baseUrl).protocol)) {
    throw new TypeError(
      `Payframe: baseUrl must be an http(s) URL, got ${JSON.stringify(baseUrl)}.`,
    );
  }
  return baseUrl.replace(/\/+$/, '');
}

function checkedSecretKey(secretKey: string): string {
  if (typeof secretKey !== 'string' || !secretKey.startsWith('sk_')) {
    throw new TypeError('Payframe: secretKey must be the app secret key (sk_…).');
  }
  return secretKey;
}

function checkedCount(name: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min) {
    throw new TypeError(`Payframe: ${name} must be an integer ≥ ${min}, got ${value}.`);
  }
  return value;
}
