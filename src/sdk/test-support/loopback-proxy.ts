import { createServer, connect, type AddressInfo, type Socket } from 'node:net';

export interface LoopbackProxy {
  /** Base URL to hand the SDK instead of the server's. */
  url: string;
  /** Answers the server sent that never reached the client. */
  readonly dropped: number;
  /**
   * The next answer from the server is not delivered: the client's socket is destroyed the moment
   * it arrives, so the server did the work and the client saw a network error.
   */
  dropNextAnswer(): void;
  /** The next request is answered with this status without ever reaching the server. */
  answerNextWith(status: number, headers?: Record<string, string>): void;
  close(): Promise<void>;
}

/** A TCP proxy on loopback in front of `target`, able to lose or replace one answer on demand. */
export async function startLoopbackProxy(target: string): Promise<LoopbackProxy> {
  const { hostname, port } = new URL(target);
  const sockets = new Set<Socket>();
  let dropNext = false;
  let dropped = 0;
  let canned: string | null = null;

  const server = createServer((client) => {
    const upstream = connect(Number(port), hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.on('data', (chunk) => {
      if (canned === null) return void upstream.write(chunk);
      upstream.destroy();
      client.end(canned);
      canned = null;
    });
    upstream.on('data', (chunk) => {
      if (!dropNext) return void client.write(chunk);
      dropNext = false;
      dropped++;
      client.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${address.port}`,
    get dropped() {
      return dropped;
    },
    dropNextAnswer: () => {
      dropNext = true;
    },
    answerNextWith: (status, headers = {}) => {
      const lines = Object.entries({ ...headers, 'content-length': '0', connection: 'close' });
      canned = `HTTP/1.1 ${status} Proxy\r\n${lines.map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n`;
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
