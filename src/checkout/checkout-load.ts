import type { CheckoutSummary } from '../protocol/checkout';
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
 * Reads the token (path) and host (fragment) from the frame's URL, loads the checkout summary and
 * checks the host may show it; otherwise the view that says why not.
 */
export async function loadCheckout(
  api: CheckoutApi,
  where: Pick<Location, 'pathname' | 'hash'>,
  strings: Strings,
): Promise<Loaded> {
  const token = tokenFromPath(where.pathname);
  if (!token) {
    const error = new CheckoutApiError('checkout_not_found', 404, '');
    return { ok: false, view: afterLoadError(error, strings) };
  }
  let summary: CheckoutSummary;
  try {
    summary = await api.fetchSummary(token);
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
