/**
 * A free loopback port, as the OS hands one out. Plain JavaScript (types in free-port.d.mts), for
 * the tests, the bench and the soak alike.
 */
import { createServer } from 'node:net';

/** A loopback port nothing listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
