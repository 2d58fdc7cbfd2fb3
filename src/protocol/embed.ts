import { z } from 'zod/mini';

/**
 * `GET /v1/embed`: where to load the host script from. `versioned_url` never changes content, so
 * a script tag can pin it with `integrity`; `url` follows every update.
 */
export const embedScriptSchema = z.object({
  object: z.literal('embed_script'),
  url: z.string(),
  versioned_url: z.string(),
  /** Subresource Integrity of the exact bytes served: `sha384-` and the base64 digest. */
  integrity: z.string().check(z.regex(/^sha384-[A-Za-z0-9+/]{64}$/)),
  /** The payment server's release (package.json), the same as `Payframe.version` in the script. */
  version: z.string(),
});
export type EmbedScriptInfo = z.infer<typeof embedScriptSchema>;
