import { createHmac } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  startWebhookReceiver,
  type WebhookReceiver,
} from '../server/test-support/webhook-receiver';
import { WebhookWorker } from '../server/webhooks/delivery-worker';
import { verifyWebhook, WebhookVerificationError, type Payframe } from './index';
import { startSdkTestServer, type SdkTestServer } from './test-support/sdk-server';

describe('sdk webhooks against the payment server', () => {
  let t: SdkTestServer;
  let payframe: Payframe;
  let receiver: WebhookReceiver;
  beforeEach(async () => {
    t = await startSdkTestServer();
    payframe = t.client({ webhookSecret: t.server.webhookSecret });
    receiver = await startWebhookReceiver();
  });
  afterEach(async () => {
    await receiver.close();
    await t.close();
  });

  /** Pays an invoice and runs the delivery worker once, as the server's own worker would. */
  async function payAndDeliver() {
    await payframe.webhooks.setEndpoint(receiver.url);
    const invoice = await payframe.invoices.create({
      currency: 'EUR',
      order_id: 'o-1',
      amount: 990,
    });
    const paymentId = await t.confirm(invoice.checkout.token);
    await new WebhookWorker(t.server.services).runOnce();
    return { invoice, paymentId };
  }

  const asHeaders = (d: WebhookReceiver['received'][number]) =>
    d.headers as Record<string, string | string[] | undefined>;

  it('verifies real deliveries of a payment and reads their payloads', async () => {
    const { invoice, paymentId } = await payAndDeliver();
    const payloads = receiver.received.map((d) => payframe.webhooks.verify(asHeaders(d), d.body));
    // Every event in the outbox arrived, each verified.
    expect(payloads.map((p) => p.type).sort()).toEqual((await t.eventTypes()).sort());
    expect(payloads.map((p) => p.type)).toEqual(
      expect.arrayContaining(['invoice.paid', 'payment.succeeded']),
    );
    const paid = payloads.find((p) => p.type === 'invoice.paid');
    expect(paid?.data).toMatchObject({ id: invoice.id, status: 'paid' });
    const succeeded = payloads.find((p) => p.type === 'payment.succeeded');
    expect(succeeded?.data).toMatchObject({ id: paymentId, amount: 990 });
    expect(payloads.map((p) => p.id).sort()).toEqual(receiver.ids().sort());
  });

  it('refuses a tampered body, another secret, a stale timestamp and missing headers', async () => {
    await payAndDeliver();
    const [delivery] = receiver.received;
    const headers = asHeaders(delivery!);
    const expectRefused = (run: () => unknown, message: RegExp) =>
      expect(run).toThrow(
        expect.objectContaining({
          name: 'WebhookVerificationError',
          message: expect.stringMatching(message),
        }),
      );
    expectRefused(
      () => payframe.webhooks.verify(headers, delivery!.body.replace('990', '1')),
      /signature/,
    );
    expectRefused(
      () =>
        verifyWebhook(
          'whsec_' + Buffer.from('x'.repeat(24)).toString('base64'),
          headers,
          delivery!.body,
        ),
      /signature/,
    );
    expectRefused(
      () => payframe.webhooks.verify(headers, delivery!.body, { now: Date.now() + 6 * 60_000 }),
      /tolerance/,
    );
    expectRefused(
      () =>
        payframe.webhooks.verify({ ...headers, 'webhook-signature': undefined }, delivery!.body),
      /Missing/,
    );
    expect(() => payframe.webhooks.verify(headers, delivery!.body)).not.toThrow(
      WebhookVerificationError,
    );
  });

  it('refuses an empty or malformed secret instead of accepting what an empty key signs', () => {
    const body = '{"type":"invoice.paid","timestamp":"2026-11-21T10:00:00.000Z","data":{}}';
    const timestamp = String(Math.floor(Date.now() / 1000));
    const forged = `v1,${createHmac('sha256', Buffer.alloc(0)).update(`evt_1.${timestamp}.${body}`).digest('base64')}`;
    const headers = {
      'webhook-id': 'evt_1',
      'webhook-timestamp': timestamp,
      'webhook-signature': forged,
    };
    for (const secret of ['', 'whsec_', 'whsec_!!!!', ' ', 'whsec_c2hvcnQ=']) {
      expect(() => verifyWebhook(secret, headers, body)).toThrow(TypeError);
      expect(() => t.client({ webhookSecret: secret })).toThrow(TypeError);
    }
    expect(() => verifyWebhook([], headers, body)).toThrow(TypeError);
  });

  it('agrees with the independent Standard Webhooks library both ways', async () => {
    const secret = t.server.webhookSecret;
    const id = 'msg_2b5b0VvOmI9XZ8qAaHYZ8tdeFbe';
    const timestamp = new Date();
    const body =
      '{"type":"payment.captured","timestamp":"2026-11-21T10:00:00.000Z","data":{"id":"pay_1"}}';
    const signature = new Webhook(secret).sign(id, timestamp, body);
    const headers = {
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
      'webhook-signature': signature,
    };
    expect(verifyWebhook(secret, headers, body)).toMatchObject({ id, type: 'payment.captured' });

    await payAndDeliver();
    for (const delivery of receiver.received) {
      expect(() =>
        new Webhook(secret).verify(delivery.body, asHeaders(delivery) as Record<string, string>),
      ).not.toThrow();
    }
  });

  it('manages the endpoint, rotates the secret and reads and resends events', async () => {
    await payAndDeliver();
    const endpoint = await payframe.webhooks.getEndpoint();
    expect(endpoint).toMatchObject({
      url: receiver.url,
      enabled: true,
      secret: t.server.webhookSecret,
    });
    const rotated = await payframe.webhooks.rotateSecret({ overlap_seconds: 3600 });
    expect(rotated.secret).not.toBe(endpoint.secret);
    expect(rotated.previous_secret_expires_at).not.toBeNull();

    const events = await payframe.events.list({ limit: 1 });
    expect(events.data).toHaveLength(1);
    expect(events.has_more).toBe(true);
    const older = await payframe.events.list({ before: events.data[0]!.id });
    expect(older.data.map((e) => e.delivery.status)).toContain('delivered');
    const resent = await payframe.events.resend(events.data[0]!.id);
    expect(resent.delivery).toMatchObject({ status: 'pending', attempts: 0 });

    await new WebhookWorker(t.server.services).runOnce();
    const again = receiver.received.at(-1)!;
    expect(again.id).toBe(events.data[0]!.id);
    // During the overlap a receiver holding either secret accepts the delivery.
    const both = t.client({ webhookSecret: [rotated.secret, endpoint.secret] });
    expect(() => verifyWebhook(rotated.secret, asHeaders(again), again.body)).not.toThrow();
    expect(() => verifyWebhook(endpoint.secret, asHeaders(again), again.body)).not.toThrow();
    expect(both.webhooks.verify(asHeaders(again), again.body).id).toBe(again.id);
    expect(await payframe.orderCheck.set('http://127.0.0.1:9/check')).toMatchObject({
      url: 'http://127.0.0.1:9/check',
    });
    expect((await payframe.orderCheck.get()).url).toBe('http://127.0.0.1:9/check');
    const log = await payframe.events.get(again.id);
    expect(log.delivery.log.map((a) => a.status_code)).toEqual([200, 200]);
  });
});
