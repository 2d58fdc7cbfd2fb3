import { z } from 'zod/mini';
import { amountSchema, currencySchema } from './money';
import { idSchema } from './ids';

const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));

export const CaptureMode = { automatic: 'automatic', manual: 'manual' } as const;
export type CaptureMode = (typeof CaptureMode)[keyof typeof CaptureMode];

export const InvoiceStatus = {
  open: 'open',
  paid: 'paid',
  canceled: 'canceled',
  expired: 'expired',
} as const;
export type InvoiceStatus = (typeof InvoiceStatus)[keyof typeof InvoiceStatus];

export const lineItemSchema = z.strictObject({
  name: text(200),
  unit_amount: amountSchema,
  quantity: z.int().check(z.minimum(1), z.maximum(10_000)),
});
export type LineItem = z.infer<typeof lineItemSchema>;

const httpUrl = z.url({ protocol: /^https?$/ });

/** `POST /v1/invoices`: either `items` (the server sums them) or a plain `amount`, never both. */
export const createInvoiceSchema = z
  .strictObject({
    currency: currencySchema,
    items: z.optional(z.array(lineItemSchema).check(z.minLength(1), z.maxLength(100))),
    amount: z.optional(amountSchema.check(z.minimum(1))),
    order_id: text(128),
    description: z.optional(text(500)),
    capture: z._default(z.enum(['automatic', 'manual']), 'automatic'),
    /** The customer paying: the checkout offers their saved cards and to save a new one. */
    customer: z.optional(idSchema('cus')),
    success_url: z.optional(httpUrl),
    cancel_url: z.optional(httpUrl),
    metadata: z.optional(
      z.record(z.string().check(z.maxLength(40)), z.string().check(z.maxLength(500))),
    ),
  })
  .check(
    z.refine((body) => (body.items === undefined) !== (body.amount === undefined), {
      message: 'send either items or amount',
      path: ['items'],
    }),
  );
export type CreateInvoice = z.infer<typeof createInvoiceSchema>;

export const invoiceSchema = z.object({
  id: idSchema('inv'),
  object: z.literal('invoice'),
  status: z.enum(['open', 'paid', 'canceled', 'expired']),
  amount: amountSchema,
  currency: z.string(),
  order_id: z.string(),
  description: z.nullable(z.string()),
  items: z.array(lineItemSchema),
  capture: z.enum(['automatic', 'manual']),
  metadata: z.record(z.string(), z.string()),
  success_url: z.nullable(z.string()),
  cancel_url: z.nullable(z.string()),
  payment_id: z.nullable(z.string()),
  customer: z.nullable(z.string()),
  checkout: z.object({ token: z.string(), url: z.string(), expires_at: z.string() }),
  created_at: z.string(),
});
export type Invoice = z.infer<typeof invoiceSchema>;
