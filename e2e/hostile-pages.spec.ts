/* eslint-disable no-restricted-syntax -- the hostile scripts here post to "*" on purpose */
import { expect, test, type ConsoleMessage, type Frame, type Page } from '@playwright/test';
import { E2E_URLS } from './fixtures/urls';
import { spyOnPostMessage, type PostMessageRecord } from './fixtures/post-message-spy';
import { BankChallenge } from './models/bank-challenge';
import { ShopPage } from './models/shop-page';

/**
 * DESIGN §3's boundary against pages that are not the merchant's checkout: a page on an origin the
 * app does not allow, scripts that forge messages, a sibling iframe, and what the frame posts.
 *
 * `http://127.0.0.1:5273` serves the very same shop page as `http://localhost:5273`, but it is
 * another origin, and the demo app allows only the second.
 */
const HOSTILE_ORIGIN = E2E_URLS.shop.replace('localhost', '127.0.0.1');

const TERMINAL = ['payframe-success', 'payframe-failure', 'payframe-cancel'];

/** Every console line of the page and its frames, as text. */
function consoleOf(page: Page): string[] {
  const lines: string[] = [];
  page.on('console', (message: ConsoleMessage) => lines.push(message.text()));
  return lines;
}

/**
 * Holds the frame's `payframe:frame-ready` back from the host element until `release()`: while
 * held, the frame is still listening for a `payframe:connect`, the one moment a forged one could
 * matter, and the forgeries can be sent then rather than raced against the real handshake. The
 * held event is then dispatched again as it was (a script on the page can make any event its own
 * listeners see: the page is trusted, the frame's messages are what is checked).
 */
async function holdHandshake(page: Page) {
  await page.addInitScript((paymentOrigin) => {
    let held: MessageEvent | null = null;
    let releasing = false;
    addEventListener(
      'message',
      (event) => {
        const data = event.data as { type?: unknown } | null;
        if (releasing || event.origin !== paymentOrigin || data?.type !== 'payframe:frame-ready') {
          return;
        }
        event.stopImmediatePropagation();
        held = event;
      },
      true,
    );
    Object.assign(window, {
      __handshakeHeld: () => held !== null,
      __releaseHandshake: () => {
        if (!held) throw new Error('no frame-ready held');
        const { data, origin, source, ports } = held;
        releasing = true;
        dispatchEvent(new MessageEvent('message', { data, origin, source, ports: [...ports] }));
        releasing = false;
      },
    });
  }, E2E_URLS.payment);
  return {
    held: () =>
      expect
        .poll(() =>
          page.evaluate(() =>
            (window as unknown as { __handshakeHeld(): boolean }).__handshakeHeld(),
          ),
        )
        .toBe(true),
    release: () =>
      page.evaluate(() =>
        (window as unknown as { __releaseHandshake(): void }).__releaseHandshake(),
      ),
  };
}

/** The checkout token and channel id from the element's iframe address. */
async function frameAddress(shop: ShopPage): Promise<{ token: string; channel: string }> {
  const src = (await shop.checkout.host.locator('iframe').getAttribute('src')) ?? '';
  const url = new URL(src);
  const channel = new URLSearchParams(url.hash.slice(1)).get('channel') ?? '';
  return { token: url.pathname.split('/').at(-1) ?? '', channel };
}

test.describe('a page on an origin the app does not allow', () => {
  test('cannot frame the checkout: no form, no handshake, frame_load_failed', async ({ page }) => {
    // The host element waits 15 s for the frame before it reports the failure.
    test.setTimeout(45_000);
    const lines = consoleOf(page);
    const records = await spyOnPostMessage(page);
    const shop = new ShopPage(page, HOSTILE_ORIGIN);
    const framePage = page.waitForResponse((r) =>
      r.url().startsWith(`${E2E_URLS.payment}/checkout/`),
    );
    await shop.goto();
    await shop.add('Espresso beans, 1 kg');
    await shop.startCheckout();

    // The payment server answers, but only the allowed origin may frame the page.
    const csp = (await framePage).headers()['content-security-policy'] ?? '';
    expect(csp).toContain(`frame-ancestors ${E2E_URLS.shop}`);
    expect(csp).not.toContain(HOSTILE_ORIGIN);
    await expect
      .poll(() => lines.find((line) => line.includes('frame-ancestors')))
      .toMatch(/^Framing '[^']+' violates .*frame-ancestors.* The request has been blocked/);
    await expect(shop.checkout.cardNumber).toHaveCount(0);
    expect(page.frames().map((frame) => frame.url())).not.toContainEqual(
      expect.stringMatching(`^${E2E_URLS.payment}`),
    );

    await expect
      .poll(async () => (await shop.events()).map((e) => e.type), { timeout: 20_000 })
      .toEqual(['payframe-error']);
    expect((await shop.events())[0]?.detail).toMatchObject({ code: 'frame_load_failed' });
    await expect(page.locator('#shop-message')).toHaveText(/could not be loaded/);
    // No document of the payment origin ran a script here, and nothing reached the page from it.
    expect(records.filter((r) => r.origin === E2E_URLS.payment)).toEqual([]);
    expect(records.filter((r) => r.kind === 'received')).toEqual([]);
  });

  test('even where frame-ancestors is not enforced, the frame posts nothing to it', async ({
    page,
  }) => {
    // An older browser that ignores frame-ancestors, simulated by dropping the header.
    await page.route(`${E2E_URLS.payment}/checkout/*`, async (route) => {
      const response = await route.fetch();
      const headers = { ...response.headers() };
      delete headers['content-security-policy'];
      await route.fulfill({ response, headers });
    });
    const records = await spyOnPostMessage(page);
    const shop = new ShopPage(page, HOSTILE_ORIGIN);
    await shop.goto();
    await shop.add('Espresso beans, 1 kg');
    await shop.startCheckout();

    // Named honestly in the fragment, the hostile origin is refused by the frame itself.
    await expect(
      shop.checkout.frame.getByText('This page is not allowed to show this checkout'),
    ).toBeVisible();
    await expect(shop.checkout.cardNumber).toHaveCount(0);

    // Lying, the fragment names the allowed origin: the frame announces itself to exactly that
    // origin, so the browser delivers nothing to this page.
    const { token } = await frameAddress(shop);
    await page.evaluate(
      ({ payment, token, shop }) => {
        const iframe = document.createElement('iframe');
        iframe.title = 'Lying frame';
        iframe.src = `${payment}/checkout/${token}#origin=${encodeURIComponent(shop)}&channel=liar-channel-0001`;
        document.body.append(iframe);
      },
      { payment: E2E_URLS.payment, token, shop: E2E_URLS.shop },
    );
    await expect
      .poll(() => records.filter((r) => r.kind === 'window' && r.origin === E2E_URLS.payment))
      .toEqual([
        expect.objectContaining({ type: 'payframe:frame-ready', targetOrigin: E2E_URLS.shop }),
      ]);
    // Messages from one window to another arrive in the order posted: once a later message from
    // the same frame has arrived, the announcement would have too, had the browser delivered it.
    const liar = page.frames().find((frame) => frame.url().includes('liar-channel'));
    if (!liar) throw new Error('the lying frame is not in the page');
    await liar.evaluate(() => parent.postMessage({ type: 'test:sentinel' }, '*'));
    await expect
      .poll(() =>
        records
          .filter((r) => r.kind === 'received' && r.origin === HOSTILE_ORIGIN)
          .map((r) => `${r.targetOrigin} ${r.type}`),
      )
      .toEqual([`${E2E_URLS.payment} test:sentinel`]);
    expect((await shop.events()).map((e) => e.type)).toEqual([]);
  });
});

/** The checkout frame (a Playwright `Frame`), for test probes inside it. */
function checkoutFrameOf(page: Page): Frame {
  const frame = page.frames().find((f) => f.url().startsWith(`${E2E_URLS.payment}/checkout/`));
  if (!frame) throw new Error('no checkout frame in the page');
  return frame;
}

/**
 * Resolves once `receiver` has dispatched every message `sender` posted to it before this call:
 * messages from one window to another arrive in the order posted.
 */
async function drained(sender: Frame | Page, receiver: Frame | Page, targetOrigin: string) {
  await receiver.evaluate(() => {
    Object.assign(window, { __drained: false });
    addEventListener('message', (event) => {
      if ((event.data as { type?: string } | null)?.type === 'test:drain') {
        Object.assign(window, { __drained: true });
      }
    });
  });
  const targetIsSelf = sender === receiver;
  await sender.evaluate(
    ({ self, origin }) => {
      const target = self
        ? window
        : (document.querySelector('payframe-checkout')?.shadowRoot?.querySelector('iframe')
            ?.contentWindow ?? null);
      target?.postMessage({ type: 'test:drain' }, origin);
    },
    { self: targetIsSelf, origin: targetOrigin },
  );
  await expect
    .poll(() => receiver.evaluate(() => (window as unknown as { __drained: boolean }).__drained))
    .toBe(true);
}

test.describe('a script on the merchant page', () => {
  // A script on the page can always dispatch a `payframe-success` CustomEvent of its own: the page
  // is the merchant's, and the event is a convenience its server checks (validate). What is
  // proved here is that the element never emits a terminal event from messages it did not get
  // from its own frame, and that the frame does not act on them.
  test('forging frame messages gets no terminal event and moves no money', async ({
    page,
    request,
  }) => {
    const lines = consoleOf(page);
    const handshake = await holdHandshake(page);
    const shop = new ShopPage(page);
    await shop.goto();
    await shop.add('Espresso beans, 1 kg');
    await shop.startCheckout();
    await handshake.held();
    const { token, channel } = await frameAddress(shop);
    const summary = async () =>
      (await request.get(`${E2E_URLS.payment}/v1/checkout/${token}`)).json() as Promise<{
        invoice_id: string;
        status: string;
        payment_id: string | null;
      }>;
    const { invoice_id: invoiceId } = await summary();

    const forge = (phase: 'handshake' | 'connected') =>
      page.evaluate(
        ({ phase, channel, invoiceId }) => {
          const iframe = document
            .querySelector('payframe-checkout')
            ?.shadowRoot?.querySelector('iframe');
          const frame = iframe?.contentWindow;
          if (!frame) throw new Error('no checkout iframe');
          const result = {
            type: 'result',
            outcome: 'succeeded',
            invoiceId,
            paymentId: 'pay_forged',
          };
          // To the page itself, as the frame would post its messages.
          window.postMessage(result, '*');
          window.postMessage({ type: 'payframe:frame-ready', channel }, '*');
          window.postMessage({ type: 'payframe:connect', channel }, '*');
          // Into the checkout frame. (A connect with the real channel id while the frame waits
          // for one would be this page connecting itself: the page is the host's equal. Once the
          // real host is connected, not even that is heard.)
          const { port2 } = new MessageChannel();
          const connectTo = phase === 'handshake' ? 'forged-channel-0001' : channel;
          frame.postMessage({ type: 'payframe:connect', channel: connectTo }, '*', [port2]);
          frame.postMessage(result, '*');
          frame.postMessage({ type: 'close' }, '*');
        },
        { phase, channel, invoiceId },
      );

    await forge('handshake');
    // The host and the frame were listening, and said why they dropped each one.
    const dropped = (who: string, reason: string) =>
      lines.filter((line) => line === `${who} ${reason}`).length;
    await expect
      .poll(() => dropped('[payframe] message dropped:', 'not from the expected origin'))
      .toBe(3);
    await expect
      .poll(() => dropped('[payframe] dropped a message:', 'not for our channel'))
      .toBe(1);
    await expect
      .poll(() => dropped('[payframe] dropped a message:', 'malformed "result" message'))
      .toBe(1);
    await expect
      .poll(() => dropped('[payframe] dropped a message:', 'malformed "close" message'))
      .toBe(1);

    await handshake.release();
    await expect
      .poll(async () => (await shop.events()).map((e) => e.type))
      .toEqual(['payframe-ready']);
    await forge('connected');
    await drained(page, page, E2E_URLS.shop);
    await drained(page, checkoutFrameOf(page), E2E_URLS.payment);

    expect((await shop.events()).map((e) => e.type)).toEqual(['payframe-ready']);
    await expect(shop.checkout.cardNumber).toBeEditable();
    await expect(shop.checkout.payButton).toBeEnabled();
    await expect(shop.checkout.alert).toHaveCount(0);
    await expect(shop.confirmation).toBeHidden();
    expect(await summary()).toMatchObject({ status: 'open', payment_id: null });

    // The real frame still pays, and its one success names the real payment.
    await shop.checkout.pay({ number: '4242 4242 4242 4242' });
    await expect(shop.confirmation).toBeVisible();
    const paid = await summary();
    expect(paid).toMatchObject({ status: 'paid', payment_id: expect.stringMatching(/^pay_/) });
    const terminal = (await shop.events()).filter((e) => TERMINAL.includes(e.type));
    expect(terminal).toEqual([
      { type: 'payframe-success', detail: { invoiceId, paymentId: paid.payment_id } },
    ]);
  });
});

test.describe('a sibling iframe in the merchant page', () => {
  test('cannot connect to the checkout frame, and the real host still pays', async ({ page }) => {
    const lines = consoleOf(page);
    const handshake = await holdHandshake(page);
    const shop = new ShopPage(page);
    await shop.goto();
    await shop.add('Espresso beans, 1 kg');
    await shop.startCheckout();
    await handshake.held();
    const { channel } = await frameAddress(shop);
    // Made-up channel ids, and the real one as if it had leaked.
    const channels = [channel, 'forged-channel-0001', 'AAAAAAAAAAAAAAAA'];

    // A third party's widget, sandboxed on an opaque origin, and a frame of the shop's own origin.
    const siblings = { opaque: 'sibling-opaque', shopOrigin: 'sibling-shop-origin' } as const;
    await page.evaluate((names) => {
      for (const name of Object.values(names)) {
        const iframe = document.createElement('iframe');
        iframe.name = name;
        if (name === names.opaque) iframe.sandbox.value = 'allow-scripts';
        iframe.srcdoc = '<p>A sibling</p>';
        document.body.append(iframe);
      }
    }, siblings);
    const sibling = async (name: string) => {
      await expect.poll(() => page.frame({ name })?.url()).toBe('about:srcdoc');
      const frame = page.frame({ name });
      if (!frame) throw new Error(`no frame ${name}`);
      return frame;
    };
    /** Offers a port to each window, announces itself to the page as the frame would. */
    const offer = (frame: Frame, to: 'every-frame' | 'checkout-frame') =>
      frame.evaluate(
        ({ to, channels }) => {
          const received: unknown[] = [];
          Object.assign(window, { __received: received });
          const targets: Window[] = [];
          if (to === 'checkout-frame') {
            const iframe = parent.document
              .querySelector('payframe-checkout')
              ?.shadowRoot?.querySelector('iframe');
            if (iframe?.contentWindow) targets.push(iframe.contentWindow);
          } else {
            for (let i = 0; i < parent.frames.length; i++) {
              const target = parent.frames[i];
              if (target && target !== window) targets.push(target);
            }
          }
          for (const target of targets) {
            for (const channel of channels) {
              const { port1, port2 } = new MessageChannel();
              port1.onmessage = (event) => received.push(event.data);
              target.postMessage({ type: 'payframe:connect', channel }, '*', [port2]);
            }
          }
          for (const channel of channels) {
            parent.postMessage({ type: 'payframe:frame-ready', channel }, '*');
          }
          return { framesVisible: parent.frames.length, targets: targets.length };
        },
        { to, channels },
      );

    // The opaque sibling cannot even name the checkout frame: it sits in the element's shadow
    // root, and Chromium lists only document-tree frames in `window.frames` (here: the two
    // siblings). What it can reach, it offers ports to.
    expect(await offer(await sibling(siblings.opaque), 'every-frame')).toEqual({
      framesVisible: 2,
      targets: 1,
    });
    // A frame of the shop's own origin reaches it through the page's DOM, and names the origin the
    // frame expects: it is still not the frame's parent.
    expect(await offer(await sibling(siblings.shopOrigin), 'checkout-frame')).toEqual({
      framesVisible: 2,
      targets: 1,
    });

    const dropped = (who: string, reason: string) =>
      lines.filter((line) => line === `${who} ${reason}`).length;
    await expect
      .poll(() => dropped('[payframe] dropped a message:', 'not from our window'))
      .toBe(3);
    await expect
      .poll(() => dropped('[payframe] message dropped:', 'not from the expected origin'))
      .toBe(6);

    await handshake.release();
    await expect
      .poll(async () => (await shop.events()).map((e) => e.type))
      .toEqual(['payframe-ready']);
    await shop.checkout.pay({ number: '4242 4242 4242 4242' });
    await expect(shop.confirmation).toBeVisible();
    const terminal = (await shop.events()).filter((e) => TERMINAL.includes(e.type));
    expect(terminal.map((e) => e.type)).toEqual(['payframe-success']);
    // The frame sent ready, its height, its phases and the result: none of it on a sibling's port.
    for (const name of Object.values(siblings)) {
      const received = await (
        await sibling(name)
      ).evaluate(() => (window as unknown as { __received: unknown[] }).__received);
      expect(received).toEqual([]);
    }
  });
});

test.describe('what the frame posts', () => {
  test('every postMessage names an exact origin, through a 3-D Secure payment', async ({
    page,
  }) => {
    const records = await spyOnPostMessage(page);
    const shop = new ShopPage(page);
    await shop.checkOut('Espresso beans, 1 kg');
    await shop.checkout.pay({ number: '4000 0000 0000 3220' });
    const bank = new BankChallenge(shop.checkout);
    await bank.expectShown('Payframe Coffee', '€24.90');
    await bank.enter('1234');
    await expect(shop.confirmation).toBeVisible();
    const terminal = (await shop.events()).filter((e) => TERMINAL.includes(e.type));
    expect(terminal.map((e) => e.type)).toEqual(['payframe-success']);
    await expect
      .poll(() => records.some((r) => r.kind === 'port' && r.type === 'result'))
      .toBe(true);

    const posts = records.filter((r) => r.kind !== 'received');
    const windowPosts = (origin: string, where: (path: string) => boolean = () => true) =>
      posts.filter(
        (r) => r.kind === 'window' && r.origin === origin && where(new URL(r.href).pathname),
      );
    const summary = (list: PostMessageRecord[]) => list.map((r) => `${r.type} → ${r.targetOrigin}`);
    const targets = (list: PostMessageRecord[]) => new Set(list.map((r) => r.targetOrigin));
    const inCheckout = (path: string) => path.startsWith('/checkout/');

    // Nothing, anywhere, was posted to "*".
    expect(posts.filter((r) => r.targetOrigin === '*')).toEqual([]);

    // The checkout frame posts to windows only to the shop, and spoke on its port besides.
    const checkoutPosts = windowPosts(E2E_URLS.payment, inCheckout);
    expect(summary(checkoutPosts)).toContain(`payframe:frame-ready → ${E2E_URLS.shop}`);
    expect(targets(checkoutPosts)).toEqual(new Set([E2E_URLS.shop]));
    const portTypes = posts
      .filter((r) => r.kind === 'port' && r.origin === E2E_URLS.payment)
      .map((r) => r.type);
    expect(portTypes).toEqual(expect.arrayContaining(['ready', 'resize', 'state', 'result']));

    // The payment server's 3-D Secure pages tell the frame, on their own origin.
    const threeDsPosts = windowPosts(E2E_URLS.payment, (path) => !inCheckout(path));
    expect(summary(threeDsPosts)).toContain(`payframe:challenge-complete → ${E2E_URLS.payment}`);
    expect(targets(threeDsPosts)).toEqual(new Set([E2E_URLS.payment]));

    // The issuer's page (cross-origin, in its own process) posts to the payment origin only.
    const acsPosts = windowPosts(E2E_URLS.acs);
    expect(summary(acsPosts)).toContain(`payframe:acs-ready → ${E2E_URLS.payment}`);
    expect(targets(acsPosts)).toEqual(new Set([E2E_URLS.payment]));

    // embed.js, in the shop's page, posts to the payment origin only.
    const hostPosts = windowPosts(E2E_URLS.shop);
    expect(summary(hostPosts)).toEqual([`payframe:connect → ${E2E_URLS.payment}`]);

    // The spy missed nothing: every window message any document received is a recorded call.
    const received = records.filter((r) => r.kind === 'received');
    expect(received.length).toBeGreaterThanOrEqual(4);
    for (const message of received) {
      expect(
        posts.some(
          (r) =>
            r.kind === 'window' && r.origin === message.targetOrigin && r.type === message.type,
        ),
        `${message.type} from ${message.targetOrigin} to ${message.href}`,
      ).toBe(true);
    }
  });
});
