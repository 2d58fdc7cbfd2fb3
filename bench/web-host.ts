import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HostPage {
  /** `http://localhost:{port}`: another site than the payment server's. */
  origin: string;
  close(): Promise<void>;
}

const HOST_SCRIPT = readFileSync(new URL('./web/host-page.js', import.meta.url));

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Merchant page · npm run bench:web</title>
    <link rel="icon" href="data:," />
    <script src="/host-page.js"></script>
  </head>
  <body>
    <main id="slot"></main>
  </body>
</html>
`;

/**
 * The merchant page of `npm run bench:web`, on its own loopback port: an empty page whose script
 * (`web/host-page.js`) inserts the checkout or the baseline frame when the bench asks. Its CSP is
 * what a strict merchant would send: scripts and frames from itself and the payment server only.
 * The payment server's origin is read per request, since that server starts after this one.
 */
export async function startHostPage(paymentOrigin: () => string): Promise<HostPage> {
  const server = createServer((request, response) => {
    const csp = [
      "default-src 'none'",
      `script-src 'self' ${paymentOrigin()}`,
      `frame-src ${paymentOrigin()}`,
      "style-src 'self'",
      "img-src 'self' data:",
      "base-uri 'none'",
    ].join('; ');
    const common = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
    if (request.url === '/') {
      response.writeHead(200, {
        ...common,
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': csp,
      });
      response.end(PAGE);
    } else if (request.url === '/host-page.js') {
      response.writeHead(200, { ...common, 'content-type': 'text/javascript; charset=utf-8' });
      response.end(HOST_SCRIPT);
    } else {
      response.writeHead(404, common).end();
    }
  });
  // Loopback only; the page is named `localhost`, the payment server `127.0.0.1` (see web.ts).
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://localhost:${(server.address() as AddressInfo).port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
