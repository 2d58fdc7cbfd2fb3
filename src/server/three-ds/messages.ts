import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { ChallengeWindowSize } from '../../protocol/three-ds';

/**
 * The messages between the payment server (3DS Server) and the simulated issuer's ACS, encoded as
 * EMV 3DS does it (base64url JSON) and signed with HMAC-SHA256 under the secret the two share
 * (`PAYFRAME_ACS_SECRET`): in the sandbox that signature stands for the directory server's trust
 * chain, so nobody else can forge a challenge request or a result.
 */

const MESSAGE_VERSION = '2.2.0';

/** What the ACS needs to show and answer a challenge (the AReq's data, in the sandbox). */
export const challengeRequestSchema = z.strictObject({
  messageType: z.literal('CReq'),
  messageVersion: z.literal(MESSAGE_VERSION),
  threeDSServerTransID: z.string().min(1).max(64),
  acsTransID: z.string().min(1).max(64),
  challengeWindowSize: z.enum(ChallengeWindowSize),
  merchantName: z.string().max(200),
  purchaseAmount: z.number().int().min(0),
  purchaseCurrency: z.string().length(3),
  cardBrand: z.string().max(20),
  cardLast4: z.string().regex(/^\d{4}$/),
  /** Where the ACS form-posts `cres` when the challenge ends. */
  notificationURL: z.url(),
  locale: z.string().max(35),
  /** Epoch ms after which the ACS refuses the challenge (the server then records `U`). */
  expiresAt: z.number().int(),
});
export type ChallengeRequest = z.infer<typeof challengeRequestSchema>;

/** The challenge's result, posted by the shopper's browser from the ACS to the notification URL. */
export const challengeResponseSchema = z.strictObject({
  messageType: z.literal('CRes'),
  messageVersion: z.literal(MESSAGE_VERSION),
  threeDSServerTransID: z.string().min(1).max(64),
  acsTransID: z.string().min(1).max(64),
  transStatus: z.enum(['Y', 'N', 'U']),
  /** EMV `challengeCancel`: 01 the cardholder canceled, 04 the ACS timed out. */
  challengeCancel: z.optional(z.enum(['01', '04'])),
  /** Wrong codes entered before the result (3 → N). */
  attempts: z.number().int().min(0).max(10),
});
export type ChallengeResponse = z.infer<typeof challengeResponseSchema>;

const sign = (payload: string, secret: string) =>
  createHmac('sha256', secret).update(payload).digest('base64url');

function encode(message: object, secret: string): string {
  const payload = Buffer.from(JSON.stringify(message)).toString('base64url');
  return `${payload}.${sign(payload, secret)}`;
}

/** The decoded message, or null when it is malformed or its signature does not verify. */
function decode<T>(encoded: string, secret: string, schema: z.ZodType<T>): T | null {
  const [payload, signature, extra] = encoded.split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(payload, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(payload, 'base64url').toString()));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export const encodeChallengeRequest = (
  request: Omit<ChallengeRequest, 'messageType' | 'messageVersion'>,
  secret: string,
) => encode({ messageType: 'CReq', messageVersion: MESSAGE_VERSION, ...request }, secret);

export const decodeChallengeRequest = (creq: string, secret: string) =>
  decode(creq, secret, challengeRequestSchema);

export const encodeChallengeResponse = (
  response: Omit<ChallengeResponse, 'messageType' | 'messageVersion'>,
  secret: string,
) => encode({ messageType: 'CRes', messageVersion: MESSAGE_VERSION, ...response }, secret);

export const decodeChallengeResponse = (cres: string, secret: string) =>
  decode(cres, secret, challengeResponseSchema);

/** `threeDSMethodData`: what the issuer's 3DS-Method page receives, and where it reports back. */
export const methodDataSchema = z.strictObject({
  threeDSServerTransID: z.string().min(1).max(64),
  threeDSMethodNotificationURL: z.url(),
});
export type MethodData = z.infer<typeof methodDataSchema>;

export const encodeMethodData = (data: MethodData) =>
  Buffer.from(JSON.stringify(data)).toString('base64url');

export function decodeMethodData(encoded: string): MethodData | null {
  try {
    const parsed = methodDataSchema.safeParse(
      JSON.parse(Buffer.from(encoded, 'base64url').toString()),
    );
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
