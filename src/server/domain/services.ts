import type { Acquirer } from '../acquirer/acquirer';
import type { Issuer } from '../acquirer/sandbox-issuer';
import type { Store } from '../store/records';
import type { Vault } from '../vault/vault';

/** What use cases need from the outside world; built once by createApp, replaced in tests. */
export interface Services {
  store: Store;
  vault: Vault;
  acquirer: Acquirer;
  /** 3-D Secure: the issuer's authentication decisions. */
  issuer: Issuer;
  /** Epoch milliseconds; a function so tests can control time. */
  now: () => number;
  config: {
    /** The payment server's public origin, e.g. `http://localhost:4000`. */
    publicUrl: string;
    checkoutTtlMs: number;
    /** Failed confirms allowed per checkout before it locks (card-testing defence). */
    maxFailedAttempts: number;
    /** Failed confirms allowed per client address in ten minutes, across all checkouts. */
    maxFailedPerAddress: number;
    /** How long a merchant's order check may take before the payment is stopped. */
    orderCheckTimeoutMs: number;
    threeDs: {
      /** The issuer ACS origin, e.g. `http://127.0.0.1:4001`. */
      acsUrl: string;
      /** HMAC secret shared with the ACS: signs challenge requests and results. */
      acsSecret: string;
      /** How long a challenge may stay unanswered before it ends as `U` (timeout). */
      challengeTimeoutMs: number;
    };
  };
}
