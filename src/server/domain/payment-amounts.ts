import type { TransactionRecord } from '../store/records';

export interface PaymentAmounts {
  /** Σ PA: authorized, to be captured or released. */
  authorized: number;
  /** Σ DB + Σ CP + Σ RB + Σ RC: money taken from the card. */
  captured: number;
  /** Σ RF. */
  refunded: number;
  /** Σ CB − Σ CR: money the shopper's bank has taken back and not returned. */
  disputed: number;
}

/**
 * Derives the money on a payment from its transactions; nothing is stored twice. A transaction
 * still waiting for the acquirer, or declined, has moved nothing.
 */
export function paymentAmounts(transactions: readonly TransactionRecord[]): PaymentAmounts {
  const sum = (...types: string[]) =>
    transactions
      .filter((t) => t.status === 'succeeded' && types.includes(t.type))
      .reduce((total, t) => total + t.amount, 0);
  return {
    authorized: sum('PA'),
    captured: sum('DB', 'CP', 'RB', 'RC'),
    refunded: sum('RF'),
    disputed: sum('CB') - sum('CR'),
  };
}
