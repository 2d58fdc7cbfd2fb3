import { INITIAL_FRAME_HEIGHT } from './constants';
import { speak, type HostStrings } from './host-strings';
import { button, modal } from './modal';
import { createPopupView } from './popup-view';

/** How the checkout is shown. */
export const DisplayMode = {
  inline: 'inline',
  overlay: 'overlay',
  popup: 'popup',
  redirect: 'redirect',
} as const;
export type DisplayMode = (typeof DisplayMode)[keyof typeof DisplayMode];

/** Where one display mode puts the checkout frame. */
export interface FrameView {
  /** The frame's window, for the handshake's source check; null until it exists. */
  frameWindow(): Window | null;
  /** What the element renders in its shadow root. */
  readonly content: unknown;
  /** Starts loading the checkout; called after the host channel listens. */
  load(src: string): void;
  resize(height: number): void;
  /** Shows a view that can be hidden (the overlay); the inline frame is always shown. */
  show?(): void;
  /** Hides it again, giving back the page's scroll and the focus it had. */
  hide?(): void;
  /** Removes the frame and its listeners. */
  dispose(): void;
}

export interface FrameViewOptions {
  /** The frame could not be loaded. */
  onError: () => void;
  /** The shopper asked to leave: Escape, a click on the backdrop, the close button. */
  onDismiss: () => void;
  /** Popup: `window.open` gave nothing (a popup blocker). */
  onBlocked: () => void;
  /** Popup: the window is gone, closed by the shopper or its link to this page cut (COOP). */
  onClosed: () => void;
  /** Popup: a window opened for it already, in the click handler, before the token was known. */
  window?: Window | null | undefined;
  /** The words shown around the frame, in the checkout's language. */
  strings: HostStrings;
}

function createInlineView({ onError, strings }: FrameViewOptions): FrameView {
  const iframe = document.createElement('iframe');
  iframe.title = strings.frameTitle;
  iframe.allow = 'payment';
  iframe.setAttribute('part', 'frame');
  // Obsolete but still honoured: the frame reports its height, so it never needs to scroll.
  iframe.setAttribute('scrolling', 'no');
  // CSSOM rather than a style attribute, so a merchant CSP without 'unsafe-inline' allows it.
  iframe.style.height = `${INITIAL_FRAME_HEIGHT}px`;
  iframe.addEventListener('error', onError);
  return {
    frameWindow: () => iframe.contentWindow,
    content: iframe,
    load: (src) => (iframe.src = src),
    resize: (height) => (iframe.style.height = `${Math.ceil(height)}px`),
    dispose: () => {
      iframe.removeEventListener('error', onError);
      iframe.remove();
    },
  };
}

/** The checkout frame in a modal dialog over the page, with a close button. */
function createOverlayView(options: FrameViewOptions): FrameView {
  const frame = createInlineView(options);
  const dialog = speak(document.createElement('dialog'), options.strings);
  dialog.setAttribute('part', 'overlay');
  dialog.setAttribute('aria-label', options.strings.overlayLabel);
  const shown = modal(dialog, options.onDismiss);
  const close = button('×', shown.dismiss, options.strings.close);
  close.className = 'close';
  dialog.append(close, frame.content as Node);
  return {
    ...frame,
    content: dialog,
    show: shown.show,
    hide: shown.hide,
    dispose: () => {
      shown.hide();
      frame.dispose();
      dialog.remove();
    },
  };
}

/** The modes shown in a frame on this page; `redirect` leaves the page instead. */
export const frameViews: ReadonlyMap<string, (options: FrameViewOptions) => FrameView> = new Map([
  [DisplayMode.inline, createInlineView],
  [DisplayMode.overlay, createOverlayView],
  [DisplayMode.popup, createPopupView],
]);
