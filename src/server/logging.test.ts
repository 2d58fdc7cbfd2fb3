import { Writable } from 'node:stream';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { LOG_REDACT } from './create-app';
import { cardBody, startTestServer, type TestServer } from './test-support/test-server';
import { sqliteTestStore, type TestStore } from './test-support/test-stores';

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
  store = await sqliteTestStore();
  server = await startTestServer(store, { logger: { level: 'trace', stream, redact: LOG_REDACT } });
});
afterEach(async () => {
  await server.close();
  await store.dispose();
});

it('never writes a card number or CVC to the logs, even for rejected requests', async () => {
  const invoice = await (
    await server.merchant('/v1/invoices', {
      body: { currency: 'EUR', order_id: 'o-1', amount: 500 },
    })
  ).json();
  const url = `${server.url}/v1/checkout/${invoice.checkout.token}/confirm`;
  const post = (body: unknown) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  await post(cardBody('4000000000000002', { cvc: '987' }));
  await post({ card: { ...cardBody('4000000000009995').card, extra: '4000000000009995' } });
  await post(cardBody('5555555555554444', { cvc: '987' }));

  const log = lines.join('');
  expect(lines.length).toBeGreaterThan(5);
  expect(log).toContain('/v1/checkout/ct_…/confirm');
  for (const secret of ['4000000000000002', '4000000000009995', '5555555555554444', '"987"']) {
    expect(log).not.toContain(secret);
  }
  expect(log).not.toContain(invoice.checkout.token);
});

it('censors card fields wherever code logs them', () => {
  // Only this test's lines: earlier ones hold random ids, which may contain any three digits.
  const from = lines.length;
  const card = { number: '4242424242424242', cvc: '123', exp_month: 1 };
  server.app.log.info({ card }, 'top level');
  server.app.log.info({ body: { card } }, 'nested');
  server.app.log.info({ request: { body: { card } } }, 'deeper');
  // A saved card's security code, typed again in the checkout.
  server.app.log.info({ body: { saved_card: { id: 'pm_1', cvc: '456' } } }, 'saved');
  server.app.log.info({ request: { body: { saved_card: { cvc: '789' } } } }, 'saved deeper');
  const log = lines.slice(from).join('');
  expect(log).toContain('deeper');
  expect(log).toContain('saved deeper');
  expect(log).not.toContain('4242424242424242');
  expect(log).not.toContain('"123"');
  expect(log).not.toContain('"456"');
  expect(log).not.toContain('"789"');
  expect(log).toContain('[Redacted]');
});
