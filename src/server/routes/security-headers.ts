/** CSP for pages served from the payment origin: no inline code anywhere (DESIGN §9). */
export function checkoutPageCsp(options: {
  acsOrigin: string;
  frameAncestors: string[];
  /** Hashes of the script and stylesheet written into the page (frame-page.ts). */
  scriptHashes?: readonly string[];
  styleHashes?: readonly string[];
}): string {
  const ancestors = options.frameAncestors.length > 0 ? options.frameAncestors.join(' ') : "'none'";
  const { scriptHashes = [], styleHashes = [] } = options;
  return [
    "default-src 'none'",
    ["script-src 'self'", ...scriptHashes].join(' '),
    ["style-src 'self'", ...styleHashes].join(' '),
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    // The issuer's pages, then our own notification pages once the issuer posts back.
    `frame-src 'self' ${options.acsOrigin}`,
    `frame-ancestors ${ancestors}`,
    "base-uri 'none'",
    // The frame form-posts the challenge request into its nested iframe on the issuer's origin.
    `form-action 'self' ${options.acsOrigin}`,
  ].join('; ');
}

/**
 * CSP for the payment server's own 3-D Secure pages, shown inside the frame's nested iframe (or,
 * server-to-server, as the page the shopper returns to): only our script; framed only by us and
 * the merchant pages allowed to embed the checkout (browsers check every ancestor).
 */
export function threeDsPageCsp(merchantOrigins: string[]): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    `frame-ancestors 'self' ${merchantOrigins.join(' ')}`.trim(),
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export const COMMON_SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
} as const;

/** CSP for the API reference at `/docs`: its own stylesheet, nothing else, framed by nobody. */
export const DOCS_PAGE_CSP = [
  "default-src 'none'",
  "style-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** How a cross-origin read of a checkout's status stream is answered. */
export type StreamCors = { allowed: false } | { allowed: true; allowOrigin: string | null };

/**
 * CORS for `GET /v1/checkout/{token}/events`: an `Origin` that is exactly one of the app's allowed
 * origins is echoed; no `Origin` (the frame itself, or no browser) and our own origin need no
 * header; any other origin is refused, so a page the merchant never allowed cannot hold streams.
 */
export function streamCors(
  origin: string | undefined,
  allowedOrigins: readonly string[],
  ownOrigin: string,
): StreamCors {
  if (origin === undefined || origin === ownOrigin) return { allowed: true, allowOrigin: null };
  return allowedOrigins.includes(origin)
    ? { allowed: true, allowOrigin: origin }
    : { allowed: false };
}
