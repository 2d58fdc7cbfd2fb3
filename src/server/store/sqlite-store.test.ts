import { sqliteTestStore } from '../test-support/test-stores';
import { describeStoreContract } from './store.contract';

describeStoreContract('SQLite', sqliteTestStore);
