import {
  decodeChallengeRequest,
  encodeChallengeResponse,
  type ChallengeResponse,
} from '../three-ds/messages';
import { TEST_ACS_SECRET, type TestServer } from './test-server';

/** The issuer's signed answer to a challenge request: authenticated (`Y`) unless overridden. */
export function challengeResult(creq: string, overrides: Partial<ChallengeResponse> = {}): string {
  const request = decodeChallengeRequest(creq, TEST_ACS_SECRET);
  if (!request) throw new Error('not a challenge request signed with the test ACS secret');
  return encodeChallengeResponse(
    {
      threeDSServerTransID: request.threeDSServerTransID,
      acsTransID: request.acsTransID,
      transStatus: 'Y',
      attempts: 0,
      ...overrides,
    },
    TEST_ACS_SECRET,
  );
}

/** Posts a challenge result to the server's notification URL, as the shopper's browser does. */
export function notifyChallenge(server: Pick<TestServer, 'url'>, cres: string): Promise<Response> {
  return fetch(`${server.url}/3ds/notify`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ cres }).toString(),
    redirect: 'manual',
  });
}

/** Answers a challenge as the issuer's page does after the right code (`1234`). */
export function passChallenge(server: Pick<TestServer, 'url'>, creq: string): Promise<Response> {
  return notifyChallenge(server, challengeResult(creq));
}
