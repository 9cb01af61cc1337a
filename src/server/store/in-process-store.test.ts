/** The default store keeps the SessionStore contract (test/support/session-store-contract.ts). */
import { sessionStoreContract } from '../../../test/support/session-store-contract.js';
import { createInProcessStore } from './in-process-store.js';

sessionStoreContract('the in-process store', createInProcessStore);
