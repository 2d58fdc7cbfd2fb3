import {
  frameReadySchema,
  parseFrameMessage,
  parseWindowMessage,
  type FrameToHost,
  type HostToFrame,
} from '../protocol/frame-messages';
import { isOrigin } from './origin';

export interface HostChannelOptions {
  /** The frame's window (iframe.contentWindow or the popup); read when a message arrives. */
  frameWindow: () => Window | null;
  /** Exact origin of the payment server that serves the frame. */
  frameOrigin: string;
  /** Random id the host put in the frame's URL fragment. */
  channel: string;
  onMessage: (message: FrameToHost) => void;
  /** Called for every message dropped, with the reason and the dropped data, for logging. */
  onReject?: (reason: string, data: unknown) => void;
  /** The window that receives the frame's announcement (defaults to `window`). */
  hostWindow?: Window;
}

export interface HostChannel {
  /** Resolves once the frame has announced itself and received the port; never settles if
   * the channel is disposed first. */
  readonly connected: Promise<void>;
  /** Sends over the port; a message sent before `connected` or after `dispose()` is dropped. */
  send(message: HostToFrame): void;
  /** Stops listening and closes the port; safe to call twice. */
  dispose(): void;
}

/**
 * Host side of the handshake (DESIGN §3): waits for `payframe:frame-ready` from exactly the frame's
 * window at exactly the payment origin, then transfers one end of a MessageChannel. After that the
 * host listens only to its port.
 *
 * Throws when `frameOrigin` is not an exact origin, so a misconfiguration fails at once instead of
 * inside a message listener later.
 */
export function openHostChannel(options: HostChannelOptions): HostChannel {
  if (!isOrigin(options.frameOrigin)) {
    throw new TypeError(`frameOrigin must be an exact origin, got "${options.frameOrigin}"`);
  }
  const hostWindow = options.hostWindow ?? window;
  let port: MessagePort | undefined;
  let disposed = false;
  let resolveConnected!: () => void;
  const connected = new Promise<void>((resolve) => (resolveConnected = resolve));

  const onWindowMessage = (event: MessageEvent) => {
    const frame = options.frameWindow();
    // Without this, a message whose source is null would pass the source check against a frame
    // that is not attached yet.
    if (!frame) {
      options.onReject?.('our frame is not attached', event.data);
      return;
    }
    const parsed = parseWindowMessage(event, {
      origin: options.frameOrigin,
      source: frame,
      channel: options.channel,
      schema: frameReadySchema,
    });
    if (!parsed.ok) {
      options.onReject?.(parsed.reason, event.data);
      return;
    }
    hostWindow.removeEventListener('message', onWindowMessage);
    const pair = new MessageChannel();
    port = pair.port1;
    port.onmessage = (portEvent) => {
      const message = parseFrameMessage(portEvent);
      if (message.ok) options.onMessage(message.message);
      else options.onReject?.(message.reason, portEvent.data);
    };
    frame.postMessage({ type: 'payframe:connect', channel: options.channel }, options.frameOrigin, [
      pair.port2,
    ]);
    resolveConnected();
  };
  hostWindow.addEventListener('message', onWindowMessage);

  return {
    connected,
    send(message) {
      if (!disposed) port?.postMessage(message);
    },
    dispose() {
      disposed = true;
      hostWindow.removeEventListener('message', onWindowMessage);
      if (port) {
        port.onmessage = null;
        port.close();
      }
    },
  };
}
