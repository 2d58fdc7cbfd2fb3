import {
  connectSchema,
  parseHostMessage,
  parseWindowMessage,
  type FrameToHost,
  type HostToFrame,
} from '../protocol/frame-messages';
import { HANDSHAKE_TIMEOUT, HANDSHAKE_TIMEOUT_MS } from './constants';
import { isOrigin } from './origin';

export interface FrameChannelOptions {
  /** The window that embeds or opened the frame (window.parent or window.opener). */
  hostWindow: Window;
  /** The host page's origin, from the URL fragment, already checked against the allowed origins. */
  hostOrigin: string;
  channel: string;
  onMessage: (message: HostToFrame) => void;
  /** Called for every message dropped, with the reason and the dropped data, for logging. */
  onReject?: (reason: string, data: unknown) => void;
  /** The frame's own window (defaults to `window`). */
  selfWindow?: Window;
  timeoutMs?: number;
}

export interface FrameChannel {
  /** Sends over the port; a message sent after `dispose()` is dropped. */
  send(message: FrameToHost): void;
  /** Closes the port; safe to call twice. */
  dispose(): void;
}

/**
 * Frame side of the handshake: announces itself to the host at its exact origin and waits for
 * the port. Rejects with `handshake_timeout` when no host answers in time, and at once when
 * `hostOrigin` is not an exact origin.
 */
export function connectToHost(options: FrameChannelOptions): Promise<FrameChannel> {
  const self = options.selfWindow ?? window;
  return new Promise((resolve, reject) => {
    if (!isOrigin(options.hostOrigin)) {
      reject(new TypeError(`hostOrigin must be an exact origin, got "${options.hostOrigin}"`));
      return;
    }
    const stop = () => {
      clearTimeout(timer);
      self.removeEventListener('message', onWindowMessage);
    };
    const timer = setTimeout(() => {
      stop();
      reject(new Error(HANDSHAKE_TIMEOUT));
    }, options.timeoutMs ?? HANDSHAKE_TIMEOUT_MS);

    const onWindowMessage = (event: MessageEvent) => {
      const parsed = parseWindowMessage(event, {
        origin: options.hostOrigin,
        source: options.hostWindow,
        channel: options.channel,
        schema: connectSchema,
      });
      if (!parsed.ok) {
        options.onReject?.(parsed.reason, event.data);
        return;
      }
      const port = event.ports[0];
      if (!port) {
        options.onReject?.('connect without a port', event.data);
        return;
      }
      stop();
      let disposed = false;
      port.onmessage = (portEvent) => {
        const message = parseHostMessage(portEvent);
        if (message.ok) options.onMessage(message.message);
        else options.onReject?.(message.reason, portEvent.data);
      };
      resolve({
        send: (message) => {
          if (!disposed) port.postMessage(message);
        },
        dispose: () => {
          disposed = true;
          port.onmessage = null;
          port.close();
        },
      });
    };
    self.addEventListener('message', onWindowMessage);
    options.hostWindow.postMessage(
      { type: 'payframe:frame-ready', channel: options.channel },
      options.hostOrigin,
    );
  });
}
