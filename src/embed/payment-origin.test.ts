import { describe, expect, test } from 'vitest';
import { originOfScript, scriptPaymentOrigin } from './payment-origin';

function script(src?: string): HTMLScriptElement {
  const element = document.createElement('script');
  if (src !== undefined) element.src = src;
  return element;
}

describe('originOfScript', () => {
  test('is the origin the script was loaded from', () => {
    expect(originOfScript(script('http://localhost:4000/embed.js'))).toBe('http://localhost:4000');
    expect(originOfScript(script('https://pay.example/embed/v1.abc.js?x=1'))).toBe(
      'https://pay.example',
    );
  });

  test('resolves a relative src against the page', () => {
    expect(originOfScript(script('/embed.js'))).toBe(location.origin);
  });

  test.each([
    ['no current script', null],
    ['an inline script', script()],
    ['a data: script', script('data:text/javascript,1')],
    ['an SVG script', document.createElementNS('http://www.w3.org/2000/svg', 'script')],
  ])('is undefined for %s', (_, element) => {
    expect(originOfScript(element)).toBeUndefined();
  });

  test('is undefined when loaded as a module, where there is no current script', () => {
    expect(scriptPaymentOrigin).toBeUndefined();
  });
});

describe('useModuleOrigin', () => {
  test('embed.mjs takes the payment origin from its own URL', async () => {
    // A fresh copy of the module, so the shared one stays as the other tests expect it.
    const fresh = (await import(`./payment-origin?module-test=${Date.now()}`)) as {
      scriptPaymentOrigin: string | undefined;
      useModuleOrigin: (url: string) => void;
    };
    expect(fresh.scriptPaymentOrigin).toBeUndefined();
    fresh.useModuleOrigin('https://pay.example/embed.mjs');
    expect(fresh.scriptPaymentOrigin).toBe('https://pay.example');
  });
});
