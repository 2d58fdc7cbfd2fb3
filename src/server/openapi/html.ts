import { escapeHtml, SafeHtml } from '../html';

export { escapeHtml, html, join, SafeHtml } from '../html';

/** Text with `code spans`, as the registry's descriptions are written. */
export function prose(text: string): SafeHtml {
  return new SafeHtml(escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>'));
}
