import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  ACS_STRINGS,
  languageFromAcceptLanguage,
  type AcsLanguage,
  type AcsStrings,
} from './acs-i18n';
import { renderMessagePage } from './acs-layout';
import type { ChallengeStore } from './challenge-store';

/** What the issuer's routes share. */
export interface AcsContext {
  /** HMAC secret shared with the payment server: verifies creqs, signs CRes. */
  readonly secret: string;
  /** Normalised origins of the payment server(s): the only places results are posted to. */
  readonly paymentOrigins: readonly string[];
  readonly store: ChallengeStore;
  readonly now: () => number;
}

/** Whether a notification URL the ACS would post to is on one of the payment origins. */
export function isPaymentUrl(context: AcsContext, url: string): boolean {
  return URL.canParse(url) && context.paymentOrigins.includes(new URL(url).origin);
}

/** One field of a parsed form body, or undefined. */
export function formField(body: unknown, name: string): string | undefined {
  if (body === null || typeof body !== 'object') return undefined;
  const value = (body as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

export function sendPage(reply: FastifyReply, status: number, page: string): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').send(page);
}

/** The browser's language, for pages shown before a challenge (and its locale) is known. */
export const requestLanguage = (request: FastifyRequest): AcsLanguage =>
  languageFromAcceptLanguage(request.headers['accept-language']);

/** A page that only explains something, in the browser's language. */
export function sendMessage(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  text: (strings: AcsStrings) => { title: string; body: string },
): FastifyReply {
  const language = requestLanguage(request);
  const strings = ACS_STRINGS[language];
  const page = renderMessagePage({ language, strings, sizeClass: 'size-05', ...text(strings) });
  return sendPage(reply, status, page);
}

/** "This verification request is not valid": the answer to anything the ACS will not act on. */
export const sendInvalid = (request: FastifyRequest, reply: FastifyReply, status = 400) =>
  sendMessage(request, reply, status, (strings) => ({
    title: strings.invalidTitle,
    body: strings.invalidBody,
  }));
