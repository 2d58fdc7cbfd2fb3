import { Payframe, type PayframeOptions } from '../index';
import { cardBody, startTestServer, type TestServer } from '../../server/test-support/test-server';
import { sqliteTestStore, type TestStore } from '../../server/test-support/test-stores';

/** The real payment server on loopback (SQLite) and SDK clients for its seeded app. */
export interface SdkTestServer {
  server: TestServer;
  store: TestStore;
  client(options?: Partial<PayframeOptions>): Payframe;
  /** Pays a checkout the way the frame does, over HTTP; answers the payment id. */
  confirm(token: string, card?: string): Promise<string>;
  invoiceCount(): Promise<number>;
  eventTypes(): Promise<string[]>;
  close(): Promise<void>;
}

export async function startSdkTestServer(): Promise<SdkTestServer> {
  const store = await sqliteTestStore();
  const server = await startTestServer(store);
  return {
    server,
    store,
    client: (options = {}) =>
      new Payframe({ secretKey: server.secretKey, baseUrl: server.url, ...options }),
    confirm: async (token, card = '4242424242424242') => {
      const answer = await fetch(`${server.url}/v1/checkout/${token}/confirm`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(cardBody(card)),
      });
      const result = (await answer.json()) as { status: unknown; payment_id: string };
      if (result.status !== 'succeeded') throw new Error(`confirm: ${JSON.stringify(result)}`);
      return result.payment_id;
    },
    invoiceCount: async () =>
      (await store.store.db.selectFrom('invoices').select('id').execute()).length,
    eventTypes: async () =>
      (await server.services.store.listEvents(server.appId)).map((event) => event.type),
    close: async () => {
      await server.close();
      await store.dispose();
    },
  };
}
