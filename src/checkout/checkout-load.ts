import {
  checkoutSummarySchema,
  SUMMARY_BLOCK_ID,
  type CheckoutSummary,
} from '../protocol/checkout';
import { CheckoutApiError, asApiError, type CheckoutApi } from './checkout-api';
import { afterLoadError, type View } from './checkout-state';
import { embeddingOf, parseHashParams, tokenFromPath } from './hash-params';
import type { Strings } from './i18n';

export type Loaded =
  | { ok: false; view: View }
  | {
      ok: true;
      token: string;
      summary: CheckoutSummary;
      embedding: { kind: 'standalone' } | { kind: 'embedded'; origin: string; channel: string };
    };

/**
 * The summary the checkout page carries in its data block, taken out of the page so only the first
 * load uses it; undefined when there is none or it is not a summary (the API is asked instead).
 */
export function takePageSummary(doc: Document = document): CheckoutSummary | undefined {
  const block = doc.getElementById(SUMMARY_BLOCK_ID);
  // Only the server's block: a data script in the page's head, nothing else that took its id.
  const isBlock =
    block instanceof HTMLScriptElement &&
    block.type === 'application/json' &&
    block.parentNode === doc.head;
  if (!isBlock) return undefined;
  block.remove();
  try {
    const parsed = checkoutSummarySchema.safeParse(JSON.parse(block.textContent ?? ''));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads the token (path) and host (fragment) from the frame's URL, takes the checkout summary (the
 * one the page carried, else from the API) and checks the host may show it; otherwise the view
 * that says why not.
 */
export async function loadCheckout(
  api: CheckoutApi,
  where: Pick<Location, 'pathname' | 'hash'>,
  strings: Strings,
  carried?: CheckoutSummary,
): Promise<Loaded> {
  const token = tokenFromPath(where.pathname);
  if (!token) {
    const error = new CheckoutApiError('checkout_not_found', 404, '');
    return { ok: false, view: afterLoadError(error, strings) };
  }
  let summary: CheckoutSummary;
  try {
    summary = carried ?? (await api.fetchSummary(token));
  } catch (error) {
    return { ok: false, view: afterLoadError(asApiError(error), strings) };
  }
  const embedding = embeddingOf(parseHashParams(where.hash), summary.allowed_origins);
  if (embedding.kind === 'refused') {
    console.warn('[payframe] refusing to show this checkout:', embedding.reason);
    const { notAllowed: title, notAllowedDetail: message } = strings;
    return { ok: false, view: { name: 'unavailable', title, message, retry: false } };
  }
  return { ok: true, token, summary, embedding };
}

/** The summary if the invoice turned out paid (a retry after a lost answer), else null. */
export async function paidSummary(
  api: CheckoutApi,
  token: string,
): Promise<CheckoutSummary | null> {
  try {
    const summary = await api.fetchSummary(token);
    return summary.status === 'paid' ? summary : null;
  } catch {
    return null;
  }
}
