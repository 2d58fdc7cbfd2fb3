import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { createAcsApp } from '../src/acs/create-acs-app';
import { createMerchantApp } from '../src/server/domain/apps';
import type { Services } from '../src/server/domain/services';
import { loadEnv } from '../src/server/env';
import { buildServer } from '../src/server/start-server';
import { generateVaultKey } from '../src/server/vault/vault';
import { createShopApp } from './shop-server';

/**
 * `npm start`: the payment server, the simulated issuer and the demo shop on their own origins,
 * on an embedded SQLite database under the data folder, with a demo merchant app seeded.
 */
const ports = z
  .object({
    PAYFRAME_PORT: z.coerce.number().int().default(4000),
    PAYFRAME_ACS_PORT: z.coerce.number().int().default(4001),
    DEMO_PORT: z.coerce.number().int().default(5173),
    PAYFRAME_DATA_DIR: z.string().default('data'),
  })
  .parse(process.env);
const dataDir = ports.PAYFRAME_DATA_DIR;
mkdirSync(dataDir, { recursive: true });

// The vault key is generated once for development and kept in the git-ignored data folder.
const keyFile = join(dataDir, 'vault.key');
if (!process.env.PAYFRAME_VAULT_KEY && !existsSync(keyFile)) {
  writeFileSync(keyFile, generateVaultKey(), { mode: 0o600 });
}
const paymentUrl = `http://localhost:${ports.PAYFRAME_PORT}`;
const acsUrl = `http://127.0.0.1:${ports.PAYFRAME_ACS_PORT}`;
const shopUrl = `http://localhost:${ports.DEMO_PORT}`;
const webhookUrl = `${shopUrl}/api/webhooks`;
const env = loadEnv({
  PAYFRAME_PUBLIC_URL: paymentUrl,
  PAYFRAME_ACS_URL: acsUrl,
  PAYFRAME_LOG_LEVEL: 'warn',
  PAYFRAME_ENABLE_TEST_CLOCK: 'true',
  ...process.env,
  PAYFRAME_PORT: String(ports.PAYFRAME_PORT),
  PAYFRAME_DATA_DIR: dataDir,
  PAYFRAME_VAULT_KEY: process.env.PAYFRAME_VAULT_KEY ?? readFileSync(keyFile, 'utf8').trim(),
  // The payment server and the simulated issuer run together here, so they share a fresh secret.
  PAYFRAME_ACS_SECRET: process.env.PAYFRAME_ACS_SECRET ?? randomBytes(32).toString('base64url'),
});

const demoAppSchema = z.object({
  app_id: z.string(),
  name: z.string(),
  allowed_origins: z.array(z.string()),
  publishable_key: z.string(),
  secret_key: z.string(),
  webhook_secret: z.string(),
  form_secret: z.string(),
});
type DemoApp = z.infer<typeof demoAppSchema>;

/** Reuses the seeded app when the database still has it for the same shop origin. */
async function seedDemoApp(services: Services): Promise<DemoApp> {
  const file = join(dataDir, 'demo-app.json');
  if (existsSync(file)) {
    const saved = demoAppSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (
      saved.success &&
      saved.data.allowed_origins.includes(shopUrl) &&
      (await services.store.findApp(saved.data.app_id))
    ) {
      // The shop's port may have changed since; its endpoint follows.
      await services.store.setWebhookUrl(saved.data.app_id, webhookUrl);
      return saved.data;
    }
  }
  const created = await createMerchantApp(services, {
    name: 'Payframe Coffee',
    allowedOrigins: [shopUrl],
    webhookUrl,
  });
  const demo: DemoApp = {
    app_id: created.app.id,
    name: created.app.name,
    allowed_origins: [shopUrl],
    publishable_key: created.publishableKey,
    secret_key: created.secretKey,
    webhook_secret: created.webhookSecret,
    form_secret: created.formSecret,
  };
  writeFileSync(file, `${JSON.stringify(demo, null, 2)}\n`, { mode: 0o600 });
  return demo;
}

const { app: paymentServer, services } = await buildServer(env);
const demo = await seedDemoApp(services);
// The demo shop frames the checkout, which frames the issuer's page: Chromium checks every
// ancestor against the ACS's frame-ancestors, so the shop is named there too.
const acs = await createAcsApp({
  secret: env.PAYFRAME_ACS_SECRET,
  paymentOrigins: [paymentUrl],
  merchantOrigins: [shopUrl],
});
const shop = await createShopApp({
  paymentUrl,
  secretKey: demo.secret_key,
  webhookSecret: demo.webhook_secret,
  shopUrl,
  appId: demo.app_id,
  formSecret: demo.form_secret,
});

await paymentServer.listen({ host: 'localhost', port: ports.PAYFRAME_PORT });
await acs.listen({ host: '127.0.0.1', port: ports.PAYFRAME_ACS_PORT });
await shop.listen({ host: 'localhost', port: ports.DEMO_PORT });

console.log(`
Payframe is running (test mode)
  demo shop        ${shopUrl}
  payment server   ${paymentUrl}
  issuer ACS       ${acsUrl}
  database         ${env.PAYFRAME_DATABASE_URL ? 'PostgreSQL' : join(dataDir, 'payframe.db')}

Demo merchant app (also in ${join(dataDir, 'demo-app.json')}):
  app id           ${demo.app_id}
  publishable key  ${demo.publishable_key}
  secret key       ${demo.secret_key}
  webhook secret   ${demo.webhook_secret}
  webhooks to      ${webhookUrl} (live log on the shop page)
  form secret      ${demo.form_secret} (signs ${shopUrl}/simple, a no-server page)

Pay with 4242 4242 4242 4242, any future expiry, any CVC; 4000 0000 0000 0002 is declined;
4000 0000 0000 3220 asks your bank for a one-time code (1234). Sign in on the shop as a
returning customer to save a card, pay with it again, and have the shop charge it alone (MIT).
`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void Promise.all([shop.close(), acs.close(), paymentServer.close()]).then(() =>
      process.exit(0),
    );
  });
}
