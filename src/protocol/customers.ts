import { z } from 'zod/mini';
import { idSchema } from './ids';

const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));

/** `POST /v1/customers`: someone who pays the merchant more than once. Every field is optional. */
export const createCustomerSchema = z.strictObject({
  email: z.optional(z.email().check(z.maxLength(254))),
  name: z.optional(text(200)),
  metadata: z.optional(
    z.record(z.string().check(z.maxLength(40)), z.string().check(z.maxLength(500))),
  ),
});
export type CreateCustomer = z.infer<typeof createCustomerSchema>;

/** What a saved card shows: never the number, never the security code. */
export const savedCardSchema = z.object({
  brand: z.string(),
  last4: z.string(),
  exp_month: z.int(),
  exp_year: z.int(),
});

/** A card a customer saved with consent, chargeable later without them (MIT). */
export const paymentMethodSchema = z.object({
  id: idSchema('pm'),
  object: z.literal('payment_method'),
  customer: idSchema('cus'),
  card: z.extend(savedCardSchema, {
    /**
     * The same card number gives the same fingerprint within one app, until the vault key is
     * rotated (docs/adr/0013): compare fingerprints read after the same rotation.
     */
    fingerprint: z.string(),
  }),
  created_at: z.string(),
});
export type PaymentMethod = z.infer<typeof paymentMethodSchema>;

export const customerSchema = z.object({
  id: idSchema('cus'),
  object: z.literal('customer'),
  email: z.nullable(z.string()),
  name: z.nullable(z.string()),
  metadata: z.record(z.string(), z.string()),
  /** Saved cards, newest first; detached ones are gone. */
  payment_methods: z.array(paymentMethodSchema),
  created_at: z.string(),
});
export type Customer = z.infer<typeof customerSchema>;

/**
 * `POST /v1/invoices/{id}/pay`: the merchant charges a saved card without the shopper present
 * (merchant-initiated, no challenge, no security code).
 */
export const payInvoiceSchema = z.strictObject({
  customer: idSchema('cus'),
  payment_method: idSchema('pm'),
});
export type PayInvoice = z.infer<typeof payInvoiceSchema>;

/** `POST /v1/customers/{id}/payment_methods/{pm}/detach` takes no options. */
export const detachPaymentMethodSchema = z.strictObject({});
