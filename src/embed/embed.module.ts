/**
 * Entry of `embed.mjs`, the host script as an ES module for pages that import rather than load a
 * script tag: `const { open } = await import('https://pay.example/embed.mjs')`. Importing it
 * defines `<payframe-checkout>`, with the payment origin taken from the module's own URL.
 */
import './module-origin';

export * from './embed';
