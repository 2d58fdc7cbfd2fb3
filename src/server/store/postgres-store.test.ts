import { describe } from 'vitest';
import { postgresAvailable, postgresTestStore } from '../test-support/test-stores';
import { describeStoreContract } from './store.contract';

// Outside CI a machine without PostgreSQL skips this file; in CI postgresAvailable() throws instead.
if (await postgresAvailable()) {
  describeStoreContract('PostgreSQL', postgresTestStore);
} else {
  describe.skip('store contract: PostgreSQL (no database at PAYFRAME_TEST_DATABASE_URL)', () => {});
}
