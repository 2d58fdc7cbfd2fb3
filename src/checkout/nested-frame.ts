import type { MessageLike, Parsed } from '../protocol/frame-messages';

/** As much of a zod/mini schema as the filter uses. */
interface Schema<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false };
}

/**
 * Filters a window message from one of the frame's own nested iframes: the exact origin expected,
 * from that iframe's window (another frame of the same origin, say a second checkout's, cannot speak
 * for it), and the expected shape. Every rejection says why.
 */
export function parseNestedMessage<T>(
  event: MessageLike,
  expected: { origin: string | null; source: Window | null },
  schema: Schema<T>,
): Parsed<T> {
  if (!expected.origin || event.origin !== expected.origin) {
    return { ok: false, reason: 'not from the expected origin' };
  }
  if (!expected.source || event.source !== expected.source) {
    return { ok: false, reason: 'not from our frame' };
  }
  const parsed = schema.safeParse(event.data);
  return parsed.success
    ? { ok: true, message: parsed.data }
    : { ok: false, reason: 'not the expected message' };
}

/** The origin of an http(s) URL, or null for anything else, which is never loaded or posted to. */
export function httpOrigin(url: string): string | null {
  if (!URL.canParse(url)) return null;
  const { protocol, origin } = new URL(url);
  return protocol === 'https:' || protocol === 'http:' ? origin : null;
}

/**
 * Scripts and forms run (the issuer's page posts its result back), with their real origin (so our
 * own notification page can message us); no popups, no navigating the page around the frame.
 */
export const NESTED_FRAME_SANDBOX = 'allow-forms allow-scripts allow-same-origin';

/**
 * Loads `url` into `frame` with a form POST of `fields`, as issuers expect (`creq`,
 * `threeDSMethodData`). Built with DOM APIs, so no value is ever parsed as HTML; the form exists
 * only for the moment of submitting, beside the frame.
 */
export function postToFrame(
  frame: HTMLIFrameElement,
  url: string,
  fields: Record<string, string>,
): void {
  const form = document.createElement('form');
  form.method = 'POST';
  form.action = url;
  form.target = frame.name;
  form.hidden = true;
  for (const [name, value] of Object.entries(fields)) {
    const input = document.createElement('input');
    input.type = 'hidden';
    input.name = name;
    input.value = value;
    form.append(input);
  }
  frame.after(form);
  form.submit();
  form.remove();
}
