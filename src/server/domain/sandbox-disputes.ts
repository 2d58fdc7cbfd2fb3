import { SANDBOX_DISPUTE_PREFIX } from '../acquirer/sandbox-acquirer';
import { decideChargeback } from './disputes';
import { changePayment } from './payment-change';
import { PayframeError } from './payframe-error';
import type { Services } from './services';

/** How long after capture the dispute test card is charged back: "a moment" (DESIGN §7). */
export const SANDBOX_DISPUTE_DELAY_MS = 2000;

/**
 * The sandbox's shopper bank disputing `4000 0000 0000 0259`: each captured payment of that card,
 * once the delay has passed, is charged back in full (CB, `payment.disputed`), as an acquirer's
 * dispute report would. Run by the sweep; a payment refunded or disputed since is left alone.
 */
export async function disputeSandboxCaptures(services: Services): Promise<number> {
  const due = await services.store.listSandboxDisputes(
    SANDBOX_DISPUTE_PREFIX,
    services.now() - SANDBOX_DISPUTE_DELAY_MS,
    200,
  );
  let disputed = 0;
  for (const payment of due) {
    try {
      await changePayment(
        services,
        { id: payment.app_id },
        payment.id,
        decideChargeback(undefined),
      );
      disputed += 1;
    } catch (error) {
      // Refunded, or charged back by another sweeping process, since it was listed.
      if (!(error instanceof PayframeError)) throw error;
    }
  }
  return disputed;
}
