// Added by `npm run bench:web` to every frame before the frame's own scripts run (Playwright's
// addInitScript). In a subframe it watches for the card-number input (autocomplete="cc-number",
// in the document or any shadow root, open or closed) and, the first moment it is focusable, tells
// the parent page. Focusable: connected, enabled and writable, rendered (checkVisibility, a box)
// inside the frame's viewport, and focus() makes it the frame's active element through every
// shadow root. It checks when the DOM changes (a MutationObserver on the document and on every
// shadow root as it is attached) and, once the input exists but is not yet focusable, every 4 ms.
(() => {
  if (window === window.top) return;
  const SELECTOR = 'input[autocomplete="cc-number"]';
  const POLL_MS = 4;
  const roots = [document];
  let done = false;
  let poll;
  const observer = new MutationObserver(() => check());
  const options = { childList: true, subtree: true, attributes: true };
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, init);
    roots.push(root);
    observer.observe(root, options);
    return root;
  };
  observer.observe(document, options);

  function find() {
    for (const root of roots) {
      const input = root.querySelector(SELECTOR);
      if (input?.isConnected) return input;
    }
    return undefined;
  }

  /** The input is its root's active element, that root's host the next one's, up to document. */
  function focused(input) {
    for (let node = input; ; node = node.getRootNode().host) {
      const root = node.getRootNode();
      if (root.activeElement !== node) return false;
      if (root === document) return true;
    }
  }

  function focusable(input) {
    if (input.disabled || input.readOnly || !input.checkVisibility({ visibilityProperty: true })) {
      return false;
    }
    const box = input.getBoundingClientRect();
    const shown = box.width > 0 && box.height > 0;
    if (!shown || box.bottom <= 0 || box.right <= 0 || box.top >= innerHeight) return false;
    if (box.left >= innerWidth) return false;
    input.focus({ preventScroll: true });
    return focused(input);
  }

  function check() {
    if (done) return;
    const input = find();
    if (!input) return;
    if (!focusable(input)) {
      poll ??= setInterval(check, POLL_MS);
      return;
    }
    const sinceFrameStart = performance.now();
    done = true;
    clearInterval(poll);
    observer.disconnect();
    Element.prototype.attachShadow = attachShadow;
    // What the frame fetched, from its navigation start: its document's first byte, and when each
    // subresource (scripts, styles, API answers) was in.
    const [navigation] = performance.getEntriesByType('navigation');
    const resources = performance
      .getEntriesByType('resource')
      .map((entry) => [new URL(entry.name).pathname, entry.responseEnd]);
    parent.postMessage(
      {
        type: 'payframe-bench-focusable',
        sinceFrameStart,
        sentAt: performance.timeOrigin + sinceFrameStart,
        documentMs: navigation?.responseStart ?? 0,
        resources,
      },
      location.ancestorOrigins[0],
    );
  }
})();
