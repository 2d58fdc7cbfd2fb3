import { z } from 'zod/mini';
import type { ErrorCode } from './error-codes';

/**
 * Messages between the host page (embed) and the checkout frame. The two window messages carry the
 * handshake; everything after it travels over the MessageChannel port the host transfers.
 */
const channelSchema = z.string().check(z.regex(/^[0-9A-Za-z_-]{8,64}$/));

export const frameReadySchema = z.strictObject({
  type: z.literal('payframe:frame-ready'),
  channel: channelSchema,
});
export const connectSchema = z.strictObject({
  type: z.literal('payframe:connect'),
  channel: channelSchema,
});
export type FrameReady = z.infer<typeof frameReadySchema>;
export type Connect = z.infer<typeof connectSchema>;

export const Phase = { entry: 'entry', processing: 'processing', challenge: 'challenge' } as const;
export type Phase = (typeof Phase)[keyof typeof Phase];

export const Outcome = { succeeded: 'succeeded', failed: 'failed', canceled: 'canceled' } as const;
export type Outcome = (typeof Outcome)[keyof typeof Outcome];

/**
 * An error code in a frame message, checked for its shape rather than against this build's list:
 * an `embed.js` pinned to an older version still takes the codes a newer frame sends, and the host
 * script does not carry the whole catalog (its byte budget, DESIGN §11). The host passes the code
 * on to the merchant, who branches on it; it never decides anything by it.
 */
const messageErrorCodeSchema = z
  .string()
  .check(z.regex(/^[a-z][a-z0-9_]{1,63}$/)) as unknown as z.ZodMiniType<ErrorCode>;

export const resultMessageSchema = z.strictObject({
  type: z.literal('result'),
  outcome: z.enum(['succeeded', 'failed', 'canceled']),
  invoiceId: z.string(),
  paymentId: z.optional(z.string()),
  error: z.optional(
    z.strictObject({ code: messageErrorCodeSchema, message: z.string(), retryable: z.boolean() }),
  ),
});
export type ResultMessage = z.infer<typeof resultMessageSchema>;

export const frameToHostSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ready') }),
  z.strictObject({
    type: z.literal('resize'),
    height: z.number().check(z.minimum(0), z.maximum(10_000)),
  }),
  z.strictObject({ type: z.literal('state'), phase: z.enum(['entry', 'processing', 'challenge']) }),
  /** The shopper pressed Escape in the frame (key events do not cross into the host page). */
  z.strictObject({ type: z.literal('escape') }),
  resultMessageSchema,
  /** An integration problem the frame found (`invalid_appearance`); the checkout goes on. */
  z.strictObject({ type: z.literal('error'), code: messageErrorCodeSchema, message: z.string() }),
]);
export type FrameToHost = z.infer<typeof frameToHostSchema>;

export const configureMessageSchema = z.strictObject({
  type: z.literal('configure'),
  locale: z.optional(z.string().check(z.regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$|^auto$/))),
  /**
   * The host's appearance, checked by the frame with `parseAppearance` (appearance.ts) rather than
   * here: an invalid one is then reported back as `invalid_appearance` while the locale still
   * applies, instead of the whole message being dropped. Absent means the default look. Kept out
   * of this schema also keeps its patterns out of `embed.js`, which only sends it.
   */
  appearance: z.optional(z.unknown()),
});
export const hostToFrameSchema = z.discriminatedUnion('type', [
  configureMessageSchema,
  z.strictObject({ type: z.literal('close') }),
]);
export type HostToFrame = z.infer<typeof hostToFrameSchema>;

export type Parsed<T> = { ok: true; message: T } | { ok: false; reason: string };

/** The parts of a MessageEvent a filter looks at, so tests can pass plain objects. */
export type MessageLike = Pick<MessageEvent, 'origin' | 'source' | 'data'>;

function parseWith<T>(schema: z.ZodMiniType<T>, data: unknown): Parsed<T> {
  const result = schema.safeParse(data);
  if (result.success) return { ok: true, message: result.data };
  const type = typeof data === 'object' && data !== null && 'type' in data ? String(data.type) : '';
  return { ok: false, reason: type ? `malformed "${type}" message` : 'not a Payframe message' };
}

/** Filters a window message against the exact origin, window and channel expected. */
export function parseWindowMessage<T extends FrameReady | Connect>(
  event: MessageLike,
  expected: { origin: string; source: unknown; channel: string; schema: z.ZodMiniType<T> },
): Parsed<T> {
  if (event.origin !== expected.origin)
    return { ok: false, reason: 'not from the expected origin' };
  if (event.source !== expected.source) return { ok: false, reason: 'not from our window' };
  const parsed = parseWith(expected.schema, event.data);
  if (parsed.ok && parsed.message.channel !== expected.channel) {
    return { ok: false, reason: 'not for our channel' };
  }
  return parsed;
}

/** Parses a frame → host message received on the host's port. */
export function parseFrameMessage(event: Pick<MessageEvent, 'data'>): Parsed<FrameToHost> {
  return parseWith(frameToHostSchema, event.data);
}

/** Parses a host → frame message received on the frame's port. */
export function parseHostMessage(event: Pick<MessageEvent, 'data'>): Parsed<HostToFrame> {
  return parseWith(hostToFrameSchema, event.data);
}
