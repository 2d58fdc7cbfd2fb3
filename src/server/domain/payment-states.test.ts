import { describe, expect, it } from 'vitest';
import { PaymentStatus } from '../../protocol/payments';
import { assertTransition, canTransition, PAYMENT_TRANSITIONS } from './payment-states';

describe('payment state table', () => {
  it('moves a processing attempt to captured, authorized or failed', () => {
    expect(canTransition('processing', 'captured')).toBe(true);
    expect(canTransition('processing', 'authorized')).toBe(true);
    expect(canTransition('processing', 'failed')).toBe(true);
  });

  it('never leaves a final state', () => {
    for (const final of ['failed', 'voided', 'expired', 'dispute_lost'] as const) {
      for (const to of Object.values(PaymentStatus)) expect(canTransition(final, to)).toBe(false);
    }
  });

  it('refuses capture after void and throws illegal_transition', () => {
    expect(canTransition('voided', 'captured')).toBe(false);
    expect(() => assertTransition('voided', 'captured')).toThrow(
      expect.objectContaining({ code: 'illegal_transition' }),
    );
    expect(() => assertTransition('captured', 'authorized')).toThrow();
  });

  it('names only known states', () => {
    const known = new Set<string>(Object.values(PaymentStatus));
    for (const [from, targets] of Object.entries(PAYMENT_TRANSITIONS)) {
      expect(known.has(from)).toBe(true);
      for (const to of targets) expect(known.has(to)).toBe(true);
    }
  });
});
