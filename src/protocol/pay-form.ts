import { z } from 'zod/mini';
import { idSchema } from './ids';
import { currencySchema, MAX_AMOUNT } from './money';

/**
 * `POST /pay`: the simple HTML form of a merchant without server code (DESIGN §2). Values arrive
 * as form text; none may hold a control character, so the signing string below is unambiguous.
 */
const text = (max: number) =>
  z.string().check(
    z.minLength(1),
    z.maxLength(max),
    z.refine((value) => !/\p{Cc}/u.test(value), 'control characters are not allowed'),
  );
const httpUrl = z.url({ protocol: /^https?$/ });

export const payFormSchema = z.strictObject({
  app: idSchema('app'),
  /** Minor units, digits only: `2490` is €24.90. */
  amount: z.string().check(
    z.regex(/^[1-9]\d{0,10}$/, 'expected a whole number of minor units'),
    z.refine((v) => Number(v) <= MAX_AMOUNT, 'too large'),
  ),
  currency: currencySchema,
  order_id: text(128),
  description: z.optional(text(200)),
  success_url: httpUrl,
  cancel_url: httpUrl,
  /** Hex HMAC-SHA256 of the signing string with the app's form secret. */
  signature: z.string().check(z.regex(/^[0-9a-f]{64}$/, 'expected 64 lowercase hex digits')),
});
export type PayForm = z.infer<typeof payFormSchema>;

/** The signed fields, in the order the signing string lists them. */
export const SIGNED_FIELDS = [
  'app',
  'amount',
  'currency',
  'order_id',
  'description',
  'success_url',
  'cancel_url',
] as const;

/**
 * The canonical signing string: each signed field as `name=value`, in `SIGNED_FIELDS` order, joined
 * by a line feed; a missing `description` is empty (`description=`).
 */
export function payFormSigningString(form: Omit<PayForm, 'signature'>): string {
  return SIGNED_FIELDS.map((name) => `${name}=${form[name] ?? ''}`).join('\n');
}

/** `GET /v1/form`: where to post the form and the secret that signs it. */
export const payFormSettingsSchema = z.object({
  object: z.literal('pay_form'),
  url: z.string(),
  /** HMAC-SHA256 key for `signature`; null for an app made before the form existed. */
  secret: z.nullable(z.string()),
  signed_fields: z.array(z.string()),
});
export type PayFormSettings = z.infer<typeof payFormSettingsSchema>;
