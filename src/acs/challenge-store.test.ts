import { describe, expect, it } from 'vitest';
import type { ChallengeRequest } from '../server/three-ds/messages';
import { ChallengeStore } from './challenge-store';

const creq = (acsTransID: string, expiresAt: number): ChallengeRequest => ({
  messageType: 'CReq',
  messageVersion: '2.2.0',
  threeDSServerTransID: `srv-${acsTransID}`,
  acsTransID,
  challengeWindowSize: '05',
  merchantName: 'Shop',
  purchaseAmount: 100,
  purchaseCurrency: 'EUR',
  cardBrand: 'Visa',
  cardLast4: '3220',
  notificationURL: 'http://localhost:4000/3ds/notify',
  locale: 'en',
  expiresAt,
});

describe('ChallengeStore', () => {
  it('returns the remembered challenge when the same creq is opened again', () => {
    const store = new ChallengeStore({ now: () => 0 });
    const first = store.open(creq('a', 1_000));
    first.wrongAttempts = 2;
    expect(store.open(creq('a', 1_000))).toBe(first);
    expect(store.get('a')?.wrongAttempts).toBe(2);
  });

  it('forgets a challenge once its expiry plus the margin has passed', () => {
    const clock = { now: 0 };
    const store = new ChallengeStore({ now: () => clock.now, marginMs: 500 });
    store.open(creq('a', 1_000));
    clock.now = 1_499;
    expect(store.get('a')).toBeDefined();
    clock.now = 1_500;
    expect(store.get('a')).toBeUndefined();
  });

  it('sweeps forgotten challenges when new ones arrive', () => {
    const clock = { now: 0 };
    const store = new ChallengeStore({ now: () => clock.now, marginMs: 0 });
    store.open(creq('a', 100));
    store.open(creq('b', 200));
    clock.now = 150;
    store.open(creq('c', 300));
    expect(store.size).toBe(2);
    expect(store.get('b')).toBeDefined();
  });

  it('stays bounded, forgetting the oldest challenge first', () => {
    const store = new ChallengeStore({ now: () => 0, maxEntries: 3 });
    for (const id of ['a', 'b', 'c', 'd', 'e']) store.open(creq(id, 1_000));
    expect(store.size).toBe(3);
    expect(store.get('a')).toBeUndefined();
    expect(store.get('b')).toBeUndefined();
    expect(store.get('e')).toBeDefined();
  });
});
