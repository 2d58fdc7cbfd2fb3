import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Frame, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeChallengeResponse, encodeMethodData } from '../server/three-ds/messages';
import { launchChromium } from './acs-browser';
import { ACS_TEST_SECRET, creqFor, startTestAcs, type TestAcs } from './acs-test-server';

/**
 * The issuer pages where they really run: in an iframe of the checkout frame (payment origin),
 * itself inside a merchant page. Fake payment and merchant servers stand in for the real ones.
 */
interface Fake {
  server: Server;
  origin: string;
  posts: { path: string; fields: Record<string, string> }[];
}

async function fakeServer(page: (path: string, url: URL) => string): Promise<Fake> {
  const posts: Fake['posts'] = [];
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      if (request.method === 'POST') {
        posts.push({ path: url.pathname, fields: Object.fromEntries(new URLSearchParams(body)) });
      }
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(page(url.pathname, url));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, origin: `http://localhost:${port}`, posts };
}

/**
 * The checkout frame's part: post the creq (or method data) into a named iframe on the ACS whose
 * address is in the query.
 */
const paymentPage = (_path: string, url: URL) => {
  const acsUrl = url.searchParams.get('acs') ?? '';
  const [route, field, value] = url.searchParams.has('creq')
    ? ['/challenge', 'creq', url.searchParams.get('creq')]
    : ['/3ds-method', 'threeDSMethodData', url.searchParams.get('method')];
  return `<!doctype html><title>checkout</title>
<iframe name="acs" title="Bank verification" width="390" height="400"></iframe>
<form target="acs" method="post" action="${acsUrl}${route}"><input type="hidden" name="${field}" value="${value ?? ''}"></form>
<script>
  window.received = [];
  addEventListener('message', (event) => received.push({ origin: event.origin, data: event.data }));
  document.forms[0].submit();
</script>`;
};

let acs: TestAcs;
let browser: Browser;
let payment: Fake;
let merchant: Fake;
beforeAll(async () => {
  payment = await fakeServer(paymentPage);
  merchant = await fakeServer(
    (_path, url) =>
      `<!doctype html><title>shop</title><iframe title="checkout" width="420" height="440" src="${payment.origin}/frame${url.search}"></iframe>`,
  );
  acs = await startTestAcs({ paymentOrigin: payment.origin, merchantOrigins: [merchant.origin] });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await acs?.app.close();
  payment?.server.close();
  merchant?.server.close();
});

/** The merchant page with the checkout frame, which opens the given ACS page inside itself. */
const merchantPage = (acsUrl: string, query: Record<string, string>) =>
  `${merchant.origin}/?${new URLSearchParams({ acs: acsUrl, ...query })}`;

/**
 * Pages are not awaited to their load event (nested frames posting forms can hold it back on a
 * busy machine); the test waits for what it needs, with room for a slow machine.
 */
const POLL = { timeout: 15_000, interval: 100 };

async function acsFrame(page: Page): Promise<Frame> {
  const find = () => page.frames().find((frame) => frame.url().startsWith(acs.url));
  await expect.poll(find, POLL).toBeDefined();
  return find()!;
}

describe('the challenge inside the checkout frame', () => {
  it('tells the checkout frame it is ready and posts the CRes to the notification URL', async () => {
    const creq = creqFor({ notificationURL: `${payment.origin}/3ds/notify` });
    const page = await browser.newPage();
    await page.goto(merchantPage(acs.url, { creq }), { waitUntil: 'commit' });
    const frame = await acsFrame(page);
    await frame.locator('#code').fill('1234');
    await frame.locator('button.primary').click();

    await expect
      .poll(() => payment.posts.find((post) => post.path === '/3ds/notify'), POLL)
      .toBeDefined();
    const notify = payment.posts.find((post) => post.path === '/3ds/notify')!;
    expect(decodeChallengeResponse(notify.fields.cres ?? '', ACS_TEST_SECRET)).toMatchObject({
      transStatus: 'Y',
      attempts: 0,
    });
    const checkout = page.frames().find((f) => f.url().startsWith(`${payment.origin}/frame`))!;
    expect(
      await checkout.evaluate(() => (window as unknown as { received: unknown[] }).received),
    ).toEqual([{ origin: new URL(acs.url).origin, data: { type: 'payframe:acs-ready' } }]);
    await page.close();
  });

  it('posts the 3DS-Method data straight back from a hidden iframe', async () => {
    const data = encodeMethodData({
      threeDSServerTransID: 'method-1',
      threeDSMethodNotificationURL: `${payment.origin}/3ds/method-notify`,
    });
    const page = await browser.newPage();
    await page.goto(merchantPage(acs.url, { method: data }), { waitUntil: 'commit' });
    await expect
      .poll(() => payment.posts.find((post) => post.path === '/3ds/method-notify'), POLL)
      .toEqual({ path: '/3ds/method-notify', fields: { threeDSMethodData: data } });
    await page.close();
  });

  it('is refused by the browser under a merchant page the ACS was not told about', async () => {
    const strict = await startTestAcs({ paymentOrigin: payment.origin });
    try {
      const page = await browser.newPage();
      const blocked = new Promise((resolve) =>
        page.on('console', (message) => {
          if (message.text().includes('frame-ancestors')) resolve(message.text());
        }),
      );
      const creq = creqFor({ notificationURL: `${payment.origin}/3ds/notify` });
      await page.goto(merchantPage(strict.url, { creq }), { waitUntil: 'commit' });
      expect(await blocked).toContain('frame-ancestors');
      await page.close();
    } finally {
      await strict.app.close();
    }
  });
});
