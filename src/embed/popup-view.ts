import type { FrameView, FrameViewOptions } from './display-modes';
import { speak } from './host-strings';
import { button, modal } from './modal';

/** Room for the issuer's challenge (EMVCo window size 03, 500 × 600) and the frame around it. */
const WIDTH = 520;
const HEIGHT = 720;

/** `window.open` features for a window centred over this one. */
export function popupFeatures(): string {
  const left = Math.max(0, screenX + (outerWidth - WIDTH) / 2);
  const top = Math.max(0, screenY + (outerHeight - HEIGHT) / 2);
  return `popup,width=${WIDTH},height=${HEIGHT},left=${Math.round(left)},top=${Math.round(top)}`;
}

/** Opens the checkout's window at once; call it in the click handler, before any `await`. */
export function openPopupWindow(url = ''): Window | null {
  return window.open(url, '_blank', popupFeatures());
}

/**
 * The checkout in its own window, opened by `show()` (so in the shopper's click), with a veil over
 * the page that says where the payment goes on: a button brings the window back to the front, and
 * Cancel asks to leave as the overlay's close button does. A window the browser refused is
 * `onBlocked`; one that is gone (closed, or its link to this page cut) is `onClosed`.
 */
export function createPopupView(options: FrameViewOptions): FrameView {
  const { strings } = options;
  const veil = speak(document.createElement('dialog'), strings);
  veil.setAttribute('part', 'veil');
  veil.setAttribute('aria-label', strings.veilLabel);
  // Escape or a click beside the veil looks for the window rather than leaving: only Cancel does.
  const shown = modal(veil, () => popup?.focus());
  const text = document.createElement('p');
  text.id = 'veil-text';
  text.textContent = strings.veilText;
  veil.setAttribute('aria-describedby', text.id);
  const front = button(strings.veilShow, () => popup?.focus());
  veil.append(text, front, button(strings.cancel, options.onDismiss));
  let src = '';
  let popup: Window | null = null;
  let watch: ReturnType<typeof setInterval> | undefined;
  const hide = () => {
    clearInterval(watch);
    shown.hide();
    if (popup && !popup.closed) popup.close();
  };
  return {
    frameWindow: () => popup,
    content: veil,
    load: (url) => (src = url),
    resize: () => {},
    show: () => {
      if (popup) return popup.focus();
      // A window opened in the click for this checkout is used, even when that gave nothing.
      popup = options.window !== undefined ? options.window : openPopupWindow(src);
      if (!popup) return options.onBlocked();
      if (options.window) popup.location.replace(src);
      shown.show();
      front.focus();
      watch = setInterval(() => {
        if (!popup?.closed) return;
        clearInterval(watch);
        text.textContent = strings.veilClosed;
        front.hidden = true;
        options.onClosed();
      }, 250);
    },
    hide,
    dispose: () => {
      hide();
      veil.remove();
    },
  };
}
