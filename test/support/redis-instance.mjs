/**
 * One app instance for the multi-process tests: a plain Node process running the built kit (dist/,
 * with the react-server condition so `server-only` is the empty module Next gives server code),
 * configured from its environment like an app (the emulator's WORKOS_* and AUTHKIT_REDIS_URL).
 * The parent sends it work over IPC:
 * - `{ op: 'ready' }`: the root's store connected (true) or not;
 * - `{ op: 'proxy', cookie, count }`: `count` concurrent proxy runs (`authkit()`) carrying that
 *   session cookie; answers each run's user id, session id and access token;
 * - `{ op: 'end', sessionId }`: records the session as ended, as `signOut()` does.
 */
import { NextRequest } from 'next/server.js';
import { authkit } from '../../dist/server/proxy/authkit.js';
import { sessionRoot } from '../../dist/server/root/current-root.js';

async function proxyRun(cookie) {
  const request = new NextRequest('http://localhost:3000/dashboard', { headers: { cookie: `wos-session=${cookie}` } });
  const { session } = await authkit(request);
  return { userId: session.user?.id ?? null, sessionId: session.sessionId ?? null, accessToken: session.accessToken ?? null };
}

const operations = {
  ready: async () => (await sessionRoot().store.ready?.()) ?? false,
  proxy: ({ cookie, count }) => Promise.all(Array.from({ length: count }, () => proxyRun(cookie))),
  end: ({ sessionId }) => (sessionRoot().store.endedSessions.add(sessionId), true),
};

process.on('message', async (message) => {
  try {
    process.send({ id: message.id, result: await operations[message.op](message) });
  } catch (error) {
    process.send({ id: message.id, error: String(error?.stack ?? error) });
  }
});
process.send({ id: 0, result: 'started' });
