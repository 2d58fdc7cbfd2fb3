import {
  connectSchema,
  parseHostMessage,
  parseWindowMessage,
  type FrameToHost,
  type HostToFrame,
} from '../protocol/frame-messages';
import { HANDSHAKE_TIMEOUT, HANDSHAKE_TIMEOUT_MS } from './constants';

export interface FrameChannelOptions {
  /** The window that embeds or opened the frame (window.parent or window.opener). */
  hostWindow: Window;
  /** The host page's origin, from the URL fragment, already checked against the allowed origins. */
  hostOrigin: string;
  channel: string;
  onMessage: (message: HostToFrame) => void;
  onReject?: (reason: string) => void;
  /** The frame's own window (defaults to `window`). */
  selfWindow?: Window;
  timeoutMs?: number;
}

export interface FrameChannel {
  send(message: FrameToHost): void;
  dispose(): void;
}

/**
 * Frame side of the handshake: announces itself to the host at its exact origin and waits for
 * the port. Rejects with `handshake_timeout` when no host answers in time.
 */
export function connectToHost(options: FrameChannelOptions): Promise<FrameChannel> {
  const self = options.selfWindow ?? window;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      self.removeEventListener('message', onWindowMessage);
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
        options.onReject?.(parsed.reason);
        return;
      }
      const port = event.ports[0];
      if (!port) {
        options.onReject?.('connect without a port');
        return;
      }
      clearTimeout(timer);
      self.removeEventListener('message', onWindowMessage);
      port.onmessage = (portEvent) => {
        const message = parseHostMessage(portEvent);
        if (message.ok) options.onMessage(message.message);
        else options.onReject?.(message.reason);
      };
      resolve({
        send: (message) => port.postMessage(message),
        dispose: () => {
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
