/**
 * The element's styles, adopted by its shadow root: a constructed sheet, which a page's CSP
 * without `'unsafe-inline'` allows (no `<style>` element, no style attribute).
 */
const css = `
  :host {
    display: block;
  }
  :host([hidden]) {
    display: none;
  }
  iframe {
    display: block;
    width: 100%;
    border: 0;
    /* The frame's own page is light; a different scheme here (a dark page) would make the browser
       paint the frame's transparent background opaque. Its theme is the appearance's business. */
    color-scheme: light;
  }
  dialog {
    width: min(30rem, 100vw - 2rem);
    max-height: calc(100dvh - 2rem);
    padding: 0;
    border: 0;
    border-radius: 12px;
    overflow: auto;
    box-shadow: 0 1rem 3rem rgb(0 0 0 / 0.3);
  }
  dialog::backdrop {
    background: rgb(15 18 25 / 0.55);
  }
  dialog[part='veil'] {
    color-scheme: light;
    color: #1a1d24;
    background: #fff;
    padding: 1.5rem;
    text-align: center;
    font: 1rem/1.5 system-ui, sans-serif;
  }
  dialog[part='veil'] button {
    margin: 0.25rem;
    padding: 0.5rem 1rem;
    border: 1px solid #4a5160;
    border-radius: 6px;
    background: #fff;
    color: inherit;
    font: inherit;
    cursor: pointer;
  }
  .close {
    position: absolute;
    inset-block-start: 0.25rem;
    inset-inline-end: 0.25rem;
    width: 2.5rem;
    height: 2.5rem;
    border: 0;
    border-radius: 50%;
    background: transparent;
    color: #4a5160;
    font-size: 1.5rem;
    cursor: pointer;
  }
  .close:focus-visible {
    outline: 3px solid #2f6fed;
  }
`;

let sheet: CSSStyleSheet | undefined;

/** One sheet shared by every checkout on the page. */
export function styleSheet(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  }
  return sheet;
}
