import { z } from 'zod/mini';

/**
 * 3-D-Secure-style authentication as the frame, the server and the simulated issuer see it
 * (DESIGN §2 steps 5–6, §7). Names follow EMV 3-D Secure 2.2 where one exists.
 */

/** EMVCo `challengeWindowSize`: 01 250×400, 02 390×400, 03 500×600, 04 600×400, 05 full. */
export const ChallengeWindowSize = ['01', '02', '03', '04', '05'] as const;
export type ChallengeWindowSize = (typeof ChallengeWindowSize)[number];
export const challengeWindowSizeSchema = z.enum(ChallengeWindowSize);

/** Pixel size of each window; `05` fills whatever space there is. */
export const CHALLENGE_WINDOW_PIXELS: Readonly<
  Record<Exclude<ChallengeWindowSize, '05'>, { width: number; height: number }>
> = {
  '01': { width: 250, height: 400 },
  '02': { width: 390, height: 400 },
  '03': { width: 500, height: 600 },
  '04': { width: 600, height: 400 },
};

/**
 * The largest fixed window that fits the space available, else full (`05`, which also covers
 * spaces narrower than the smallest window).
 */
export function pickChallengeWindowSize(width: number, height: number): ChallengeWindowSize {
  const fitting = (['03', '04', '02', '01'] as const).filter(
    (size) =>
      CHALLENGE_WINDOW_PIXELS[size].width <= width &&
      CHALLENGE_WINDOW_PIXELS[size].height <= height,
  );
  return fitting[0] ?? '05';
}

/**
 * `transStatus`: Y authenticated, A attempted, C challenge required, N not authenticated (wrong
 * code, or canceled), R rejected by the issuer, U could not be performed (timeout, unreachable).
 */
export const TransStatus = ['Y', 'A', 'C', 'N', 'R', 'U'] as const;
export type TransStatus = (typeof TransStatus)[number];

/** Whether the 3DS-Method step completed before the authentication request (Y), timed out (N). */
export const threeDsMethodCompletionSchema = z.enum(['Y', 'N', 'U']);
export type ThreeDsMethodCompletion = z.infer<typeof threeDsMethodCompletionSchema>;

/** How a payment was authenticated, as `GET /v1/payments/{id}` shows it. */
export const authenticationSchema = z.object({
  version: z.literal('2.2.0'),
  trans_status: z.nullable(z.enum(TransStatus)),
  /** Electronic Commerce Indicator: 05/06 (Visa, Amex), 02/01 (Mastercard), 07/00 without 3DS. */
  eci: z.nullable(z.string()),
  /** True when the issuer, not the merchant, bears fraud chargebacks (Y or A). */
  liability_shift: z.boolean(),
  challenged: z.boolean(),
  three_ds_method: threeDsMethodCompletionSchema,
  /** Why it was not authenticated: `canceled`, `wrong_code`, `timeout`, `rejected`, or null. */
  failure_reason: z.nullable(z.string()),
});
export type Authentication = z.infer<typeof authenticationSchema>;

/** What the shopper's browser must do next: a form POST of `creq` to the issuer's challenge page. */
export const challengeActionSchema = z.object({
  type: z.literal('challenge'),
  url: z.string(),
  method: z.literal('POST'),
  parameters: z.object({ creq: z.string() }),
});
export type ChallengeAction = z.infer<typeof challengeActionSchema>;

/**
 * Posted by the payment server's own notification pages (`/3ds/notify`, `/3ds/method-notify`),
 * loaded inside the frame's nested iframe, to the frame on the same origin. They only tell the
 * frame to ask its server: the outcome itself never travels in a message.
 */
export const challengeNotifySchema = z.strictObject({
  type: z.literal('payframe:challenge-complete'),
  paymentId: z.string(),
});
export const methodNotifySchema = z.strictObject({
  type: z.literal('payframe:3ds-method-complete'),
});
/** Posted by the issuer's challenge page once it shows its form: a UI hint only. */
export const acsReadySchema = z.strictObject({ type: z.literal('payframe:acs-ready') });
