import { randomBase62 } from '../../protocol/ids';
import type { Acquirer, AuthorizationAnswer, AuthorizationRequest, DeclineCode } from './acquirer';

/** Test card numbers that decline, per DESIGN §7; every other valid number is approved. */
export const SANDBOX_DECLINES: Readonly<Record<string, DeclineCode>> = {
  '4000000000000002': 'card_declined',
  '4000000000009995': 'insufficient_funds',
  '4000000000000069': 'expired_card',
  '4000000000000127': 'incorrect_cvc',
  '4000000000000119': 'processing_error',
  // Passes its 3-D Secure challenge, then the authorization is declined.
  '4000008400001629': 'card_declined',
};

/** Approved, then disputed by the shopper's bank a moment after capture (DESIGN §7). */
export const SANDBOX_DISPUTE_CARD = '4000000000000259';
/** The acquirer reference of an approval of that card, which the dispute simulation looks for. */
export const SANDBOX_DISPUTE_PREFIX = 'sbx_cb_';

/**
 * How many referenced answers the sandbox remembers, oldest forgotten first: several minutes of
 * traffic even at the design's 1,000 payments a second, longer than the sweep waits (2 min) before
 * it looks an attempt up.
 */
const REMEMBERED_ANSWERS = 500_000;

/** Marks a reference closed by a lookup that found no charge. */
const CLOSED = 'closed';

export class SandboxAcquirer implements Acquirer {
  /** Answers by our reference, so a repeated request is answered, not charged again. */
  readonly #answers = new Map<string, AuthorizationAnswer>();
  /** Charges actually made: what a shopper's statement would show. */
  charges = 0;

  async authorize(request: AuthorizationRequest): Promise<AuthorizationAnswer> {
    const earlier = request.reference ? this.#answers.get(request.reference) : undefined;
    if (earlier) return earlier.reference === CLOSED ? { ...earlier, reference: '' } : earlier;
    const prefix = request.pan === SANDBOX_DISPUTE_CARD ? SANDBOX_DISPUTE_PREFIX : 'sbx_';
    const reference = `${prefix}${randomBase62(16)}`;
    const code = SANDBOX_DECLINES[request.pan];
    const answer: AuthorizationAnswer = code
      ? { approved: false, code, reference }
      : { approved: true, reference };
    if (!code) this.charges++;
    if (request.reference) this.remember(request.reference, answer);
    return answer;
  }

  /**
   * The answer under `reference`, or null when no charge was made; the null is final: the
   * reference is closed with a decline, so a call still on its way is declined, not charged after
   * the sweep has recorded "no charge". (A real acquirer's lookup must do the same, e.g. by
   * voiding the reference.)
   */
  async lookup(reference: string): Promise<AuthorizationAnswer | null> {
    const answer = this.#answers.get(reference);
    if (answer) return answer.reference === CLOSED ? null : answer;
    this.remember(reference, { approved: false, code: 'processing_error', reference: CLOSED });
    return null;
  }

  private remember(reference: string, answer: AuthorizationAnswer): void {
    this.#answers.set(reference, answer);
    const oldest = this.#answers.keys().next().value;
    if (this.#answers.size > REMEMBERED_ANSWERS && oldest) this.#answers.delete(oldest);
  }
}
