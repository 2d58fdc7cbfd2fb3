import { connectToHost, type FrameChannel } from '../messaging/frame-channel';
import type { ErrorCode } from '../protocol/error-codes';
import type { FrameToHost, HostToFrame, Phase, ResultMessage } from '../protocol/frame-messages';

/** The protocol caps `resize.height`; a taller page scrolls inside the frame instead. */
const MAX_HEIGHT = 10_000;

export interface HostLinkOptions {
  /** The host page's origin, already checked against the checkout's allowed origins. */
  origin: string;
  channel: string;
  onMessage: (message: HostToFrame) => void;
  /**
   * What the host must make room for. Measured rather than the document, whose height is the
   * frame's own height whenever a style stretches it (`html { height: 100% }`), and then could
   * never shrink.
   */
  content: Element;
  /** Defaults to the embedding parent, or the opener for a popup. */
  hostWindow?: Window | null;
}

/**
 * The frame's side of the conversation with the host page: the handshake, then `ready`, phase
 * changes, results and the page height. Messages sent before the handshake completes are queued,
 * so a shopper who pays quickly still produces exactly the messages a slow one would.
 */
export class HostLink {
  #options: HostLinkOptions;
  #channel: FrameChannel | null = null;
  /** Null once nothing can be delivered any more (no host, handshake failed, disposed). */
  #queue: FrameToHost[] | null = [];
  #phase: Phase | null = null;
  #height = -1;
  #observer: ResizeObserver | null = null;

  constructor(options: HostLinkOptions) {
    this.#options = options;
  }

  /** Resolves when connected, or when it is clear no host will answer (logged, not thrown). */
  async connect(): Promise<void> {
    const { origin, channel, onMessage } = this.#options;
    const hostWindow =
      this.#options.hostWindow !== undefined
        ? this.#options.hostWindow
        : window.parent !== window
          ? window.parent
          : (window.opener as Window | null);
    if (!hostWindow) return this.#giveUp('no parent or opener window to talk to');
    try {
      this.#channel = await connectToHost({
        hostWindow,
        hostOrigin: origin,
        channel,
        onMessage,
        onReject: (reason) => console.debug('[payframe] dropped a message:', reason),
      });
    } catch (error) {
      return this.#giveUp(String(error));
    }
    if (this.#queue === null) return this.#channel.dispose();
    this.#channel.send({ type: 'ready' });
    for (const message of this.#queue) this.#channel.send(message);
    this.#queue = [];
    // Measured now as well: Chromium does not run ResizeObserver in an off-screen cross-origin
    // frame, so a checkout mounted below the fold would otherwise keep its initial height until
    // scrolled into view, and then jump.
    this.#sendHeight();
    this.#observer = new ResizeObserver(() => this.#sendHeight());
    this.#observer.observe(this.#options.content);
    // Keys typed in the frame never reach the host page: Escape is passed on, so an overlay can
    // offer to close as it does when the focus is on its own button.
    addEventListener('keydown', this.#onKey);
  }

  #onKey = (event: KeyboardEvent): void => {
    // Not an Escape that ends a composition (an IME), nor a held key's repeats.
    if (event.key !== 'Escape' || event.isComposing || event.repeat || event.defaultPrevented) {
      return;
    }
    this.#channel?.send({ type: 'escape' });
  };

  /** Tells the host the phase, once per change. */
  setPhase(phase: Phase | null): void {
    if (phase === null || phase === this.#phase) return;
    this.#phase = phase;
    this.#post({ type: 'state', phase });
  }

  sendResult(result: ResultMessage): void {
    this.#post(result);
  }

  /** Tells the host about an integration problem it can fix (`invalid_appearance`). */
  sendError(code: ErrorCode, message: string): void {
    this.#post({ type: 'error', code, message });
  }

  dispose(): void {
    removeEventListener('keydown', this.#onKey);
    this.#observer?.disconnect();
    this.#channel?.dispose();
    this.#channel = null;
    this.#queue = null;
  }

  #post(message: FrameToHost): void {
    if (this.#channel) this.#channel.send(message);
    else this.#queue?.push(message);
  }

  #sendHeight(): void {
    const { bottom } = this.#options.content.getBoundingClientRect();
    const height = Math.min(Math.ceil(bottom + window.scrollY), MAX_HEIGHT);
    if (height === this.#height) return;
    this.#height = height;
    this.#channel?.send({ type: 'resize', height });
  }

  #giveUp(reason: string): void {
    // The page still works for the shopper; only the host's notifications are lost.
    console.warn('[payframe] no connection to the host page:', reason);
    this.#queue = null;
  }
}
