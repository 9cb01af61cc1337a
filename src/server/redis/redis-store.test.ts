/** The Redis store keeps the SessionStore contract (test/support/session-store-contract.ts) against a real redis-server. */
import { sessionStoreContract } from '../../../test/support/session-store-contract.js';
import { redisStoresPerSuite } from '../../../test/support/redis-stores.js';

const suite = redisStoresPerSuite();

// Each test gets its own key space, as two apps sharing one Redis would.
sessionStoreContract('the Redis store', async () => (await suite.instances(1))[0]!);
