import { describe, expect, it } from 'vitest';
import { Payframe, PayframeApiError, PayframeResponseError } from './index';

/** A client whose every attempt gets this canned answer, counting the attempts. */
function clientAnswering(status: number, body: string, headers: Record<string, string> = {}) {
  let attempts = 0;
  const payframe = new Payframe({
    secretKey: 'sk_test_stub',
    baseUrl: 'http://payframe.test/',
    fetch: async () => {
      attempts++;
      return new Response(body, { status, headers });
    },
  });
  return { payframe, attempts: () => attempts };
}

describe('sdk answer checks', () => {
  it('refuses a success body that does not match the protocol schema, naming the fields', async () => {
    const { payframe } = clientAnswering(200, JSON.stringify({ id: 'inv_12345678', amount: -1 }));
    const error = await payframe.invoices.get('inv_12345678').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PayframeResponseError);
    expect(error).toMatchObject({ status: 200 });
    expect((error as Error).message).toMatch(/GET \/v1\/invoices\/inv_12345678 .*object: /);
  });

  it('refuses a success body that is not JSON', async () => {
    const { payframe } = clientAnswering(200, '<html>gateway</html>');
    await expect(payframe.payments.get('pay_12345678')).rejects.toThrow(/not JSON/);
  });

  it('reports an error status without a problem body, after retrying a 5xx', async () => {
    const { payframe, attempts } = clientAnswering(502, 'Bad Gateway', { 'retry-after': '0' });
    const error = await payframe.payments.get('pay_12345678').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PayframeResponseError);
    expect(error).toMatchObject({ status: 502 });
    expect(attempts()).toBe(3);
  });

  it('takes the request id from the answer when the server sends one', async () => {
    const problem = {
      type: 't',
      title: 'No such payment.',
      status: 404,
      code: 'payment_not_found',
    };
    const { payframe } = clientAnswering(404, JSON.stringify(problem), { 'request-id': 'req_1' });
    const error = await payframe.payments.get('pay_12345678').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PayframeApiError);
    expect(error).toMatchObject({ requestId: 'req_1', detail: null, errors: [] });
  });

  it('refuses bad options when constructed', () => {
    const base = { secretKey: 'sk_test_1', baseUrl: 'http://localhost:4000' };
    expect(() => new Payframe({ ...base, secretKey: 'pk_test_1' })).toThrow(/secretKey/);
    expect(() => new Payframe({ ...base, baseUrl: 'localhost:4000' })).toThrow(/baseUrl/);
    expect(() => new Payframe({ ...base, maxRetries: -1 })).toThrow(/maxRetries/);
    expect(() => new Payframe({ ...base, timeoutMs: 0 })).toThrow(/timeoutMs/);
  });
});
