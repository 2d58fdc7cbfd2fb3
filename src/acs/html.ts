// The issuer's pages use the same escaping template tag as the payment server's pages.
export { escapeHtml, html, SafeHtml } from '../server/html';
