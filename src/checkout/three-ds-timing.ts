/**
 * How long the frame waits at each step of 3-D Secure, and what it does when a wait runs out. One
 * object so tests can shorten the waits; the app uses `THREE_DS_TIMING`.
 */
export interface ThreeDsTiming {
  /** The issuer's 3DS-Method page; when it runs out, the confirm says `three_ds_method: 'N'`. */
  methodTimeoutMs: number;
  /** The issuer's challenge page saying it shows (`acs-ready`); else cancel as `unavailable`. */
  acsReadyTimeoutMs: number;
  /** How often the frame asks its server where a challenged attempt stands. */
  pollIntervalMs: number;
}

/** EMV 3-D Secure caps the 3DS-Method step at 10 s; the rest are ours (DESIGN §7). */
export const THREE_DS_TIMING: Readonly<ThreeDsTiming> = {
  methodTimeoutMs: 10_000,
  acsReadyTimeoutMs: 10_000,
  pollIntervalMs: 2_000,
};
