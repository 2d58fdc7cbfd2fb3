import { z } from 'zod';
import { allowedOrigins, createMerchantApp } from '../src/server/domain/apps';
import { loadEnv } from '../src/server/env';
import { tokenParams } from '../src/server/routes/checkout.routes';
import { checkoutPageCsp } from '../src/server/routes/security-headers';
import { buildServer } from '../src/server/start-server';
import { serveForBench } from './child-server';

/**
 * The payment server for `npm run bench:web`, built as `main.ts` builds it, with one merchant app
 * allowed on the bench's merchant page (`BENCH_HOST_ORIGIN`) and one route the real server never
 * has: `GET /bench/plain-input/{token}`, the baseline of DESIGN §11's time-to-focusable budget. It
 * does what `GET /checkout/{token}` does (the same lookups, CSP and headers), but its page is one
 * plain input and no script, so the two differ only in what the frame loads and runs.
 */
const { BENCH_HOST_ORIGIN: hostOrigin } = z
  .object({ BENCH_HOST_ORIGIN: z.url() })
  .parse(process.env);
const env = loadEnv();
const { app, services } = await buildServer(env);
const merchant = await createMerchantApp(services, {
  name: 'Bench Coffee',
  allowedOrigins: [hostOrigin],
});

const PLAIN_INPUT_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="referrer" content="no-referrer" />
    <title>Card number · bench baseline</title>
    <link rel="icon" href="data:," />
  </head>
  <body>
    <label>Card number <input name="number" autocomplete="cc-number" inputmode="numeric" /></label>
  </body>
</html>
`;

app.get('/bench/plain-input/:token', async (request, reply) => {
  const parsed = tokenParams.safeParse(request.params);
  const invoice = parsed.success
    ? await services.store.findInvoiceByToken(parsed.data.token)
    : undefined;
  const owner = invoice ? await services.store.findApp(invoice.app_id) : undefined;
  return reply
    .header(
      'content-security-policy',
      checkoutPageCsp({
        acsOrigin: env.PAYFRAME_ACS_URL,
        frameAncestors: owner ? allowedOrigins(owner) : [],
      }),
    )
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(PLAIN_INPUT_PAGE);
});

await serveForBench(app, { secretKey: merchant.secretKey });
