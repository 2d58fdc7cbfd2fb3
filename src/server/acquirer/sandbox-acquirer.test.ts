import { describe, expect, it } from 'vitest';
import { SandboxAcquirer } from './sandbox-acquirer';

const request = (reference?: string) => ({
  pan: '4242424242424242',
  expMonth: 12,
  expYear: 2040,
  amount: 1000,
  currency: 'EUR',
  capture: true,
  ...(reference ? { reference } : {}),
});

describe('SandboxAcquirer references', () => {
  it('answers a repeated reference with the first answer instead of charging again', async () => {
    const sandbox = new SandboxAcquirer();
    const first = await sandbox.authorize(request('pay_1'));
    expect(await sandbox.authorize(request('pay_1'))).toEqual(first);
    expect(await sandbox.lookup('pay_1')).toEqual(first);
    expect(sandbox.charges).toBe(1);
  });

  it('closes a reference it has no charge for, so a call arriving later is declined', async () => {
    const sandbox = new SandboxAcquirer();
    expect(await sandbox.lookup('pay_2')).toBeNull();
    const late = await sandbox.authorize(request('pay_2'));
    expect(late).toMatchObject({ approved: false, code: 'processing_error' });
    expect(sandbox.charges).toBe(0);
    expect(await sandbox.lookup('pay_2')).toBeNull();
  });

  it('charges every call without a reference', async () => {
    const sandbox = new SandboxAcquirer();
    await sandbox.authorize(request());
    await sandbox.authorize(request());
    expect(sandbox.charges).toBe(2);
  });
});
