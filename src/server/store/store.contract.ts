import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../protocol/ids';
import type { InvoiceRecord, PaymentRecord, VaultCardRecord } from './records';
import { appRecord } from '../test-support/app-record';
import type { TestStore } from '../test-support/test-stores';

/**
 * The store contract, one suite for every adapter: SQLite and PostgreSQL must behave the same,
 * including under concurrent attempts on one invoice.
 */
export function describeStoreContract(name: string, open: () => Promise<TestStore>): void {
  describe(`store contract: ${name}`, () => {
    let t: TestStore;
    const appId = newId('app');
    const now = 1_700_000_000_000;

    beforeEach(async () => {
      t = await open();
      await t.store.insertApp(appRecord({ id: appId, created_at: now }));
    });
    afterEach(() => t.dispose());

    const invoice = (overrides: Partial<InvoiceRecord> = {}): InvoiceRecord => ({
      id: newId('inv'),
      app_id: appId,
      status: 'open',
      amount: 99_999_999_999,
      currency: 'EUR',
      order_id: 'order-1',
      description: null,
      items: '[]',
      capture: 'automatic',
      metadata: '{}',
      success_url: null,
      cancel_url: null,
      checkout_token: newId('ct'),
      checkout_expires_at: now + 3_600_000,
      processing_payment_id: null,
      paid_payment_id: null,
      form_order: null,
      customer_id: null,
      created_at: now,
      updated_at: now,
      ...overrides,
    });
    const attempt = (inv: InvoiceRecord): [VaultCardRecord, PaymentRecord] => {
      const card: VaultCardRecord = {
        id: newId('vc'),
        app_id: appId,
        fingerprint: 'fp',
        brand: 'visa',
        last4: '4242',
        exp_month: 12,
        exp_year: 2040,
        pan_ciphertext: 'v1.a.b.c',
        created_at: now,
      };
      const payment: PaymentRecord = {
        id: newId('pay'),
        app_id: appId,
        invoice_id: inv.id,
        status: 'processing',
        amount: inv.amount,
        currency: inv.currency,
        capture: inv.capture,
        vault_card_id: card.id,
        brand: 'visa',
        last4: '4242',
        exp_month: 12,
        exp_year: 2040,
        error_code: null,
        customer_id: null,
        payment_method_id: null,
        save_card: 0,
        initiator: 'customer',
        created_at: now,
        updated_at: now,
      };
      return [card, payment];
    };

    /** A stored invoice whose one attempt (started with this limit) was declined. */
    const invoiceWithOneDecline = async (maxFailedAttempts?: number) => {
      const inv = invoice();
      await t.store.insertInvoice(inv);
      const [card, payment] = attempt(inv);
      await t.store.startPayment(card, payment, maxFailedAttempts);
      await t.store.completePayment({
        paymentId: payment.id,
        from: 'processing',
        invoiceId: inv.id,
        status: 'failed',
        errorCode: 'card_declined',
        transaction: null,
        invoicePaid: false,
        events: [],
        now,
      });
      return inv;
    };
    const succeed = (inv: InvoiceRecord, payment: PaymentRecord) =>
      t.store.completePayment({
        paymentId: payment.id,
        from: 'processing',
        invoiceId: inv.id,
        status: 'captured',
        errorCode: null,
        transaction: {
          id: newId('txn'),
          payment_id: payment.id,
          type: 'DB',
          amount: payment.amount,
          currency: payment.currency,
          acquirer_reference: 'ref',
          status: 'succeeded',
          failure_code: null,
          request_key: null,
          created_at: now,
        },
        invoicePaid: true,
        events: [
          {
            id: newId('evt'),
            app_id: appId,
            type: 'payment.succeeded',
            data: '{}',
            created_at: now,
          },
        ],
        now,
      });

    it('finds an app by id and by secret-key hash', async () => {
      const app = await t.store.findApp(appId);
      expect(app?.name).toBe('Shop');
      expect((await t.store.findAppBySecretHash(app!.secret_key_hash))?.id).toBe(appId);
      expect(await t.store.findAppBySecretHash('nope')).toBeUndefined();
    });

    it('sees a change to an app made through the store at the next read', async () => {
      const before = await t.store.findApp(appId);
      await t.store.setWebhookUrl(appId, 'https://shop.example/hooks');
      await t.store.setOrderCheckUrl(appId, 'https://shop.example/check');
      const after = await t.store.findAppBySecretHash(before!.secret_key_hash);
      expect(after?.webhook_url).toBe('https://shop.example/hooks');
      expect(after?.order_check_url).toBe('https://shop.example/check');
      await t.store.rotateWebhookSecret(appId, 'whsec_new', now + 1000);
      expect((await t.store.findApp(appId))?.webhook_secret).toBe('whsec_new');
    });

    it('round-trips an invoice with a bigint amount, by id and by checkout token', async () => {
      const inv = invoice();
      await t.store.insertInvoice(inv);
      expect(await t.store.findInvoice(appId, inv.id)).toEqual(inv);
      expect(await t.store.findInvoiceByToken(inv.checkout_token)).toEqual(inv);
      expect(await t.store.findInvoice('app_other', inv.id)).toBeUndefined();
    });

    it('lets a new request take over an Idempotency-Key whose record went stale', async () => {
      const key = 'stale-1';
      const record = (hash: string, at: number) => ({
        app_id: appId,
        key,
        request_hash: hash,
        response_status: null,
        response_body: null,
        created_at: at,
      });
      const fresh = { expiredBefore: 0, abandonedBefore: 0 };
      expect(await t.store.claimIdempotencyKey(record('first', now), fresh)).toEqual({
        claimed: true,
      });
      expect(await t.store.claimIdempotencyKey(record('second', now + 1), fresh)).toMatchObject({
        claimed: false,
        existing: { request_hash: 'first' },
      });
      const abandoned = { expiredBefore: 0, abandonedBefore: now + 1 };
      expect(await t.store.claimIdempotencyKey(record('second', now + 1), abandoned)).toEqual({
        claimed: true,
      });
      expect(await t.store.claimIdempotencyKey(record('third', now + 2), fresh)).toMatchObject({
        claimed: false,
        existing: { request_hash: 'second', created_at: now + 1 },
      });
    });

    it('stores an invoice and the answer to the Idempotency-Key that made it together', async () => {
      const key = 'create-1';
      const cutoffs = { expiredBefore: 0, abandonedBefore: 0 };
      const claim = { app_id: appId, key, request_hash: 'h', created_at: now };
      const record = { ...claim, response_status: null, response_body: null };
      expect(await t.store.claimIdempotencyKey(record, cutoffs)).toEqual({ claimed: true });
      const inv = invoice();
      const answer = { key, claimedAt: now, status: 201, body: `{"id":"${inv.id}"}` };
      await t.store.insertInvoice(inv, answer);
      expect((await t.store.findInvoice(appId, inv.id))?.id).toBe(inv.id);
      const retry = await t.store.claimIdempotencyKey(record, cutoffs);
      expect(retry).toMatchObject({
        claimed: false,
        existing: { response_status: 201, response_body: `{"id":"${inv.id}"}` },
      });
    });

    it('lets a request whose key was taken over neither answer for it nor free it', async () => {
      const key = 'taken-over';
      const first = { app_id: appId, key, request_hash: 'h', created_at: now };
      const record = { ...first, response_status: null, response_body: null };
      expect(
        await t.store.claimIdempotencyKey(record, { expiredBefore: 0, abandonedBefore: 0 }),
      ).toEqual({ claimed: true });
      // A minute later the first request is taken for dead, and a retry takes its key over.
      const later = { ...record, created_at: now + 61_000 };
      const cutoffs = { expiredBefore: 0, abandonedBefore: now + 1 };
      expect(await t.store.claimIdempotencyKey(later, cutoffs)).toEqual({ claimed: true });
      const slow = { key, claimedAt: now };
      await t.store.completeIdempotencyKey(appId, slow, { status: 201, body: 'from the slow one' });
      await t.store.releaseIdempotencyKey(appId, slow);
      const held = await t.store.claimIdempotencyKey(later, {
        expiredBefore: 0,
        abandonedBefore: 0,
      });
      expect(held).toMatchObject({
        claimed: false,
        existing: { created_at: now + 61_000, response_status: null },
      });
      await t.store.completeIdempotencyKey(
        appId,
        { key, claimedAt: now + 61_000 },
        { status: 201, body: 'from the retry' },
      );
      const answered = await t.store.claimIdempotencyKey(later, {
        expiredBefore: 0,
        abandonedBefore: 0,
      });
      expect(answered).toMatchObject({
        claimed: false,
        existing: { response_body: 'from the retry' },
      });
    });

    it('lets one attempt at a time claim an open invoice', async () => {
      const inv = invoice();
      await t.store.insertInvoice(inv);
      const [card1, pay1] = attempt(inv);
      const [card2, pay2] = attempt(inv);
      expect(await t.store.startPayment(card1, pay1)).toBe('started');
      expect(await t.store.startPayment(card2, pay2)).toBe('payment_in_progress');
      expect(await t.store.findPayment(appId, pay2.id)).toBeUndefined();
    });

    it('of ten concurrent attempts exactly one starts', async () => {
      const inv = invoice();
      await t.store.insertInvoice(inv);
      const results = await Promise.all(
        Array.from({ length: 10 }, () => t.store.startPayment(...attempt(inv))),
      );
      expect(results.filter((r) => r === 'started')).toHaveLength(1);
      expect(results.filter((r) => r === 'payment_in_progress')).toHaveLength(9);
    });

    it('completes a payment with its transaction, paid invoice and outbox events together', async () => {
      const inv = invoice();
      await t.store.insertInvoice(inv);
      const [card, payment] = attempt(inv);
      await t.store.startPayment(card, payment);
      await succeed(inv, payment);
      expect((await t.store.findPayment(appId, payment.id))?.status).toBe('captured');
      const stored = await t.store.findInvoice(appId, inv.id);
      expect(stored).toMatchObject({
        status: 'paid',
        paid_payment_id: payment.id,
        processing_payment_id: null,
      });
      expect((await t.store.listTransactions(payment.id)).map((x) => [x.type, x.amount])).toEqual([
        ['DB', inv.amount],
      ]);
      expect((await t.store.listEvents(appId)).map((e) => e.type)).toEqual(['payment.succeeded']);
      expect(await t.store.startPayment(...attempt(inv))).toBe('invoice_not_open');
    });

    it('refuses to complete a payment twice and writes nothing the second time', async () => {
      const inv = invoice();
      await t.store.insertInvoice(inv);
      const [card, payment] = attempt(inv);
      await t.store.startPayment(card, payment);
      await succeed(inv, payment);
      await expect(succeed(inv, payment)).rejects.toMatchObject({ code: 'illegal_transition' });
      expect(await t.store.listTransactions(payment.id)).toHaveLength(1);
      expect(await t.store.listEvents(appId)).toHaveLength(1);
    });

    it('frees the invoice after a decline and counts failed attempts', async () => {
      const inv = await invoiceWithOneDecline();
      expect(await t.store.countFailedPayments(inv.id)).toBe(1);
      expect((await t.store.findInvoice(appId, inv.id))?.status).toBe('open');
      expect(await t.store.startPayment(...attempt(inv))).toBe('started');
    });

    it('refuses to start an attempt once the invoice has failed as often as allowed', async () => {
      const inv = await invoiceWithOneDecline(1);
      expect(await t.store.startPayment(...attempt(inv), 1)).toBe('too_many_attempts');
      expect(await t.store.startPayment(...attempt(inv), 2)).toBe('started');
    });

    const fail = (inv: InvoiceRecord, payment: PaymentRecord, errorCode: string) =>
      t.store.completePayment({
        paymentId: payment.id,
        from: 'processing',
        invoiceId: inv.id,
        status: 'failed',
        errorCode,
        transaction: null,
        invoicePaid: false,
        events: [],
        now,
      });

    it('reads checkout statuses: the holding attempt, else the shopper’s latest, and failures', async () => {
      const fresh = invoice();
      const tried = invoice();
      await t.store.insertInvoice(fresh);
      await t.store.insertInvoice(tried);
      const tries: [string, string, number][] = [
        ['customer', 'card_declined', 1],
        ['customer', 'order_check_failed', 2],
        ['customer', 'insufficient_funds', 3],
        ['merchant', 'card_declined', 4],
      ];
      const payments: PaymentRecord[] = [];
      for (const [initiator, code, at] of tries) {
        const [card, payment] = attempt(tried);
        const timed = { ...payment, initiator, created_at: now + at };
        await t.store.startPayment(card, timed);
        await fail(tried, timed, code);
        payments.push(timed);
      }
      const statuses = await t.store.listCheckoutStatuses([
        fresh.checkout_token,
        tried.checkout_token,
        'ct_unknown000',
      ]);
      const byToken = new Map(statuses.map((s) => [s.invoice.checkout_token, s]));
      expect(statuses).toHaveLength(2);
      expect(byToken.get(fresh.checkout_token)).toEqual({
        invoice: {
          id: fresh.id,
          app_id: appId,
          status: 'open',
          checkout_token: fresh.checkout_token,
          checkout_expires_at: fresh.checkout_expires_at,
          processing_payment_id: null,
          paid_payment_id: null,
        },
        attempt: null,
        failedAttempts: 0,
      });
      // The merchant's charge is no part of the checkout; the latest shopper attempt is.
      expect(byToken.get(tried.checkout_token)).toMatchObject({
        attempt: { id: payments[2]!.id, status: 'failed', error_code: 'insufficient_funds' },
        failedAttempts: await t.store.countFailedPayments(tried.id),
      });
      expect(byToken.get(tried.checkout_token)?.failedAttempts).toBe(2);

      const [card, held] = attempt(tried);
      await t.store.startPayment(card, { ...held, created_at: now });
      const [nowHeld] = await t.store.listCheckoutStatuses([tried.checkout_token]);
      expect(nowHeld).toMatchObject({
        invoice: { processing_payment_id: held.id },
        attempt: { id: held.id, status: 'processing', error_code: null },
      });
    });

    it('reads the status of more checkouts than one query takes', async () => {
      const invoices = Array.from({ length: 260 }, () => invoice());
      for (const inv of invoices) await t.store.insertInvoice(inv);
      const statuses = await t.store.listCheckoutStatuses(invoices.map((i) => i.checkout_token));
      expect(statuses.map((s) => s.invoice.id).sort()).toEqual(invoices.map((i) => i.id).sort());
      expect(await t.store.listCheckoutStatuses([])).toEqual([]);
    });

    it('cancels only an open invoice that no attempt holds', async () => {
      const held = invoice();
      const free = invoice();
      await t.store.insertInvoice(held);
      await t.store.insertInvoice(free);
      await t.store.startPayment(...attempt(held));
      expect(await t.store.cancelInvoice(appId, held.id, now)).toBe('payment_in_progress');
      expect(await t.store.cancelInvoice(appId, free.id, now)).toBe('canceled');
      expect(await t.store.cancelInvoice(appId, free.id, now)).toBe('invoice_not_open');
      expect(await t.store.cancelInvoice('app_other', free.id, now)).toBe('not_found');
      expect(await t.store.startPayment(...attempt(free))).toBe('invoice_not_open');
    });
  });
}
