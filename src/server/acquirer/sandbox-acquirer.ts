import { randomBase62 } from '../../protocol/ids';
import type { Acquirer, AuthorizationAnswer, DeclineCode } from './acquirer';

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

export class SandboxAcquirer implements Acquirer {
  async authorize(request: { pan: string }): Promise<AuthorizationAnswer> {
    const reference = `sbx_${randomBase62(16)}`;
    const code = SANDBOX_DECLINES[request.pan];
    return code ? { approved: false, code, reference } : { approved: true, reference };
  }
}
