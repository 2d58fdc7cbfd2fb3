import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeMethodData } from '../server/three-ds/messages';
import {
  PAYMENT_ORIGIN,
  attributeOf,
  autosubmitTarget,
  creqFor,
  hiddenField,
  startTestAcs,
  tagsOf,
  type PageResponse,
  type TestAcs,
} from './acs-test-server';
import { createAcsApp } from './create-acs-app';

let acs: TestAcs;
beforeAll(async () => {
  acs = await startTestAcs();
});
afterAll(async () => {
  await acs.app.close();
});

const methodData = (notifyUrl = `${PAYMENT_ORIGIN}/3ds/method-notify`) =>
  encodeMethodData({ threeDSServerTransID: 'tx-1', threeDSMethodNotificationURL: notifyUrl });

async function openAndAnswer(fields: Record<string, string>, locale = 'en') {
  const creq = creqFor({ locale });
  const form = await acs.post('/challenge', { creq });
  return acs.post('/challenge/answer', {
    acsTransID: hiddenField(form.html, 'acsTransID')!,
    ...fields,
  });
}

describe('security headers', () => {
  it('sends the strict CSP, no-referrer, nosniff and no-store on every HTML page', async () => {
    const pages: Record<string, PageResponse> = {
      landing: await acs.get('/'),
      challenge: await acs.post('/challenge', { creq: creqFor() }),
      wrongCode: await openAndAnswer({ code: '0000' }),
      result: await openAndAnswer({ code: '1234' }),
      invalid: await acs.post('/challenge', { creq: 'x' }),
      unknown: await acs.post('/challenge/answer', { acsTransID: 'nope', code: '1' }),
      method: await acs.post('/3ds-method', { threeDSMethodData: methodData() }),
      notFound: await acs.get('/nowhere'),
    };
    for (const [name, page] of Object.entries(pages)) {
      const csp = page.headers.get('content-security-policy');
      expect(page.headers.get('content-type'), name).toMatch(/^text\/html/);
      expect(csp, name).toBe(
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
          `form-action 'self' ${PAYMENT_ORIGIN}; frame-ancestors ${PAYMENT_ORIGIN}; base-uri 'none'`,
      );
      expect(csp, name).not.toContain('unsafe-inline');
      expect(page.headers.get('referrer-policy'), name).toBe('no-referrer');
      expect(page.headers.get('x-content-type-options'), name).toBe('nosniff');
      expect(page.headers.get('cache-control'), name).toBe('no-store');
      expect(page.html, name).not.toMatch(/<script(?![^>]*\bsrc=)/);
      expect(page.html, name).not.toMatch(/<style|\sstyle=/);
      expect(page.html, name).not.toMatch(/\son[a-z]+=/);
    }
  });

  it('lists merchant pages in frame-ancestors and form-action', async () => {
    const app = await createAcsApp({
      secret: 'x'.repeat(32),
      paymentOrigins: ['http://localhost:4000/'],
      merchantOrigins: ['http://localhost:5173'],
    });
    const page = await app.inject({ method: 'GET', url: '/' });
    expect(page.headers['content-security-policy']).toContain(
      "form-action 'self' http://localhost:4000 http://localhost:5173; frame-ancestors http://localhost:4000 http://localhost:5173;",
    );
    await app.close();
  });

  it('refuses options without a long secret or with a payment URL that is not an origin', async () => {
    await expect(
      createAcsApp({ secret: 'short', paymentOrigins: [PAYMENT_ORIGIN] }),
    ).rejects.toThrow(/secret/);
    await expect(
      createAcsApp({ secret: 'x'.repeat(32), paymentOrigins: [`${PAYMENT_ORIGIN}/3ds`] }),
    ).rejects.toThrow(/origin/);
  });

  it('serves the script and stylesheet as separate, long-cached files', async () => {
    const page = await acs.post('/challenge', { creq: creqFor() });
    const [script] = tagsOf(page.html, 'script').map((tag) => attributeOf(tag, 'src'));
    const [stylesheet] = tagsOf(page.html, 'link').map((tag) => attributeOf(tag, 'href'));
    expect(script).toMatch(/^\/acs\.js\?v=/);
    expect(stylesheet).toMatch(/^\/acs\.css\?v=/);
    const js = await fetch(acs.url + script);
    const css = await fetch(acs.url + stylesheet);
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    for (const response of [js, css]) {
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
    expect(await js.text()).toContain("postMessage({ type: 'payframe:acs-ready' }, parentOrigin)");
  });
});

describe('form bodies', () => {
  it('refuses bodies over 16 KiB', async () => {
    const page = await acs.post('/challenge', { creq: 'a'.repeat(17 * 1024) });
    expect(page.status).toBe(413);
    expect(page.html).toContain('This verification request is not valid');
  });

  it('takes only form posts', async () => {
    const response = await fetch(`${acs.url}/challenge`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ creq: creqFor() }),
    });
    expect(response.status).toBe(415);
    expect(await response.text()).not.toContain('Confirm your payment');
  });
});

describe('localisation', () => {
  it('shows Arabic right to left, with the language set', async () => {
    const page = await acs.post('/challenge', { creq: creqFor({ locale: 'ar' }) });
    expect(page.html).toContain('<html lang="ar" dir="rtl">');
    expect(page.html).toContain('تأكيد الدفع');
  });

  it('picks German for de-DE, amount formatted the German way', async () => {
    const page = await acs.post('/challenge', { creq: creqFor({ locale: 'de-DE' }) });
    expect(page.html).toContain('<html lang="de" dir="ltr">');
    expect(page.html).toContain('Zahlung bestätigen');
    expect(page.html).toContain('Geben Sie den Einmalcode ein');
    expect(page.html).toContain('42,00\u00a0€');
  });

  it('localises the wrong-code error', async () => {
    const fr = await openAndAnswer({ code: '0000' }, 'fr-FR');
    expect(fr.html).toContain('Code incorrect. Il reste 2 essais.');
    const ja = await openAndAnswer({ code: '0000' }, 'ja');
    expect(ja.html).toContain('あと2回入力できます');
  });

  it('falls back to English for a language it does not have', async () => {
    const page = await acs.post('/challenge', { creq: creqFor({ locale: 'pt-BR' }) });
    expect(page.html).toContain('<html lang="en" dir="ltr">');
    expect(page.html).toContain('Confirm your payment');
  });

  it('shows pages without a creq in the browser language', async () => {
    const page = await acs.post(
      '/challenge',
      { creq: 'x' },
      { 'accept-language': 'es-ES,en;q=0.5' },
    );
    expect(page.html).toContain('Esta solicitud de verificación no es válida');
  });

  it('formats amounts with the currency exponent', async () => {
    const yen = await acs.post('/challenge', {
      creq: creqFor({ purchaseAmount: 4200, purchaseCurrency: 'JPY' }),
    });
    expect(yen.html).toContain('¥4,200');
    const dinar = await acs.post('/challenge', {
      creq: creqFor({ purchaseAmount: 4200, purchaseCurrency: 'KWD' }),
    });
    expect(dinar.html).toContain('4.200');
  });
});

describe('escaping', () => {
  it('escapes the merchant name and every other text from the creq', async () => {
    const page = await acs.post('/challenge', {
      creq: creqFor({
        merchantName: '<script>alert(1)</script> & "Shop"',
        cardBrand: '<img src=x>',
      }),
    });
    expect(page.status).toBe(200);
    expect(page.html).not.toContain('<script>alert(1)');
    expect(page.html).not.toContain('<img src=x>');
    expect(page.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Shop&quot;');
    expect(page.html).toContain('&lt;img src=x&gt;');
  });
});

describe('POST /3ds-method', () => {
  it('posts the method data straight back to the notification URL', async () => {
    const data = methodData();
    const page = await acs.post('/3ds-method', { threeDSMethodData: data });
    expect(page.status).toBe(200);
    expect(autosubmitTarget(page.html)).toBe(`${PAYMENT_ORIGIN}/3ds/method-notify`);
    expect(hiddenField(page.html, 'threeDSMethodData')).toBe(data);
  });

  it('refuses invalid method data', async () => {
    const page = await acs.post('/3ds-method', { threeDSMethodData: 'garbage' });
    expect(page.status).toBe(400);
    expect(autosubmitTarget(page.html)).toBeUndefined();
  });

  it('refuses a notification URL that is not on a payment origin', async () => {
    const page = await acs.post('/3ds-method', {
      threeDSMethodData: methodData('https://attacker.example/collect'),
    });
    expect(page.status).toBe(400);
    expect(autosubmitTarget(page.html)).toBeUndefined();
  });
});

describe('health', () => {
  it('answers /healthz', async () => {
    const response = await fetch(`${acs.url}/healthz`);
    expect(await response.json()).toEqual({ ok: true });
  });
});
