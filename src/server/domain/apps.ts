import { createHash } from 'node:crypto';
import { newId, randomBase62 } from '../../protocol/ids';
import type { AppRecord } from '../store/records';
import type { Services } from './services';
import { PayframeError } from './payframe-error';

export interface NewAppKeys {
  app: AppRecord;
  /** Shown once; only its hash is stored. */
  secretKey: string;
  publishableKey: string;
  webhookSecret: string;
  /** Signs the simple HTML form (`POST /pay`). */
  formSecret: string;
}

export function hashSecretKey(secretKey: string): string {
  return createHash('sha256').update(secretKey).digest('hex');
}

/** Creates a merchant app with fresh keys (test mode). */
export async function createMerchantApp(
  services: Pick<Services, 'store' | 'now'>,
  input: { name: string; allowedOrigins: string[]; webhookUrl?: string | null },
): Promise<NewAppKeys> {
  const secretKey = `sk_test_${randomBase62(32)}`;
  const publishableKey = `pk_test_${randomBase62(24)}`;
  const formSecret = `fsk_test_${randomBase62(32)}`;
  const webhookSecret = `whsec_${Buffer.from(crypto.getRandomValues(new Uint8Array(24))).toString('base64')}`;
  const app: AppRecord = {
    id: newId('app'),
    name: input.name,
    allowed_origins: JSON.stringify(input.allowedOrigins.map((o) => new URL(o).origin)),
    publishable_key: publishableKey,
    secret_key_hash: hashSecretKey(secretKey),
    webhook_secret: webhookSecret,
    webhook_url: input.webhookUrl ?? null,
    webhook_disabled_at: null,
    webhook_previous_secret: null,
    webhook_previous_until: null,
    order_check_url: null,
    form_secret: formSecret,
    created_at: services.now(),
  };
  await services.store.insertApp(app);
  return { app, secretKey, publishableKey, webhookSecret, formSecret };
}

/** Resolves `Authorization: Bearer sk_…` to the app, or throws a 401 with a stable code. */
export async function authenticate(
  services: Pick<Services, 'store'>,
  authorization: string | undefined,
): Promise<AppRecord> {
  const match = /^Bearer (\S+)$/.exec(authorization ?? '');
  if (!match?.[1]) throw new PayframeError('missing_api_key');
  if (!match[1].startsWith('sk_')) {
    throw new PayframeError('invalid_api_key', 'Use a secret key (sk_…), not a publishable key.');
  }
  const app = await services.store.findAppBySecretHash(hashSecretKey(match[1]));
  if (!app) throw new PayframeError('invalid_api_key');
  return app;
}

export function allowedOrigins(app: AppRecord): string[] {
  return JSON.parse(app.allowed_origins) as string[];
}
