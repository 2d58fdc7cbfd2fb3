import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuthorizationRequest } from './acquirer/acquirer';
import { SandboxAcquirer } from './acquirer/sandbox-acquirer';
import { createMerchantApp } from './domain/apps';
import { createVault, generateVaultKey } from './vault/vault';
import { eventTypes, expectProblem, movements } from './test-support/payments';
import { cardBody, startTestServer, type TestServer } from './test-support/test-server';
import { storesUnderTest, type TestStore } from './test-support/test-stores';
import { passChallenge as passIssuerChallenge } from './test-support/challenge';

const stores = await storesUnderTest();
const VISA = '4242424242424242';
const AMEX = '378282246310005';
const CHALLENGE = '4000000000003220';

describe.each(stores)('customers, saved cards and MIT on %s', (_name, open) => {
  let store: TestStore;
  let server: TestServer;
  beforeEach(async () => {
    store = await open();
    server = await startTestServer(store);
  });
  afterEach(async () => {
    await server.close();
    await store.dispose();
  });

  const post = (path: string, body?: unknown, headers?: Record<string, string>) =>
    server.merchant(path, { method: 'POST', body, ...(headers ? { headers } : {}) });
  const get = async (path: string) => (await server.merchant(path)).json();
  const newCustomer = async (body: object = { email: 'ada@example.com', name: 'Ada' }) =>
    (await (await post('/v1/customers', body)).json()).id as string;
  const invoiceFor = async (customer: string | null, extra: object = {}) =>
    (await (
      await post('/v1/invoices', {
        currency: 'EUR',
        order_id: `order-${Math.random()}`,
        amount: 1500,
        ...(customer ? { customer } : {}),
        ...extra,
      })
    ).json()) as { id: string; checkout: { token: string }; customer: string | null };
  const confirm = async (token: string, body: object) => {
    const response = await fetch(`${server.url}/v1/checkout/${token}/confirm`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return response;
  };
  const confirmed = async (token: string, body: object) => (await confirm(token, body)).json();
  const summary = async (token: string) =>
    (await fetch(`${server.url}/v1/checkout/${token}`)).json();
  /** Pays a fresh invoice of the customer with a new card, consenting to save it. */
  const saveCard = async (
    customer: string,
    number = VISA,
    overrides: Record<string, unknown> = {},
  ) => {
    const invoice = await invoiceFor(customer);
    const result = await confirmed(invoice.checkout.token, {
      ...cardBody(number, overrides),
      save_card: true,
    });
    expect(result.status).toBe('succeeded');
    const payment = await get(`/v1/payments/${result.payment_id}`);
    return payment.payment_method as string;
  };
  /** Answers a challenge as the issuer's page would after the right code, through the browser. */
  const passChallenge = async (creq: string) => {
    const answer = await passIssuerChallenge(server, creq);
    expect(answer.status).toBeLessThan(400);
  };
  const pay = (invoice: string, body: object, headers?: Record<string, string>) =>
    post(`/v1/invoices/${invoice}/pay`, body, headers);

  it('creates and reads a customer, and refuses bad input with a named field', async () => {
    const created = await post('/v1/customers', {
      email: 'ada@example.com',
      name: 'Ada Lovelace',
      metadata: { crm: '42' },
    });
    expect(created.status).toBe(201);
    const customer = await created.json();
    expect(customer).toMatchObject({
      object: 'customer',
      email: 'ada@example.com',
      name: 'Ada Lovelace',
      metadata: { crm: '42' },
      payment_methods: [],
    });
    expect(customer.id).toMatch(/^cus_/);
    expect(await get(`/v1/customers/${customer.id}`)).toEqual(customer);
    // No body at all makes an anonymous customer.
    expect((await server.merchant('/v1/customers', { method: 'POST' })).status).toBe(201);

    const bad = await post('/v1/customers', { email: 'not an address' });
    await expectProblem(bad.clone(), 400, 'invalid_request');
    expect((await bad.json()).errors[0].path).toBe('email');
    await expectProblem(
      await server.merchant('/v1/customers/cus_0000000000000000000000'),
      404,
      'customer_not_found',
    );
    await expectProblem(
      await post('/v1/invoices', {
        currency: 'EUR',
        order_id: 'o',
        amount: 100,
        customer: 'cus_0000000000000000000000',
      }),
      404,
      'customer_not_found',
    );
  });

  it("saves the card to the invoice's customer only with consent and only when paid", async () => {
    const customer = await newCustomer();
    const invoice = await invoiceFor(customer);
    expect(invoice.customer).toBe(customer);
    expect((await summary(invoice.checkout.token)).customer).toEqual({ saved_cards: [] });

    // A decline saves nothing, even with consent.
    const declined = await confirmed(invoice.checkout.token, {
      ...cardBody('4000000000000002'),
      save_card: true,
    });
    expect(declined.status).toBe('failed');
    const result = await confirmed(invoice.checkout.token, { ...cardBody(VISA), save_card: true });
    expect(result.status).toBe('succeeded');

    const payment = await get(`/v1/payments/${result.payment_id}`);
    expect(payment).toMatchObject({ customer, initiator: 'customer' });
    expect(payment.payment_method).toMatch(/^pm_/);
    const read = await get(`/v1/customers/${customer}`);
    expect(read.payment_methods).toHaveLength(1);
    expect(read.payment_methods[0]).toMatchObject({
      id: payment.payment_method,
      object: 'payment_method',
      customer,
      card: { brand: 'visa', last4: '4242', exp_month: 12 },
    });
    expect(read.payment_methods[0].card.fingerprint).toMatch(/^[\w-]{20,}$/);
    // The succeeded event carries the saved card, so a webhook handler can store its id.
    const events = await server.services.store.listEvents(server.appId);
    const succeeded = events.find((e) => e.type === 'payment.succeeded');
    expect(JSON.parse(succeeded!.data)).toMatchObject({ payment_method: payment.payment_method });

    // The next checkout of the customer offers it, without its fingerprint.
    const next = await invoiceFor(customer);
    expect((await summary(next.checkout.token)).customer).toEqual({
      saved_cards: [
        {
          id: payment.payment_method,
          brand: 'visa',
          last4: '4242',
          exp_month: 12,
          exp_year: payment.card.exp_year,
        },
      ],
    });
  });

  it('saves nothing without consent, or when the invoice names no customer', async () => {
    const customer = await newCustomer();
    const withCustomer = await invoiceFor(customer);
    const unticked = await confirmed(withCustomer.checkout.token, cardBody(VISA));
    expect((await get(`/v1/payments/${unticked.payment_id}`)).payment_method).toBeNull();

    const anonymous = await invoiceFor(null);
    expect((await summary(anonymous.checkout.token)).customer).toBeNull();
    const ticked = await confirmed(anonymous.checkout.token, {
      ...cardBody(VISA),
      save_card: true,
    });
    expect(await get(`/v1/payments/${ticked.payment_id}`)).toMatchObject({
      customer: null,
      payment_method: null,
    });
    expect((await get(`/v1/customers/${customer}`)).payment_methods).toEqual([]);
  });

  it('keeps one saved card per card number, with the newest expiry', async () => {
    const customer = await newCustomer();
    const year = new Date(server.services.now()).getUTCFullYear();
    const first = await saveCard(customer, VISA, { exp_year: year + 1 });
    const again = await saveCard(customer, VISA, { exp_year: year + 3 });
    expect(again).toBe(first);
    const other = await saveCard(customer, AMEX);
    const cards = (await get(`/v1/customers/${customer}`)).payment_methods;
    expect(cards.map((c: { id: string }) => c.id)).toEqual([other, first]);
    expect(cards[1].card.exp_year).toBe(year + 3);
    // Another customer saving the same card gets a card of their own, same fingerprint.
    const someoneElse = await saveCard(await newCustomer(), VISA);
    expect(someoneElse).not.toBe(first);
  });

  it('recognises a card saved before a vault key rotation, and still charges it', async () => {
    const oldKey = generateVaultKey();
    server.services.vault = createVault(oldKey);
    const customer = await newCustomer();
    const first = await saveCard(customer);
    // The new key first, the old one still there to open cards sealed under it.
    server.services.vault = createVault([generateVaultKey(), oldKey]);
    expect(await saveCard(customer)).toBe(first);
    const invoice = await invoiceFor(customer);
    const charged = await (await pay(invoice.id, { customer, payment_method: first })).json();
    expect(charged.status).toBe('captured');
  });

  it('pays with a saved card and its security code typed again', async () => {
    const customer = await newCustomer();
    const saved = await saveCard(customer, AMEX);
    const invoice = await invoiceFor(customer);

    // Amex wants four digits; the code is checked before anything is saved.
    await expectProblem(
      await confirm(invoice.checkout.token, { saved_card: { id: saved, cvc: '123' } }),
      400,
      'invalid_cvc',
    );
    await expectProblem(
      await confirm(invoice.checkout.token, { saved_card: { id: saved } }),
      400,
      'invalid_request',
    );
    await expectProblem(
      await confirm(invoice.checkout.token, {
        ...cardBody(VISA),
        saved_card: { id: saved, cvc: '1234' },
      }),
      400,
      'invalid_request',
    );
    const result = await confirmed(invoice.checkout.token, {
      saved_card: { id: saved, cvc: '1234' },
    });
    expect(result.status).toBe('succeeded');
    const payment = await get(`/v1/payments/${result.payment_id}`);
    expect(payment).toMatchObject({
      status: 'captured',
      customer,
      payment_method: saved,
      initiator: 'customer',
      card: { brand: 'amex', last4: '0005' },
      authentication: { trans_status: 'A' },
    });
    // Still one card: paying with it saves nothing new.
    expect((await get(`/v1/customers/${customer}`)).payment_methods).toHaveLength(1);
  });

  it("refuses a saved card that is not the invoice customer's", async () => {
    const ada = await newCustomer();
    const grace = await newCustomer({ name: 'Grace' });
    const adasCard = await saveCard(ada);
    const gracesInvoice = await invoiceFor(grace);
    await expectProblem(
      await confirm(gracesInvoice.checkout.token, { saved_card: { id: adasCard, cvc: '123' } }),
      404,
      'payment_method_not_found',
    );
    const anonymous = await invoiceFor(null);
    await expectProblem(
      await confirm(anonymous.checkout.token, { saved_card: { id: adasCard, cvc: '123' } }),
      404,
      'payment_method_not_found',
    );
    // The refused attempts left both invoices open and payable.
    expect((await get(`/v1/invoices/${gracesInvoice.id}`)).status).toBe('open');
  });

  it('saves a card whose payment passed a challenge, and challenges it again when the shopper pays', async () => {
    const customer = await newCustomer();
    const invoice = await invoiceFor(customer);
    const started = await confirmed(invoice.checkout.token, {
      ...cardBody(CHALLENGE),
      save_card: true,
    });
    expect(started.status).toBe('requires_action');
    await passChallenge(started.action.parameters.creq);
    const paid = await get(`/v1/payments/${started.payment_id}`);
    expect(paid.status).toBe('captured');
    expect(paid.payment_method).toMatch(/^pm_/);
    expect((await get(`/v1/customers/${customer}`)).payment_methods[0].id).toBe(
      paid.payment_method,
    );

    const next = await invoiceFor(customer);
    const again = await confirmed(next.checkout.token, {
      saved_card: { id: paid.payment_method, cvc: '123' },
    });
    expect(again.status).toBe('requires_action');
  });

  it('charges a saved card without the shopper (MIT): no challenge, once per Idempotency-Key', async () => {
    const customer = await newCustomer();
    // A card that would be challenged were the shopper there.
    const saved = await saveCardAfterChallenge(customer);
    const invoice = await invoiceFor(customer, { capture: 'manual' });
    const headers = { 'idempotency-key': 'mit-1' };
    const first = await pay(invoice.id, { customer, payment_method: saved }, headers);
    expect(first.status).toBe(201);
    const payment = await first.json();
    expect(payment).toMatchObject({
      status: 'authorized',
      customer,
      payment_method: saved,
      initiator: 'merchant',
      authentication: null,
      action: null,
    });
    expect(movements(payment)).toEqual([['PA', 1500]]);
    const replay = await pay(invoice.id, { customer, payment_method: saved }, headers);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect((await replay.json()).id).toBe(payment.id);
    expect((await get(`/v1/invoices/${invoice.id}`)).payment_id).toBe(payment.id);
    await expectProblem(
      await pay(invoice.id, { customer, payment_method: saved }),
      409,
      'invoice_not_open',
    );
    // The usual back office follows: capture, then rebill the same card for extras.
    expect((await post(`/v1/payments/${payment.id}/capture`)).status).toBe(200);
    const rebilled = await (
      await post(`/v1/payments/${payment.id}/rebill`, { amount: 300 })
    ).json();
    expect(rebilled.status).toBe('succeeded');
    expect(await eventTypes(server)).toEqual(
      expect.arrayContaining(['payment.authorized', 'payment.succeeded', 'invoice.paid']),
    );

    async function saveCardAfterChallenge(owner: string) {
      const first = await invoiceFor(owner);
      const started = await confirmed(first.checkout.token, {
        ...cardBody(CHALLENGE),
        save_card: true,
      });
      await passChallenge(started.action.parameters.creq);
      return (await get(`/v1/payments/${started.payment_id}`)).payment_method as string;
    }
  });

  it('answers a declined MIT charge as a failed payment and leaves the invoice payable', async () => {
    const customer = await newCustomer();
    const saved = await saveCard(customer);
    const sandbox = new SandboxAcquirer();
    const asked: AuthorizationRequest[] = [];
    server.services.acquirer = {
      authorize: async (request) => {
        asked.push(request);
        return { approved: false, code: 'insufficient_funds', reference: request.reference ?? '' };
      },
      lookup: (reference) => sandbox.lookup(reference),
    };
    const invoice = await invoiceFor(customer);
    const answer = await pay(invoice.id, { customer, payment_method: saved });
    expect(answer.status).toBe(201);
    expect(await answer.json()).toMatchObject({
      status: 'failed',
      initiator: 'merchant',
      error: { code: 'insufficient_funds', retryable: true },
    });
    expect((await get(`/v1/invoices/${invoice.id}`)).status).toBe('open');
    // Sent as a stored-credential charge without a security code, which is never stored.
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatchObject({ initiator: 'merchant' });
    expect(asked[0]!.cvc).toBeUndefined();

    // The merchant's retries never lock the shopper's checkout, nor the reverse.
    for (let i = 0; i < 6; i++) {
      const retry = await pay(invoice.id, { customer, payment_method: saved });
      expect((await retry.json()).status).toBe('failed');
    }
    server.services.acquirer = sandbox;
    const shopper = await confirmed(invoice.checkout.token, cardBody(VISA));
    expect(shopper.status).toBe('succeeded');
  });

  it('does not use up the Idempotency-Key when the shopper is paying the invoice right now', async () => {
    const customer = await newCustomer();
    const saved = await saveCard(customer);
    const invoice = await invoiceFor(customer);
    const sandbox = new SandboxAcquirer();
    let release = () => {};
    server.services.acquirer = {
      authorize: () =>
        new Promise((resolve) => {
          release = () => resolve({ approved: false, code: 'card_declined', reference: '' });
        }),
      lookup: (reference) => sandbox.lookup(reference),
    };
    const shopper = confirmed(invoice.checkout.token, cardBody(VISA));
    await expect.poll(async () => (await get(`/v1/invoices/${invoice.id}`)).status).toBe('open');
    const held = async () =>
      (await store.store.findInvoice(server.appId, invoice.id))?.processing_payment_id;
    await expect.poll(held).not.toBeNull();
    const headers = { 'idempotency-key': 'renewal-7' };
    await expectProblem(
      await pay(invoice.id, { customer, payment_method: saved }, headers),
      409,
      'payment_in_progress',
    );
    release();
    expect((await shopper).status).toBe('failed');
    server.services.acquirer = sandbox;
    const retried = await pay(invoice.id, { customer, payment_method: saved }, headers);
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
    expect((await retried.json()).status).toBe('captured');
  });

  it('stops rebilling a payment once its saved card is detached', async () => {
    const customer = await newCustomer();
    const saved = await saveCard(customer);
    const invoice = await invoiceFor(customer);
    const mit = await (await pay(invoice.id, { customer, payment_method: saved })).json();
    expect(
      (await (await post(`/v1/payments/${mit.id}/rebill`, { amount: 100 })).json()).status,
    ).toBe('succeeded');
    await post(`/v1/customers/${customer}/payment_methods/${saved}/detach`);
    await expectProblem(
      await post(`/v1/payments/${mit.id}/rebill`, { amount: 100 }),
      409,
      'payment_not_rebillable',
    );
  });

  it('refuses MIT with the wrong customer, a detached card or an expired one', async () => {
    const ada = await newCustomer();
    const grace = await newCustomer({ name: 'Grace' });
    const year = new Date(server.services.now()).getUTCFullYear();
    const saved = await saveCard(ada, VISA, { exp_month: 12, exp_year: year });
    const adasInvoice = await invoiceFor(ada);
    await expectProblem(
      await pay(adasInvoice.id, { customer: grace, payment_method: saved }),
      409,
      'customer_mismatch',
    );
    // An invoice without a customer may be charged to a customer's own card, not another's.
    const anonymous = await invoiceFor(null);
    await expectProblem(
      await pay(anonymous.id, { customer: grace, payment_method: saved }),
      404,
      'payment_method_not_found',
    );
    const charged = await (
      await pay(anonymous.id, { customer: ada, payment_method: saved })
    ).json();
    expect(charged).toMatchObject({ status: 'captured', customer: ada, payment_method: saved });
    await expectProblem(
      await pay(adasInvoice.id, { customer: ada, payment_method: 'pm' }),
      400,
      'invalid_request',
    );

    await post('/v1/test/clock/advance', { seconds: 366 * 24 * 3600 });
    const later = await invoiceFor(ada);
    await expectProblem(
      await pay(later.id, { customer: ada, payment_method: saved }),
      402,
      'expired_card',
    );
    // The checkout no longer offers an expired card.
    expect((await summary(later.checkout.token)).customer).toEqual({ saved_cards: [] });

    const detached = await post(`/v1/customers/${ada}/payment_methods/${saved}/detach`);
    expect(detached.status).toBe(200);
    expect((await detached.json()).payment_methods).toEqual([]);
    await expectProblem(
      await post(`/v1/customers/${ada}/payment_methods/${saved}/detach`),
      404,
      'payment_method_not_found',
    );
    await expectProblem(
      await pay(later.id, { customer: ada, payment_method: saved }),
      404,
      'payment_method_not_found',
    );
    expect((await get(`/v1/invoices/${later.id}`)).status).toBe('open');
  });

  it("keeps one app's customers and cards from another app", async () => {
    const customer = await newCustomer();
    const saved = await saveCard(customer);
    const other = await createMerchantApp(server.services, {
      name: 'Other Shop',
      allowedOrigins: ['http://other.test'],
    });
    const asOther = (path: string, body?: unknown) =>
      server.merchant(path, { key: other.secretKey, ...(body ? { method: 'POST', body } : {}) });
    await expectProblem(await asOther(`/v1/customers/${customer}`), 404, 'customer_not_found');
    const theirInvoice = await (
      await asOther('/v1/invoices', { currency: 'EUR', order_id: 'x', amount: 100 })
    ).json();
    await expectProblem(
      await asOther(`/v1/invoices/${theirInvoice.id}/pay`, { customer, payment_method: saved }),
      404,
      'payment_method_not_found',
    );
  });
});
