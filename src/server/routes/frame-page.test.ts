import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inlineFramePage } from './frame-page';

/** A build laid out as Vite writes the checkout's: index.html naming one script and one stylesheet. */
function build(code: string, css = 'body{margin:0}') {
  const dir = mkdtempSync(join(tmpdir(), 'payframe-frame-page-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'assets', 'checkout-a1B2.js'), code);
  writeFileSync(join(dir, 'assets', 'checkout-c3D4.css'), css);
  const html =
    '<!doctype html><html><head><title>Checkout</title>' +
    '<script type="module" crossorigin src="/assets/checkout-a1B2.js"></script>\n' +
    '<link rel="stylesheet" crossorigin href="/assets/checkout-c3D4.css">' +
    '</head><body><payframe-checkout-app></payframe-checkout-app></body></html>';
  return { dir, html };
}

const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('inlineFramePage', () => {
  it('writes the entry script and stylesheet into the page, allowed by their hashes', () => {
    const code = 'const m=await import(`./de-XyZ1.js`);console.log("$&",m)';
    const { dir, html } = build(code);
    const page = inlineFramePage(dir, html);
    const inlined = 'const m=await import(`/assets/de-XyZ1.js`);console.log("$&",m)';
    expect(page.html).toContain(`<script type="module">${inlined}</script>`);
    expect(page.html).toContain('<style>body{margin:0}</style>');
    expect(page.html).not.toContain('/assets/checkout-');
    expect(page.scriptHashes).toEqual([hash(inlined)]);
    expect(page.styleHashes).toEqual([hash('body{margin:0}')]);
  });

  it.each([
    ['a script holding </script>', 'console.log("</SCRIPT>")', 'a{}'],
    ['a script holding <!--', 'let a=1;a<!--b', 'a{}'],
    ['a stylesheet holding </style>', 'console.log(1)', 'a{content:"</style>"}'],
  ])('serves the page as built for %s', (_case, code, css) => {
    const { dir, html } = build(code, css);
    expect(inlineFramePage(dir, html)).toEqual({ html, scriptHashes: [], styleHashes: [] });
  });

  it('serves a page it does not recognise as built', () => {
    const { dir } = build('console.log(1)');
    const html = '<!doctype html><title>frame</title>';
    expect(inlineFramePage(dir, html)).toEqual({ html, scriptHashes: [], styleHashes: [] });
  });
});
