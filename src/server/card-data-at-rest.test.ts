import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOG_REDACT } from './create-app';
import { cardBody, startTestServer, type TestServer } from './test-support/test-server';
import { storesUnderTest, type TestStore } from './test-support/test-stores';
import { passChallenge } from './test-support/challenge';

const stores = await storesUnderTest();

/** Every card number a flow below sends, each through another door into the server. */
const PANS = {
  savedInCheckout: '4242424242424242',
  notSaved: '378282246310005',
  serverToServer: '5555555555554444',
  challengedAndSaved: '4000000000003220',
  declined: '4000000000000002',
  failsLuhn: '4242424242424241',
  typedAsName: '4111111111111111',
};
const CVC = '987';

/**
 * DESIGN §9: the card number is only ever stored encrypted, the security code never, and neither
 * is logged. Every way a card enters the server is exercised, then the raw database (the SQLite
 * file with its WAL, or every PostgreSQL row as text) and the full request log are searched.
 */
describe.each(stores)('card data at rest and in logs on %s', (name, open) => {
  let store: TestStore;
  let server: TestServer;
  const lines: string[] = [];
  beforeEach(async () => {
    lines.length = 0;
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    store = await open();
    server = await startTestServer(store, {
      logger: { level: 'trace', stream, redact: LOG_REDACT },
    });
  });
  afterEach(async () => {
    await server.close();
    await store.dispose();
  });

  const post = (path: string, body: unknown) => server.merchant(path, { method: 'POST', body });
  const confirm = async (token: string, body: object) =>
    (
      await fetch(`${server.url}/v1/checkout/${token}/confirm`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
    ).json();
  const invoice = async (customer?: string) =>
    (
      await post('/v1/invoices', {
        currency: 'EUR',
        order_id: `o-${Math.random()}`,
        amount: 1200,
        ...(customer ? { customer } : {}),
      })
    ).json();
  const card = (number: string, overrides: Record<string, unknown> = {}) =>
    cardBody(number, { cvc: CVC, ...overrides });

  async function everyWayInForACard(): Promise<string[]> {
    const answers: string[] = [];
    const customer = (await (await post('/v1/customers', { name: 'Ada' })).json()).id;
    // Checkout with consent to save, then the saved card again, then MIT and a rebill.
    const first = await confirm((await invoice(customer)).checkout.token, {
      ...card(PANS.savedInCheckout),
      save_card: true,
    });
    expect(first.status).toBe('succeeded');
    const pm = (await (await server.merchant(`/v1/payments/${first.payment_id}`)).json())
      .payment_method;
    const again = await confirm((await invoice(customer)).checkout.token, {
      saved_card: { id: pm, cvc: CVC },
    });
    expect(again.status).toBe('succeeded');
    const mit = await post(`/v1/invoices/${(await invoice(customer)).id}/pay`, {
      customer,
      payment_method: pm,
    });
    expect((await mit.json()).status).toBe('captured');
    const rebill = await post(`/v1/payments/${first.payment_id}/rebill`, { amount: 100 });
    expect((await rebill.json()).status).toBe('succeeded');

    // Checkout without consent: vaulted for this payment only.
    const plain = await confirm((await invoice(customer)).checkout.token, {
      ...card(PANS.notSaved, { cvc: '9876' }),
      save_card: false,
    });
    expect(plain.status).toBe('succeeded');

    // Server to server, the number typed with spaces.
    const s2s = await post('/v1/payments', {
      invoice: (await invoice()).id,
      type: 'DB',
      card: card(PANS.serverToServer.replace(/(\d{4})(?=\d)/g, '$1 ')).card,
    });
    expect(s2s.status).toBe(201);
    answers.push(await s2s.text());

    // A challenge passed, the card saved on its completion.
    const challenged = await confirm((await invoice(customer)).checkout.token, {
      ...card(PANS.challengedAndSaved),
      save_card: true,
    });
    expect(challenged.status).toBe('requires_action');
    await passChallenge(server, challenged.action.parameters.creq);
    const saved = (await (await server.merchant(`/v1/customers/${customer}`)).json())
      .payment_methods;
    expect(saved.map((m: { card: { last4: string } }) => m.card.last4).sort()).toEqual([
      '3220',
      '4242',
    ]);

    // Refused cards: a decline, a number failing Luhn, a number typed into the name field.
    const token = (await invoice()).checkout.token;
    expect((await confirm(token, card(PANS.declined))).status).toBe('failed');
    for (const body of [
      card(PANS.failsLuhn),
      card(PANS.savedInCheckout, { name: PANS.typedAsName }),
    ]) {
      const refused = await fetch(`${server.url}/v1/checkout/${token}/confirm`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(refused.status).toBe(400);
      answers.push(await refused.text());
    }
    return answers;
  }

  /** Everything the database holds, as text. */
  async function rawDatabase(): Promise<string> {
    if (store.sqliteFile) {
      await server.close();
      await store.store.close();
      const dir = dirname(store.sqliteFile);
      // The main file, its write-ahead log and shared memory: wherever a page may sit.
      return readdirSync(dir)
        .map((file) => readFileSync(join(dir, file)).toString('latin1'))
        .join('\n');
    }
    const { rows: tables } = await sql<{ name: string }>`
      select table_name as name from information_schema.tables
      where table_schema = current_schema()`.execute(store.store.db);
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(['vault_cards', 'payment_methods', 'payments', 'events']),
    );
    let text = '';
    for (const { name: table } of tables) {
      const { rows } = await sql<{ row: string }>`
        select t::text as row from ${sql.table(table)} t`.execute(store.store.db);
      text += rows.map((r) => r.row).join('\n');
    }
    return text;
  }

  it('keeps card numbers and security codes out of the database, the logs and error answers', async () => {
    const answers = await everyWayInForACard();
    const log = lines.join('');
    const database = await rawDatabase();

    // The searches can find what they look for: last four digits are stored, requests logged.
    expect(database).toContain('4242');
    expect(database).toMatch(/v2\.[\w-]{8}\./);
    expect(log).toContain('/v1/invoices/');
    expect(log).toContain('/confirm');
    for (const pan of Object.values(PANS)) {
      const spaced = pan.replace(/(\d{4})(?=\d)/g, '$1 ');
      for (const [where, text] of [
        ['database', database],
        ['log', log],
        ['error answers', answers.join('\n')],
      ]) {
        expect(text, `${pan} in the ${where} on ${name}`).not.toContain(pan);
        expect(text, `${spaced} in the ${where} on ${name}`).not.toContain(spaced);
      }
    }
    expect(database).not.toMatch(/"?cvc"?\W{0,3}987/);
    expect(log).not.toMatch(/"?cvc"?\W{0,3}987/);
  });
});
