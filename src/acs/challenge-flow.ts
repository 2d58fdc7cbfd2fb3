import type { ChallengeRequest } from '../server/three-ds/messages';
import type { Challenge, ChallengeStore } from './challenge-store';

/** The one code that authenticates in the sandbox (DESIGN §7). */
export const TEST_CODE = '1234';
/** Wrong codes after which the challenge ends with `N`. */
export const MAX_WRONG_ATTEMPTS = 3;

/** How a challenge ended, as the CRes reports it. */
export type Ending =
  | { transStatus: 'Y' }
  | { transStatus: 'N'; challengeCancel?: '01' }
  | { transStatus: 'U'; challengeCancel: '04' };

export type Answer = { cancel: true } | { code: string };

/** What the shopper sees next. */
export type ChallengeStep =
  | { kind: 'form'; challenge: Challenge; error?: 'wrong_code' | 'empty_code' }
  | { kind: 'result'; challenge: Challenge; ending: Ending }
  | { kind: 'finished'; challenge: Challenge }
  | { kind: 'unknown' };

const TIMED_OUT: Ending = { transStatus: 'U', challengeCancel: '04' };

function finish(challenge: Challenge, ending: Ending): ChallengeStep {
  challenge.finished = true;
  return { kind: 'result', challenge, ending };
}

/** A creq arrives: show the form, or end at once when it has expired; a finished one is a replay. */
export function openChallenge(store: ChallengeStore, creq: ChallengeRequest, now: number) {
  const challenge = store.open(creq);
  if (challenge.finished) return { kind: 'finished', challenge } satisfies ChallengeStep;
  if (now > creq.expiresAt) return finish(challenge, TIMED_OUT);
  return { kind: 'form', challenge } satisfies ChallengeStep;
}

/** The shopper answered: a code (right, wrong, or missing) or Cancel. */
export function answerChallenge(
  store: ChallengeStore,
  acsTransID: string,
  answer: Answer,
  now: number,
): ChallengeStep {
  const challenge = store.get(acsTransID);
  if (!challenge) return { kind: 'unknown' };
  if (challenge.finished) return { kind: 'finished', challenge };
  if (now > challenge.creq.expiresAt) return finish(challenge, TIMED_OUT);
  if ('cancel' in answer) return finish(challenge, { transStatus: 'N', challengeCancel: '01' });

  const code = answer.code.replace(/\s+/g, '');
  if (code === '') return { kind: 'form', challenge, error: 'empty_code' };
  if (code === TEST_CODE) return finish(challenge, { transStatus: 'Y' });
  challenge.wrongAttempts += 1;
  if (challenge.wrongAttempts >= MAX_WRONG_ATTEMPTS) {
    return finish(challenge, { transStatus: 'N' });
  }
  return { kind: 'form', challenge, error: 'wrong_code' };
}
