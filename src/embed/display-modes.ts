import { INITIAL_FRAME_HEIGHT } from './constants';

/** How the checkout is shown. Only `inline` exists so far; the others report `unsupported_mode`. */
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
  /** Removes the frame and its listeners. */
  dispose(): void;
}

export interface FrameViewOptions {
  /** The frame could not be loaded. */
  onError: () => void;
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

/** The modes implemented so far; a mode is added by adding its view here. */
export const frameViews: ReadonlyMap<string, (options: FrameViewOptions) => FrameView> = new Map([
  [DisplayMode.inline, createInlineView],
]);
