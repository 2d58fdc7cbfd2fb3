import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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
    expect(page.notInlined).toBeUndefined();
    expect(page.html.slice(page.headEnd)).toMatch(/^<\/head><body>/);
  });

  it.each([
    ['a script holding </script>', 'console.log("</SCRIPT >")', 'a{}'],
    ['a script holding <!--', 'let a=1;a<!--b', 'a{}'],
    ['a script holding </head>', 'console.log("</head>")', 'a{}'],
    ['a stylesheet holding </style>', 'console.log(1)', 'a{content:"</style>"}'],
    ['a static import of a relative path', 'import{x}from"./chunk-1.js";x()', 'a{}'],
    ['a dynamic import of a parent path', 'import("../x.js")', 'a{}'],
  ])('serves the page as built, saying why, for %s', (_case, code, css) => {
    const { dir, html } = build(code, css);
    const page = inlineFramePage(dir, html);
    expect(page).toMatchObject({ html, scriptHashes: [], styleHashes: [] });
    expect(page.notInlined).toEqual(expect.any(String));
    expect(page.headEnd).toBe(html.indexOf('</head>'));
  });

  it('inlines a script whose markup only looks like an end tag (</header>, </scripts)', () => {
    const code = 'const a="</header></scripts>"';
    const { dir, html } = build(code);
    expect(inlineFramePage(dir, html).html).toContain(`<script type="module">${code}</script>`);
  });

  it('serves a page it does not recognise as built', () => {
    const { dir } = build('console.log(1)');
    const html = '<!doctype html><title>frame</title>';
    expect(inlineFramePage(dir, html)).toMatchObject({ html, headEnd: -1, scriptHashes: [] });
  });

  // `npm test` builds before it runs these: the page as Vite really writes it must be inlined.
  const webDir = join(import.meta.dirname, '..', '..', '..', 'dist', 'web');
  it.runIf(existsSync(join(webDir, 'index.html')))('inlines the real build', () => {
    const page = inlineFramePage(webDir, readFileSync(join(webDir, 'index.html'), 'utf8'));
    expect(page.notInlined).toBeUndefined();
    expect(page.html).not.toMatch(/<script[^>]* src=|<link rel="stylesheet"/);
    expect(page.html.slice(page.headEnd)).toMatch(/^<\/head>\s*<body>/);
  });
});
