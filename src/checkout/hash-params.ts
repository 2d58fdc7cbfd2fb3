import { configureMessageSchema, frameReadySchema } from '../protocol/frame-messages';

/**
 * What the URL fragment says about who is showing the frame. `invalid` is kept apart from
 * `standalone` on purpose: a fragment that tries to name a host but fails to must never fall back
 * to the standalone page silently, and must never be posted to.
 */
export type HashParams =
  | { kind: 'standalone' }
  | { kind: 'embedded'; origin: string; channel: string }
  | { kind: 'invalid'; reason: string };

function single(params: URLSearchParams, name: string): string | undefined {
  const values = params.getAll(name);
  return values.length === 1 ? values[0] : undefined;
}

/**
 * True for a serialized origin (`https://shop.example`, `http://localhost:5173`) written exactly as
 * browsers report `event.origin`, so the later comparison with the allowed origins is a plain
 * string equality: no path, no trailing slash, no default port, lower-case host.
 */
export function isSerializedOrigin(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
}

/** Parses `#origin=<host origin, URL-encoded>&channel=<id>`; no `origin` key means standalone. */
export function parseHashParams(hash: string): HashParams {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  if (!params.has('origin') && !params.has('channel')) return { kind: 'standalone' };
  const origin = single(params, 'origin');
  const channel = single(params, 'channel');
  if (origin === undefined) return { kind: 'invalid', reason: 'expected exactly one origin' };
  if (!isSerializedOrigin(origin)) return { kind: 'invalid', reason: 'origin is not an origin' };
  if (channel === undefined) return { kind: 'invalid', reason: 'expected exactly one channel' };
  if (!frameReadySchema.shape.channel.safeParse(channel).success) {
    return { kind: 'invalid', reason: 'malformed channel' };
  }
  return { kind: 'embedded', origin, channel };
}

/**
 * The locale the host asked for (`&locale=de`, from its element's `locale` attribute), so the first
 * render already speaks it; `configure` messages keep it current after that. Undefined when
 * absent, repeated or malformed, which leaves the choice to the browser's languages.
 */
export function localeFromHash(hash: string): string | undefined {
  const locale = single(new URLSearchParams(hash.replace(/^#/, '')), 'locale');
  return configureMessageSchema.shape.locale.safeParse(locale).success ? locale : undefined;
}

/** The checkout token from `/checkout/{token}`, or null for any other path. */
export function tokenFromPath(pathname: string): string | null {
  const match = /^\/checkout\/([0-9A-Za-z_]{1,128})\/?$/.exec(pathname);
  return match?.[1] ?? null;
}

/**
 * Whom the frame may talk to, once the checkout's allowed origins are known. Only an exact match
 * with an allowed origin is ever posted to (DESIGN §3); a fragment that names any other host, or
 * names one badly, refuses the checkout rather than falling back to the standalone page.
 */
export function embeddingOf(
  params: HashParams,
  allowedOrigins: readonly string[],
):
  | { kind: 'standalone' }
  | { kind: 'embedded'; origin: string; channel: string }
  | { kind: 'refused'; reason: string } {
  if (params.kind === 'invalid') return { kind: 'refused', reason: params.reason };
  if (params.kind === 'embedded' && !allowedOrigins.includes(params.origin)) {
    return { kind: 'refused', reason: `${params.origin} is not an allowed origin` };
  }
  return params;
}
