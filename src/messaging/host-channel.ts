import {
  frameReadySchema,
  parseFrameMessage,
  parseWindowMessage,
  type FrameToHost,
  type HostToFrame,
} from '../protocol/frame-messages';

export interface HostChannelOptions {
  /** The frame's window (iframe.contentWindow or the popup); read when a message arrives. */
  frameWindow: () => Window | null;
  /** Exact origin of the payment server that serves the frame. */
  frameOrigin: string;
  /** Random id the host put in the frame's URL fragment. */
  channel: string;
  onMessage: (message: FrameToHost) => void;
  /** Called with the reason for every message dropped, for logging. */
  onReject?: (reason: string) => void;
  /** The window that receives the frame's announcement (defaults to `window`). */
  hostWindow?: Window;
}

export interface HostChannel {
  /** Resolves once the frame has announced itself and received the port. */
  readonly connected: Promise<void>;
  send(message: HostToFrame): void;
  /** Stops listening and closes the port; safe to call twice. */
  dispose(): void;
}

/**
 * Host side of the handshake (DESIGN §3): waits for `payframe:frame-ready` from exactly the frame's
 * window at exactly the payment origin, then transfers one end of a MessageChannel. After that the
 * host listens only to its port.
 */
export function openHostChannel(options: HostChannelOptions): HostChannel {
  const hostWindow = options.hostWindow ?? window;
  let port: MessagePort | undefined;
  let disposed = false;
  let resolveConnected!: () => void;
  const connected = new Promise<void>((resolve) => (resolveConnected = resolve));

  const onWindowMessage = (event: MessageEvent) => {
    if (port) return;
    const parsed = parseWindowMessage(event, {
      origin: options.frameOrigin,
      source: options.frameWindow(),
      channel: options.channel,
      schema: frameReadySchema,
    });
    if (!parsed.ok) {
      options.onReject?.(parsed.reason);
      return;
    }
    const target = options.frameWindow();
    if (!target) return;
    const pair = new MessageChannel();
    port = pair.port1;
    port.onmessage = (portEvent) => {
      const message = parseFrameMessage(portEvent);
      if (message.ok) options.onMessage(message.message);
      else options.onReject?.(message.reason);
    };
    target.postMessage({ type: 'payframe:connect', channel: options.channel }, options.frameOrigin, [
      pair.port2,
    ]);
    hostWindow.removeEventListener('message', onWindowMessage);
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
