import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectProblem, paidPayment } from './test-support/payments';
import {
  cardBody,
  startTestServer,
  TEST_ACS_SECRET,
  type TestServer,
} from './test-support/test-server';
import { challengeResult, notifyChallenge } from './test-support/challenge';
import { storesUnderTest, type TestStore } from './test-support/test-stores';
import { decodeChallengeRequest, encodeChallengeResponse } from './three-ds/messages';

const stores = await storesUnderTest();
const CHALLENGE = '4000000000003220';

describe.each(stores)('3-D Secure on %s', (_name, open) => {
  let store: TestStore;
  let server: TestServer;
  beforeEach(async () => {
    store = await open();
    server = await startTestServer(store, { challengeTimeoutMs: 60_000 });
  });
  afterEach(async () => {
    await server.close();
    await store.dispose();
  });

  async function checkout(capture: 'automatic' | 'manual' = 'automatic') {
    const invoice = await (
      await server.merchant('/v1/invoices', {
        body: { currency: 'EUR', order_id: 'o-3ds', amount: 4999, capture },
      })
    ).json();
    return invoice.checkout.token as string;
  }
  const confirm = async (token: string, number: string, extra: object = {}) =>
    (
      await fetch(`${server.url}/v1/checkout/${token}/confirm`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...cardBody(number), ...extra }),
      })
    ).json();
  const attempt = async (token: string, paymentId: string) =>
    (await fetch(`${server.url}/v1/checkout/${token}/payments/${paymentId}`)).json();
  const payment = async (id: string) => (await server.merchant(`/v1/payments/${id}`)).json();
  /** Posts a result as the issuer's page would, through the shopper's browser. */
  const notify = (cres: string) => notifyChallenge(server, cres);
  const resultFor = challengeResult;

  it('authenticates 4000 0000 0000 3055 frictionless (Y) and records it on the payment', async () => {
    const token = await checkout();
    const result = await confirm(token, '4000000000003055', { three_ds_method: 'Y' });
    expect(result.status).toBe('succeeded');
    expect((await payment(result.payment_id)).authentication).toEqual({
      version: '2.2.0',
      trans_status: 'Y',
      eci: '05',
      liability_shift: true,
      challenged: false,
      three_ds_method: 'Y',
      failure_reason: null,
    });
  });

  it('records an attempted authentication (A) for cards whose issuer does not take part', async () => {
    const visa = await payment(await paidPayment(server));
    expect(visa.authentication).toMatchObject({
      trans_status: 'A',
      eci: '06',
      three_ds_method: 'U',
    });
    const mastercard = await payment(
      await paidPayment(server, { card: '5555555555554444', orderId: 'mc' }),
    );
    expect(mastercard.authentication).toMatchObject({ trans_status: 'A', eci: '01' });
  });

  it('fails a rejected authentication (R) without asking the acquirer', async () => {
    const token = await checkout();
    const result = await confirm(token, '4000000000003063');
    expect(result).toMatchObject({
      status: 'failed',
      error: { code: 'authentication_rejected', retryable: true },
    });
    const rejected = await payment(result.payment_id);
    expect(rejected).toMatchObject({ status: 'failed', transactions: [] });
    expect(rejected.authentication).toMatchObject({ trans_status: 'R', liability_shift: false });
    expect((await confirm(token, '4242424242424242')).status).toBe('succeeded');
  });

  it('asks for a challenge, holds the invoice, then authorizes on a signed Y result', async () => {
    const token = await checkout();
    const result = await confirm(token, CHALLENGE, {
      challenge_window_size: '02',
      three_ds_method: 'N',
      locale: 'de-DE',
    });
    expect(result).toMatchObject({
      status: 'requires_action',
      action: { type: 'challenge', url: 'http://127.0.0.1:4001/challenge', method: 'POST' },
    });
    const creq = decodeChallengeRequest(result.action.parameters.creq, TEST_ACS_SECRET);
    expect(creq).toMatchObject({
      challengeWindowSize: '02',
      merchantName: 'Test Shop',
      purchaseAmount: 4999,
      purchaseCurrency: 'EUR',
      cardLast4: '3220',
      locale: 'de-DE',
      notificationURL: 'http://localhost:4000/3ds/notify',
    });
    expect(await attempt(token, result.payment_id)).toEqual(result);
    expect((await payment(result.payment_id)).status).toBe('requires_action');
    const second = await fetch(`${server.url}/v1/checkout/${token}/confirm`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(cardBody('4242424242424242')),
    });
    await expectProblem(second, 409, 'payment_in_progress');

    const cres = resultFor(result.action.parameters.creq);
    const page = await notify(cres);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain(
      "frame-ancestors 'self' http://shop.test:5173",
    );
    const html = await page.text();
    expect(html).toContain(`data-payment-id="${result.payment_id}"`);
    expect(html).toContain('data-message="payframe:challenge-complete"');
    expect(await attempt(token, result.payment_id)).toMatchObject({ status: 'succeeded' });
    const paid = await payment(result.payment_id);
    expect(paid).toMatchObject({
      status: 'captured',
      transactions: [{ type: 'DB', amount: 4999 }],
    });
    expect(paid.authentication).toMatchObject({
      trans_status: 'Y',
      eci: '05',
      liability_shift: true,
      challenged: true,
      three_ds_method: 'N',
    });
    // A replayed result changes nothing.
    expect((await notify(cres)).status).toBe(200);
    expect((await payment(result.payment_id)).transactions).toHaveLength(1);
  });

  it.each([
    [{ transStatus: 'N', attempts: 3 }, 'authentication_failed', 'wrong_code'],
    [{ transStatus: 'N', challengeCancel: '01' }, 'authentication_canceled', 'canceled'],
    [{ transStatus: 'U', challengeCancel: '04' }, 'authentication_timeout', 'timeout'],
  ] as const)('ends a challenge answered %o as %s', async (answer, code, reason) => {
    const token = await checkout();
    const result = await confirm(token, CHALLENGE);
    await notify(resultFor(result.action.parameters.creq, answer));
    expect(await attempt(token, result.payment_id)).toMatchObject({
      status: 'failed',
      error: { code, retryable: true },
    });
    const failed = await payment(result.payment_id);
    expect(failed.authentication).toMatchObject({ failure_reason: reason, liability_shift: false });
    expect((await confirm(token, '4242424242424242')).status).toBe('succeeded');
  });

  it('declines 4000 0084 0000 1629 after its challenge passes', async () => {
    const token = await checkout();
    const result = await confirm(token, '4000008400001629');
    await notify(resultFor(result.action.parameters.creq));
    expect(await attempt(token, result.payment_id)).toMatchObject({
      status: 'failed',
      error: { code: 'card_declined' },
    });
    expect((await payment(result.payment_id)).authentication.trans_status).toBe('Y');
  });

  it('lets the frame cancel a challenge, once, and then ignores the issuer', async () => {
    const token = await checkout();
    const result = await confirm(token, CHALLENGE);
    const cancel = (reason: string) =>
      fetch(`${server.url}/v1/checkout/${token}/payments/${result.payment_id}/cancel`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ reason }),
      });
    await expectProblem(await cancel('bored'), 400, 'invalid_request');
    const canceled = await (await cancel('unavailable')).json();
    expect(canceled).toMatchObject({
      status: 'failed',
      error: { code: 'authentication_unavailable' },
    });
    expect(await (await cancel('canceled')).json()).toEqual(canceled);
    await notify(resultFor(result.action.parameters.creq));
    expect((await payment(result.payment_id)).status).toBe('failed');
  });

  it('times a forgotten challenge out (U) when the sweep passes its deadline', async () => {
    const token = await checkout();
    const result = await confirm(token, CHALLENGE);
    const swept = await server.merchant('/v1/test/clock/advance', { body: { seconds: 61 } });
    expect((await swept.json()).expired.challenges).toBe(1);
    expect(await attempt(token, result.payment_id)).toMatchObject({
      error: { code: 'authentication_timeout' },
    });
  });

  it('rejects forged, foreign and malformed results', async () => {
    const token = await checkout();
    const result = await confirm(token, CHALLENGE);
    const genuine = resultFor(result.action.parameters.creq);
    const [payload] = genuine.split('.');
    await expectProblem(await notify(`${payload}.forged`), 400, 'invalid_request');
    const foreign = encodeChallengeResponse(
      {
        threeDSServerTransID: decodeChallengeRequest(
          result.action.parameters.creq,
          TEST_ACS_SECRET,
        )!.threeDSServerTransID,
        acsTransID: 'someone-else',
        transStatus: 'Y',
        attempts: 0,
      },
      TEST_ACS_SECRET,
    );
    await expectProblem(await notify(foreign), 400, 'invalid_request');
    const wrongKey = encodeChallengeResponse(
      { threeDSServerTransID: 'x', acsTransID: 'y', transStatus: 'Y', attempts: 0 },
      'another-secret-another-secret-xx',
    );
    await expectProblem(await notify(wrongKey), 400, 'invalid_request');
    await expectProblem(await notify(''), 400, 'invalid_request');
    expect((await payment(result.payment_id)).status).toBe('requires_action');
    const otherToken = await checkout();
    await expectProblem(
      await fetch(`${server.url}/v1/checkout/${otherToken}/payments/${result.payment_id}`),
      404,
      'payment_not_found',
    );
  });

  it('returns a server-to-server shopper to shopper_result_url after the challenge', async () => {
    const invoice = await (
      await server.merchant('/v1/invoices', {
        body: { currency: 'EUR', order_id: 's', amount: 10 },
      })
    ).json();
    const created = await server.merchant('/v1/payments', {
      body: {
        invoice: invoice.id,
        type: 'PA',
        card: cardBody(CHALLENGE).card,
        shopper_result_url: 'https://shop.example/return?order=s',
      },
    });
    const pending = await created.json();
    expect(pending).toMatchObject({
      status: 'requires_action',
      action: { type: 'challenge', method: 'POST', parameters: { creq: expect.any(String) } },
      authentication: { trans_status: 'C', challenged: true },
    });
    const back = await notify(resultFor(pending.action.parameters.creq));
    expect(back.status).toBe(200);
    const html = await back.text();
    const returnUrl = /data-return-url="([^"]+)"/.exec(html)?.[1]?.replaceAll('&amp;', '&');
    const location = new URL(returnUrl!);
    expect(location.origin + location.pathname).toBe('https://shop.example/return');
    expect(location.searchParams.get('order')).toBe('s');
    expect(location.searchParams.get('resource_path')).toBe(`/v1/payments/${pending.id}`);
    expect(html).toContain('<a href="https://shop.example/return?order=s&amp;resource_path=');
    expect((await payment(pending.id)).status).toBe('authorized');
  });

  it('lets exactly one of a racing result, cancel and replay end the challenge', async () => {
    const token = await checkout();
    const result = await confirm(token, CHALLENGE);
    const cres = resultFor(result.action.parameters.creq);
    const cancel = () =>
      fetch(`${server.url}/v1/checkout/${token}/payments/${result.payment_id}/cancel`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ reason: 'canceled' }),
      });
    const answers = await Promise.all([notify(cres), cancel(), notify(cres), cancel()]);
    // A cancel that finds the issuer's result being applied says so (retry: it is in progress).
    for (const answer of answers) expect([200, 409]).toContain(answer.status);
    expect(answers[0]!.status).toBe(200);
    const ended = await payment(result.payment_id);
    const won = ended.status === 'captured' ? 'issuer' : 'cancel';
    expect(ended.transactions).toHaveLength(won === 'issuer' ? 1 : 0);
    const events = (await server.services.store.listEvents(server.appId)).map((e) => e.type);
    expect(events.filter((t) => t === 'payment.succeeded' || t === 'payment.failed')).toHaveLength(
      1,
    );
  });

  it('never lets one checkout cancel another invoice’s challenge', async () => {
    const mine = await checkout();
    const theirs = await checkout();
    const result = await confirm(theirs, CHALLENGE);
    const cancel = await fetch(
      `${server.url}/v1/checkout/${mine}/payments/${result.payment_id}/cancel`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ reason: 'canceled' }),
      },
    );
    await expectProblem(cancel, 404, 'payment_not_found');
    expect((await payment(result.payment_id)).status).toBe('requires_action');
  });

  it('treats a result held back past the deadline as a timeout', async () => {
    const token = await checkout();
    const result = await confirm(token, CHALLENGE);
    const cres = resultFor(result.action.parameters.creq);
    const clock = server.services.now;
    server.services.now = () => clock() + 61_000;
    await notify(cres);
    server.services.now = clock;
    expect(await attempt(token, result.payment_id)).toMatchObject({
      error: { code: 'authentication_timeout' },
    });
  });

  it('settles a passed challenge whose authorization was never recorded from the acquirer’s record', async () => {
    const token = await checkout();
    const result = await confirm(token, CHALLENGE);
    const store = server.services.store;
    const complete = store.completePayment.bind(store);
    store.completePayment = async () => {
      store.completePayment = complete;
      throw new Error('the process died here');
    };
    server.app.log.level = 'silent';
    expect((await notify(resultFor(result.action.parameters.creq))).status).toBe(500);
    expect((await payment(result.payment_id)).status).toBe('requires_action');
    const swept = await server.merchant('/v1/test/clock/advance', { body: { seconds: 121 } });
    expect((await swept.json()).expired.challenges).toBe(1);
    // The acquirer had charged before the process died: the charge is recorded, not forgotten.
    expect(await attempt(token, result.payment_id)).toMatchObject({ status: 'succeeded' });
    expect((await payment(result.payment_id)).status).toBe('captured');
    // Paid: the checkout takes no second payment.
    expect((await confirm(token, '4242424242424242')).code).toBe('invoice_not_open');
  });
});
