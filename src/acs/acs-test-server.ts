import type { FastifyInstance } from 'fastify';
import {
  decodeChallengeResponse,
  encodeChallengeRequest,
  type ChallengeRequest,
  type ChallengeResponse,
} from '../server/three-ds/messages';
import { createAcsApp } from './create-acs-app';

/** Test support: the ACS over real HTTP on loopback, with a clock the test moves. */
export const ACS_TEST_SECRET = 'acs-test-secret-that-is-long-enough-0123456789';
export const PAYMENT_ORIGIN = 'http://localhost:4999';
export const NOTIFICATION_URL = `${PAYMENT_ORIGIN}/3ds/notify`;
export const T0 = Date.UTC(2030, 0, 1);

export function creqFor(
  overrides: Partial<Omit<ChallengeRequest, 'messageType' | 'messageVersion'>> = {},
): string {
  return encodeChallengeRequest(
    {
      threeDSServerTransID: crypto.randomUUID(),
      acsTransID: crypto.randomUUID(),
      challengeWindowSize: '02',
      merchantName: 'Demo Shop',
      purchaseAmount: 4200,
      purchaseCurrency: 'EUR',
      cardBrand: 'Visa',
      cardLast4: '3220',
      notificationURL: NOTIFICATION_URL,
      locale: 'en',
      expiresAt: T0 + 10 * 60_000,
      ...overrides,
    },
    ACS_TEST_SECRET,
  );
}

export interface PageResponse {
  status: number;
  headers: Headers;
  html: string;
}

export interface TestAcs {
  app: FastifyInstance;
  url: string;
  clock: { now: number };
  post(path: string, fields: Record<string, string>, headers?: HeadersInit): Promise<PageResponse>;
  get(path: string): Promise<PageResponse>;
}

export async function startTestAcs(
  options: { paymentOrigin?: string; merchantOrigins?: string[] } = {},
): Promise<TestAcs> {
  const clock = { now: T0 };
  const app = await createAcsApp({
    secret: ACS_TEST_SECRET,
    paymentOrigins: [options.paymentOrigin ?? PAYMENT_ORIGIN],
    merchantOrigins: options.merchantOrigins ?? [],
    now: () => clock.now,
  });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  const read = async (response: Response): Promise<PageResponse> => ({
    status: response.status,
    headers: response.headers,
    html: await response.text(),
  });
  return {
    app,
    url,
    clock,
    post: async (path, fields, headers = {}) =>
      read(
        await fetch(url + path, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
          body: new URLSearchParams(fields).toString(),
        }),
      ),
    get: async (path) => read(await fetch(url + path)),
  };
}

/** The opening tags of an element on a page, e.g. every `<input …>`, whatever their layout. */
export const tagsOf = (html: string, element: string): string[] =>
  html.match(new RegExp(`<${element}\\b[^>]*>`, 'g')) ?? [];

/** An attribute's value in an opening tag, `''` for a bare one, undefined when absent. */
export function attributeOf(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}(?:="([^"]*)")?(?=[\\s/>])`).exec(tag);
  return match ? (match[1] ?? '') : undefined;
}

/** A hidden form field's value on a page. */
export function hiddenField(html: string, name: string): string | undefined {
  const input = tagsOf(html, 'input').find((tag) => attributeOf(tag, 'name') === name);
  return input && attributeOf(input, 'value');
}

/** The signed CRes a result page would post, decoded, or null when the page has none. */
export function cresOn(html: string): ChallengeResponse | null {
  const cres = hiddenField(html, 'cres');
  return cres ? decodeChallengeResponse(cres, ACS_TEST_SECRET) : null;
}

/** Where a page's auto-submitted form posts to. */
export function autosubmitTarget(html: string): string | undefined {
  const form = tagsOf(html, 'form').find((tag) => attributeOf(tag, 'data-autosubmit') === '');
  return form && attributeOf(form, 'action');
}
