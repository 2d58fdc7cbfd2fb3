import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeChallengeRequest } from '../server/three-ds/messages';
import {
  ACS_TEST_SECRET,
  NOTIFICATION_URL,
  T0,
  attributeOf,
  autosubmitTarget,
  creqFor,
  cresOn,
  hiddenField,
  startTestAcs,
  tagsOf,
  type TestAcs,
} from './acs-test-server';

let acs: TestAcs;
beforeAll(async () => {
  acs = await startTestAcs();
});
afterAll(async () => {
  await acs.app.close();
});

/** Opens a challenge and returns its acsTransID and threeDSServerTransID. */
async function open(overrides: Parameters<typeof creqFor>[0] = {}) {
  const creq = creqFor(overrides);
  const page = await acs.post('/challenge', { creq });
  const decoded = decodeChallengeRequest(creq, ACS_TEST_SECRET)!;
  return {
    creq,
    page,
    acsTransID: decoded.acsTransID,
    serverTransID: decoded.threeDSServerTransID,
  };
}

const answer = (acsTransID: string, fields: Record<string, string>) =>
  acs.post('/challenge/answer', { acsTransID, ...fields });

describe('POST /challenge', () => {
  it('shows the verification form for a valid creq, without posting a result', async () => {
    const { page, acsTransID } = await open();
    expect(page.status).toBe(200);
    expect(page.html).toContain('Confirm your payment');
    expect(page.html).toContain('Payframe Test Bank');
    expect(page.html).toContain('Demo Shop');
    expect(page.html).toContain('€42.00');
    expect(page.html).toContain('Visa •••• 3220');
    expect(page.html).toContain('Test code: 1234');
    const [input = ''] = tagsOf(page.html, 'input').filter(
      (tag) => attributeOf(tag, 'id') === 'code',
    );
    expect(attributeOf(input, 'autocomplete')).toBe('one-time-code');
    expect(attributeOf(input, 'inputmode')).toBe('numeric');
    expect(attributeOf(input, 'maxlength')).toBe('8');
    expect(attributeOf(input, 'autofocus')).toBe('');
    expect(page.html).toMatch(
      /<label for="code">Enter the one-time code sent to your phone<\/label>/,
    );
    expect(page.html).toContain('data-parent-origin="http://localhost:4999"');
    expect(page.html).toContain('class="challenge size-02"');
    expect(hiddenField(page.html, 'acsTransID')).toBe(acsTransID);
    expect(cresOn(page.html)).toBeNull();
  });

  it('refuses a tampered creq with 400 and posts no result', async () => {
    const creq = creqFor();
    const [payload = '', signature = ''] = creq.split('.');
    const body = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...body, purchaseAmount: 1 })).toString(
      'base64url',
    );
    const page = await acs.post('/challenge', { creq: `${forged}.${signature}` });
    expect(page.status).toBe(400);
    expect(page.html).toContain('This verification request is not valid');
    expect(page.html).not.toContain('data-autosubmit');
  });

  it('refuses a missing or malformed creq with 400', async () => {
    expect((await acs.post('/challenge', {})).status).toBe(400);
    expect((await acs.post('/challenge', { creq: 'not-a-creq' })).status).toBe(400);
  });

  it('refuses a creq whose notification URL is not on a payment origin', async () => {
    const page = await acs.post('/challenge', {
      creq: creqFor({ notificationURL: 'https://attacker.example/3ds/notify' }),
    });
    expect(page.status).toBe(400);
    expect(page.html).toContain('This verification request is not valid');
    expect(autosubmitTarget(page.html)).toBeUndefined();
  });

  it('ends an expired challenge with U and challengeCancel 04', async () => {
    const { page, acsTransID, serverTransID } = await open({ expiresAt: T0 - 1 });
    expect(page.status).toBe(200);
    expect(autosubmitTarget(page.html)).toBe(NOTIFICATION_URL);
    expect(cresOn(page.html)).toEqual({
      messageType: 'CRes',
      messageVersion: '2.2.0',
      threeDSServerTransID: serverTransID,
      acsTransID,
      transStatus: 'U',
      challengeCancel: '04',
      attempts: 0,
    });
  });

  it('shows the form again, not a new challenge, when the same creq is posted twice', async () => {
    const { creq, acsTransID } = await open();
    await answer(acsTransID, { code: '0000' });
    await acs.post('/challenge', { creq });
    await answer(acsTransID, { code: '1111' });
    const third = await answer(acsTransID, { code: '2222' });
    expect(cresOn(third.html)).toMatchObject({ transStatus: 'N', attempts: 3 });
  });

  it('answers a replay of a finished challenge with 409 and no new result', async () => {
    const { creq, acsTransID } = await open();
    await answer(acsTransID, { code: '1234' });
    const replay = await acs.post('/challenge', { creq });
    expect(replay.status).toBe(409);
    expect(replay.html).toContain('This verification was already completed');
    expect(cresOn(replay.html)).toBeNull();
  });
});

describe('POST /challenge/answer', () => {
  it('authenticates the test code 1234 with Y and posts the CRes to the notification URL', async () => {
    const { acsTransID, serverTransID } = await open();
    const page = await answer(acsTransID, { code: '1234' });
    expect(page.status).toBe(200);
    expect(page.html).toContain('Returning to the merchant…');
    expect(page.html).toMatch(/<button type="submit" class="button primary">Continue<\/button>/);
    expect(autosubmitTarget(page.html)).toBe(NOTIFICATION_URL);
    expect(cresOn(page.html)).toEqual({
      messageType: 'CRes',
      messageVersion: '2.2.0',
      threeDSServerTransID: serverTransID,
      acsTransID,
      transStatus: 'Y',
      attempts: 0,
    });
  });

  it('counts wrong codes, says how many attempts are left, and ends with N after the third', async () => {
    const { acsTransID } = await open();
    const first = await answer(acsTransID, { code: '0000' });
    expect(first.status).toBe(200);
    expect(first.html).toContain('That code is not right. 2 attempts left.');
    expect(first.html).toContain('aria-invalid="true"');
    expect(first.html).toContain('aria-describedby="code-error code-hint"');
    const error = /(<p id="code-error"[^>]*>)([^<]*)<\/p>/.exec(first.html);
    expect(attributeOf(error?.[1] ?? '', 'role')).toBe('alert');
    expect(attributeOf(error?.[1] ?? '', 'hidden')).toBeUndefined();
    expect(error?.[2]?.trim()).toBe('That code is not right. 2 attempts left.');
    expect(cresOn(first.html)).toBeNull();

    const second = await answer(acsTransID, { code: '9999' });
    expect(second.html).toContain('That code is not right. 1 attempt left.');

    const third = await answer(acsTransID, { code: '4321' });
    expect(third.html).toContain('The code was wrong three times.');
    expect(cresOn(third.html)).toMatchObject({ transStatus: 'N', attempts: 3 });
    expect(cresOn(third.html)?.challengeCancel).toBeUndefined();
  });

  it('reports the wrong codes entered before the right one', async () => {
    const { acsTransID } = await open();
    await answer(acsTransID, { code: '0000' });
    const page = await answer(acsTransID, { code: ' 12 34 ' });
    expect(cresOn(page.html)).toMatchObject({ transStatus: 'Y', attempts: 1 });
  });

  it('asks again for an empty code without counting an attempt', async () => {
    const { acsTransID } = await open();
    const page = await answer(acsTransID, { code: '' });
    expect(page.html).toContain('Enter the code to continue.');
    const next = await answer(acsTransID, { code: '0000' });
    expect(next.html).toContain('2 attempts left.');
  });

  it('ends with N and challengeCancel 01 when the shopper cancels', async () => {
    const { acsTransID } = await open();
    await answer(acsTransID, { code: '0000' });
    const page = await answer(acsTransID, { code: '', cancel: '1' });
    expect(page.html).toContain('Verification canceled.');
    expect(cresOn(page.html)).toMatchObject({
      transStatus: 'N',
      challengeCancel: '01',
      attempts: 1,
    });
  });

  it('ends with U and 04 when the answer comes after the challenge expired', async () => {
    const { acsTransID } = await open({ expiresAt: T0 + 60_000 });
    acs.clock.now = T0 + 60_001;
    try {
      const page = await answer(acsTransID, { code: '1234' });
      expect(cresOn(page.html)).toMatchObject({ transStatus: 'U', challengeCancel: '04' });
    } finally {
      acs.clock.now = T0;
    }
  });

  it('answers 409 without a result once the challenge is finished', async () => {
    const { acsTransID } = await open();
    await answer(acsTransID, { cancel: '1' });
    const again = await answer(acsTransID, { code: '1234' });
    expect(again.status).toBe(409);
    expect(again.html).toContain('This verification was already completed');
    expect(cresOn(again.html)).toBeNull();
  });

  it('answers 404 for an unknown acsTransID', async () => {
    const page = await answer(crypto.randomUUID(), { code: '1234' });
    expect(page.status).toBe(404);
    expect(page.html).toContain('This verification could not be found');
    expect(cresOn(page.html)).toBeNull();
  });
});
