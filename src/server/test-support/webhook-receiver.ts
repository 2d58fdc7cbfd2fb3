import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the receiver does with one delivery. */
export type Behaviour =
  | { status: number; headers?: Record<string, string>; body?: string }
  /** Never answers: the sender's timeout must end the attempt. */
  | 'hang'
  /** Drops the connection without an answer. */
  | 'reset';

export interface ReceivedDelivery {
  headers: IncomingHttpHeaders;
  body: string;
  /** `webhook-id`, for counting deliveries of one event. */
  id: string;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedDelivery[];
  /** Ids received, each once, in the order first seen. */
  ids(): string[];
  close(): Promise<void>;
}

/**
 * A merchant's webhook endpoint on loopback that misbehaves on purpose: `behave` picks what each
 * delivery gets (500, a timeout, 429 with Retry-After, 410, a dropped connection, 200).
 */
export async function startWebhookReceiver(
  behave: (delivery: ReceivedDelivery, index: number) => Behaviour = () => ({ status: 200 }),
): Promise<WebhookReceiver> {
  const received: ReceivedDelivery[] = [];
  const hanging = new Set<ServerResponse>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const delivery = {
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        id: String(request.headers['webhook-id'] ?? ''),
      };
      received.push(delivery);
      const behaviour = behave(delivery, received.length - 1);
      if (behaviour === 'hang') {
        hanging.add(response);
        return;
      }
      if (behaviour === 'reset') {
        request.socket.destroy();
        return;
      }
      response.writeHead(behaviour.status, behaviour.headers).end(behaviour.body ?? '{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    received,
    ids: () => [...new Set(received.map((d) => d.id))],
    close: async () => {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
