import { newId } from '../../protocol/ids';
import type { AppRecord } from '../store/records';

/**
 * A merchant app as the store keeps it, for tests that write one directly; its keys are unique
 * unless `overrides` sets them.
 */
export function appRecord(overrides: Partial<AppRecord> = {}): AppRecord {
  return {
    id: newId('app'),
    name: 'Shop',
    allowed_origins: '["https://shop.example"]',
    publishable_key: `pk_test_${newId('app')}`,
    secret_key_hash: `hash-${newId('app')}`,
    webhook_secret: 'whsec_x',
    webhook_url: null,
    webhook_disabled_at: null,
    webhook_previous_secret: null,
    webhook_previous_until: null,
    order_check_url: null,
    form_secret: null,
    created_at: 0,
    ...overrides,
  };
}
