import { resultMessageSchema } from '../protocol/frame-messages';
import type { CheckoutSession } from './checkout-session';

/**
 * The popup is gone before its checkout ended: closed by the shopper, or its link to this page cut
 * (a page sending `Cross-Origin-Opener-Policy: same-origin` cuts it at once, so the frame never
 * even connects). The payment server's status stream says what became of the checkout: its result
 * when one comes (the shopper may still be paying in a cut-off window); and a connected checkout
 * whose window the shopper closed with nothing under way was canceled.
 */
export function followOutcome(session: CheckoutSession, paymentOrigin: string, token: string) {
  if (session.ended) return;
  const closedByShopper = session.isReady;
  session.waitForOutcome();
  const stream = new EventSource(
    `${paymentOrigin}/v1/checkout/${encodeURIComponent(token)}/events`,
  );
  session.onDispose(() => stream.close());
  const data = (event: Event): unknown => {
    try {
      return JSON.parse((event as MessageEvent<string>).data);
    } catch {
      return null;
    }
  };
  stream.addEventListener('result', (event) => {
    const result = resultMessageSchema.safeParse(data(event));
    if (!result.success) return;
    stream.close();
    session.receive(result.data);
  });
  stream.addEventListener('status', (event) => {
    const status = data(event) as {
      status?: unknown;
      invoice_id?: unknown;
      error?: { retryable?: unknown };
    } | null;
    // Open with nothing under way: the shopper left. A failure that ends the checkout (locked,
    // refused by the shop) comes as its `result` right after: that one decides instead.
    if (!closedByShopper || status?.status !== 'open' || status.error?.retryable === false) return;
    stream.close();
    session.cancelHere(typeof status.invoice_id === 'string' ? status.invoice_id : null);
  });
  // A stream that cannot be followed (refused, full, blocked by the page's CSP) must not leave the
  // page waiting behind the veil: the checkout ends as an integration error.
  stream.addEventListener('error', () => {
    if (stream.readyState !== EventSource.CLOSED || session.ended) return;
    session.fail('frame_load_failed', 'The checkout’s status cannot be followed.');
  });
}
