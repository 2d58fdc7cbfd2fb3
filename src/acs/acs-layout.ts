import { ACS_ASSET_URLS } from './acs-assets';
import type { AcsLanguage, AcsStrings } from './acs-i18n';
import { html, type SafeHtml } from './html';

const BANK_NAME = 'Payframe Test Bank';

/** The bank's mark: a columned building, drawn with presentation attributes (no styles). */
const logo = html`<svg
  class="bank-logo"
  viewBox="0 0 32 32"
  width="28"
  height="28"
  aria-hidden="true"
  focusable="false"
>
  <rect width="32" height="32" rx="8" fill="#0b3d91" />
  <path d="M16 6 26 11.5H6z" fill="#ffffff" />
  <path d="M8.5 13.5h3v8h-3zm5.75 0h3.5v8h-3.5zm6.25 0h3v8h-3zM6.5 23h19v3h-19z" fill="#ffffff" />
</svg>`;

export interface PageOptions {
  language: AcsLanguage;
  strings: AcsStrings;
  title: string;
  /** Classes on `<body>`: the page kind and its EMVCo window size (`size-01` … `size-05`). */
  bodyClass: string;
  /** The payment page's origin, for the script's ready message to the parent window. */
  parentOrigin?: string;
  main: SafeHtml;
}

/** A whole issuer page: the bank's header, the page's content and the test-bank note. */
export function renderPage(options: PageOptions): string {
  const { strings } = options;
  const parent = options.parentOrigin
    ? html` data-parent-origin="${options.parentOrigin}"`
    : undefined;
  return html`<!doctype html>
    <html lang="${options.language}" dir="${strings.dir}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>${options.title} · ${BANK_NAME}</title>
        <link rel="stylesheet" href="${ACS_ASSET_URLS.stylesheet}" />
        <script src="${ACS_ASSET_URLS.script}" defer></script>
      </head>
      <body class="${options.bodyClass}" ${parent}>
        <div class="shell">
          <header class="bank">${logo}<span class="bank-name">${BANK_NAME}</span></header>
          <main class="content">${options.main}</main>
          <footer class="note">${strings.simulated}</footer>
        </div>
      </body>
    </html> `.value;
}

/** A page that only explains something: an invalid, unknown or finished verification. */
export function renderMessagePage(options: {
  language: AcsLanguage;
  strings: AcsStrings;
  sizeClass: string;
  title: string;
  body: string;
}): string {
  return renderPage({
    ...options,
    bodyClass: `message ${options.sizeClass}`,
    main: html`<h1>${options.title}</h1>
      <p>${options.body}</p>`,
  });
}
