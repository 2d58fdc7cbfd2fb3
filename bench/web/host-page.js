// The merchant page's script in `npm run bench:web`. `benchInsert` puts one checkout (embed.js and
// <payframe-checkout>) or one bare iframe into the page and resolves with the time, on this page's
// clock, from the insertion to the arrival of field-probe.js's message saying the card-number field
// in the frame took the focus, with the frame's own milestones. Times are in milliseconds.

/** The frame element whose window is `source`, in the page or in the checkout's shadow root. */
function frameOf(source) {
  const checkout = document.querySelector('payframe-checkout');
  const frames = [
    ...document.querySelectorAll('iframe'),
    ...(checkout?.shadowRoot?.querySelectorAll('iframe') ?? []),
  ];
  return frames.find((frame) => frame.contentWindow === source);
}

function shown(frame) {
  const box = frame.getBoundingClientRect();
  return frame.checkVisibility() && box.width > 0 && box.height > 0 && box.top < innerHeight;
}

window.benchInsert = ({ kind, paymentOrigin, token, timeoutMs }) =>
  new Promise((resolve, reject) => {
    const slot = document.getElementById('slot');
    const marks = {};
    let start = 0;
    let field;
    const end = (error) => {
      clearTimeout(timer);
      removeEventListener('message', onMessage);
      if (error) reject(error);
      else resolve({ ...field, ...marks });
    };
    const timer = setTimeout(
      () => end(new Error(`no focusable card field after ${timeoutMs} ms (${kind})`)),
      timeoutMs,
    );
    // A checkout is measured once its frame is also connected (payframe-ready), so a sample
    // never ends on a form that could not pay; the time taken is still the field's.
    const maybeEnd = () => field && (kind === 'bare' || marks.readyMs !== undefined) && end();
    const onMessage = (event) => {
      if (event.origin !== paymentOrigin || event.data?.type !== 'payframe-bench-focusable') return;
      const at = performance.now();
      if (field) return;
      const frame = frameOf(event.source);
      if (!frame || !shown(frame)) return end(new Error('the field is in a frame the page hides'));
      const { sinceFrameStart, sentAt, documentMs, resources } = event.data;
      // The frame's milestones move onto this page's clock through the system clock both
      // processes' time origins come from; the measured time itself never depends on it.
      const frameStartMs = sentAt - sinceFrameStart - (performance.timeOrigin + start);
      field = {
        ms: at - start,
        frameStartMs,
        sinceFrameStart,
        documentMs,
        resources,
        messageMs: at - start - (frameStartMs + sinceFrameStart),
      };
      maybeEnd();
    };
    addEventListener('message', onMessage);

    if (kind === 'payframe') {
      const checkout = document.createElement('payframe-checkout');
      checkout.setAttribute('token', token);
      checkout.addEventListener('payframe-ready', () => {
        marks.readyMs = performance.now() - start;
        maybeEnd();
      });
      checkout.addEventListener('payframe-error', (event) =>
        end(new Error(`payframe-error ${event.detail.code}: ${event.detail.message}`)),
      );
      const script = document.createElement('script');
      script.src = `${paymentOrigin}/embed.js`;
      script.crossOrigin = 'anonymous';
      script.addEventListener('error', () => end(new Error('embed.js did not load')));
      void customElements
        .whenDefined('payframe-checkout')
        .then(() => (marks.definedMs = performance.now() - start));
      start = performance.now();
      slot.append(checkout);
      document.head.append(script);
    } else {
      // Laid out as the inline checkout lays out its frame (CSSOM: the CSP has no 'unsafe-inline').
      const frame = document.createElement('iframe');
      frame.title = 'Card number (bench baseline)';
      Object.assign(frame.style, { display: 'block', width: '100%', height: '320px', border: '0' });
      frame.src = `${paymentOrigin}/bench/plain-input/${encodeURIComponent(token)}`;
      start = performance.now();
      slot.append(frame);
    }
  });
