import { INITIAL_FRAME_HEIGHT } from './constants';

/** How the checkout is shown; `popup` is not available yet and reports `unsupported_mode`. */
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
}

function createInlineView({ onError }: FrameViewOptions): FrameView {
  const iframe = document.createElement('iframe');
  iframe.title = 'Secure payment form';
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

/** The element focused now, looking into shadow roots, to give the focus back later. */
function focused(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}

/** Overlays open on this page, and the page's own `overflow` from before the first. */
let overlaysOpen = 0;
let pageOverflow = '';

/**
 * A modal dialog over the page: `showModal` makes the rest of the page inert (the focus stays in
 * the checkout) and the page does not scroll behind it. Escape, a click on the backdrop and the
 * close button ask to leave (`onDismiss`); whether that cancels is the frame's call, since a
 * payment may be under way. Hiding gives the focus back to where it was.
 */
function createOverlayView(options: FrameViewOptions): FrameView {
  const frame = createInlineView(options);
  const dialog = document.createElement('dialog');
  dialog.setAttribute('part', 'overlay');
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'close';
  close.setAttribute('aria-label', 'Close the checkout');
  close.textContent = '×';
  dialog.setAttribute('aria-label', 'Secure payment');
  dialog.append(close, frame.content as Node);
  const dismiss = (event: Event) => {
    event.preventDefault();
    options.onDismiss();
  };
  close.addEventListener('click', dismiss);
  // Escape: the dialog's own closing is held back until the frame agrees. Chromium may close a
  // dialog on a second Escape without asking (`cancel` is not cancelable then), so the key is
  // taken first, and a dialog closed anyway is shown again.
  dialog.addEventListener('keydown', (event) => event.key === 'Escape' && dismiss(event));
  dialog.addEventListener('cancel', dismiss);
  dialog.addEventListener('close', () => restore && dialog.showModal());
  // A click on the backdrop lands on the dialog itself; its content covers the rest of it.
  dialog.addEventListener('click', (event) => event.target === dialog && dismiss(event));
  let restore: { focus: HTMLElement | null } | null = null;
  const hide = () => {
    if (!restore) return;
    const { focus } = restore;
    restore = null;
    dialog.close();
    if (--overlaysOpen === 0) document.documentElement.style.overflow = pageOverflow;
    if (focus?.isConnected) focus.focus();
  };
  return {
    ...frame,
    content: dialog,
    show: () => {
      if (restore || !dialog.isConnected) return;
      restore = { focus: focused() };
      // Several overlays may be open at once: the page scrolls again when the last one closes.
      if (overlaysOpen++ === 0) pageOverflow = document.documentElement.style.overflow;
      document.documentElement.style.overflow = 'hidden';
      dialog.showModal();
    },
    hide,
    dispose: () => {
      hide();
      frame.dispose();
      dialog.remove();
    },
  };
}

/** The modes shown in a frame on this page; `redirect` leaves the page instead. */
export const frameViews: ReadonlyMap<string, (options: FrameViewOptions) => FrameView> = new Map([
  [DisplayMode.inline, createInlineView],
  [DisplayMode.overlay, createOverlayView],
]);
