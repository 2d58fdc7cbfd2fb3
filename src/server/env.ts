import { z } from 'zod';
import { splitVaultKeys, vaultKeysProblem } from './vault/vault';

const origin = z.url().transform((u) => new URL(u).origin);

/** The payment server's environment, validated at boot: a bad value stops it with a clear message. */
export const envSchema = z.object({
  PAYFRAME_HOST: z.string().default('localhost'),
  PAYFRAME_PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  PAYFRAME_PUBLIC_URL: origin.default('http://localhost:4000'),
  PAYFRAME_ACS_URL: origin.default('http://127.0.0.1:4001'),
  PAYFRAME_DATABASE_URL: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
      .optional(),
  ),
  /** Comma-separated addresses or CIDR ranges of the load balancers in front of the server. */
  PAYFRAME_TRUST_PROXY: z.string().optional(),
  PAYFRAME_DATA_DIR: z.string().default('data'),
  /**
   * Comma-separated base64 32-byte keys: the first encrypts and fingerprints, the others only
   * decrypt, until `npm run vault:rotate` has moved every card to the first (ADR 13).
   */
  PAYFRAME_VAULT_KEY: z.string().transform((value, ctx) => {
    const keys = splitVaultKeys(value);
    const problem = vaultKeysProblem(keys);
    if (!problem) return keys;
    ctx.addIssue({ code: 'custom', message: problem });
    return z.NEVER;
  }),
  PAYFRAME_CHECKOUT_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(3600),
  PAYFRAME_MAX_FAILED_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(5),
  PAYFRAME_MAX_FAILED_PER_ADDRESS: z.coerce.number().int().min(1).max(10_000).default(20),
  /** Shared with the issuer ACS: signs challenge requests and results (at least 32 characters). */
  PAYFRAME_ACS_SECRET: z.string().min(32),
  /** How long a 3-D Secure challenge may stay unanswered before it ends as a timeout. */
  PAYFRAME_CHALLENGE_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(600),
  /** How often lapsed invoices and authorizations are expired (with their events). */
  PAYFRAME_SWEEP_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  /** How often the webhook worker looks for due deliveries. */
  PAYFRAME_WEBHOOK_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(500),
  /** How long a merchant's order check may take before the payment is stopped. */
  PAYFRAME_ORDER_CHECK_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(5000),
  /** How long a merchant's webhook endpoint may take to answer before the try counts as failed. */
  PAYFRAME_WEBHOOK_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(60).default(10),
  /** Checkout status streams (`GET /v1/checkout/{token}/events`) one process keeps open at once. */
  PAYFRAME_MAX_EVENT_STREAMS: z.coerce.number().int().min(1).max(100_000).default(1000),
  PAYFRAME_ENABLE_TEST_CLOCK: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  PAYFRAME_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).default('info'),
});
export type Env = z.infer<typeof envSchema>;

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  return parse(envSchema, source, 'payment server');
}

/** What `npm run vault:rotate` reads, exactly as the server reads it: the store and the keys. */
export const vaultEnvSchema = envSchema.pick({
  PAYFRAME_DATABASE_URL: true,
  PAYFRAME_DATA_DIR: true,
  PAYFRAME_VAULT_KEY: true,
});
export type VaultEnv = z.infer<typeof vaultEnvSchema>;

export function loadVaultEnv(source: NodeJS.ProcessEnv = process.env): VaultEnv {
  return parse(vaultEnvSchema, source, 'vault rotation');
}

/** Messages name the variable and the problem, never the value (keys must not reach a log). */
function parse<T extends z.ZodType>(
  schema: T,
  source: NodeJS.ProcessEnv,
  what: string,
): z.output<T> {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid ${what} environment:\n${lines.join('\n')}`);
  }
  return result.data;
}
