/**
 * The checkout frame's address: the token in the path, the host page's origin and the channel id
 * in the fragment, which never reaches the server's logs or the Referer header. A `locale` other
 * than `auto` rides along so the frame's first render is already in that language.
 */
export function frameUrl(
  paymentOrigin: string,
  token: string,
  hostOrigin: string,
  channel: string,
  locale?: string,
): string {
  const lang = locale && locale !== 'auto' ? `&locale=${encodeURIComponent(locale)}` : '';
  return `${paymentOrigin}/checkout/${encodeURIComponent(token)}#origin=${encodeURIComponent(hostOrigin)}&channel=${channel}${lang}`;
}

/**
 * The hosted page (redirect mode): the same checkout as a whole page, no host to talk to; it
 * returns the shopper to the invoice's `success_url` or `cancel_url`.
 */
export function hostedUrl(paymentOrigin: string, token: string, locale?: string): string {
  const lang = locale && locale !== 'auto' ? `#locale=${encodeURIComponent(locale)}` : '';
  return `${paymentOrigin}/checkout/${encodeURIComponent(token)}${lang}`;
}

/** A fresh channel id: 128 random bits as 32 hex characters. */
export function randomChannelId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
