/**
 * One app instance for the multi-process tests: a plain Node process running the built kit (dist/,
 * with the react-server condition so `server-only` is the empty module Next gives server code),
 * configured from its environment like an app (the emulator's WORKOS_* and AUTHKIT_REDIS_URL).
 * The parent sends it work over IPC:
 * - `{ op: 'ready' }`: the root's store connected (true) or not;
 * - `{ op: 'proxy', cookie, count }`: `count` concurrent proxy runs (`authkit()`) carrying that
 *   session cookie; answers each run's user id, session id and access token;
 * - `{ op: 'end', sessionId }`: records the session as ended, as `signOut()` does;
 * - `{ op: 'ended', sessionId }`: whether this instance's store holds that session (or user) id as ended;
 * - `{ op: 'memberships', userId }`: the user's memberships for display (`<org id>:<role>`), through the store
 *   (a kept listing while fresh, as the org switcher reads them);
 * - `{ op: 'serve-events', port }`: serves the kit's `handleWorkOSEvents()` (WORKOS_WEBHOOK_SECRET)
 *   at `http://127.0.0.1:<port>/api/workos-events`, as an app's route would; answers the URL;
 * - `{ op: 'poll-events', intervalMs }`: starts the kit's `pollWorkOSEvents()`, as an app's
 *   instrumentation.ts would; answers true.
 */
import { createServer } from 'node:http';
import { NextRequest } from 'next/server.js';
import { handleWorkOSEvents } from '../../dist/server/auth/handle-workos-events.js';
import { pollWorkOSEvents } from '../../dist/server/auth/poll-workos-events.js';
import { authkit } from '../../dist/server/proxy/authkit.js';
import { sessionRoot } from '../../dist/server/root/current-root.js';
import { workosClient } from '../../dist/server/workos.js';

async function proxyRun(cookie) {
  const request = new NextRequest('http://localhost:3000/dashboard', { headers: { cookie: `wos-session=${cookie}` } });
  const { session } = await authkit(request);
  return { userId: session.user?.id ?? null, sessionId: session.sessionId ?? null, accessToken: session.accessToken ?? null };
}

async function listAtWorkOS(userId) {
  const page = await workosClient(sessionRoot()).userManagement.listOrganizationMemberships({ userId, statuses: ['active'], limit: 100 });
  return (await page.autoPagination()).map((membership) => ({ id: membership.organizationId, name: membership.organizationName, role: membership.role?.slug }));
}

/** A Node HTTP server whose one route is the kit's events handler, fed the exact body WorkOS sent. */
async function serveEvents({ port }) {
  const handle = handleWorkOSEvents();
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', async () => {
      const request = new Request(`http://127.0.0.1:${port}${req.url}`, { method: req.method, headers: req.headers, body: Buffer.concat(chunks) });
      try {
        const response = req.url === '/api/workos-events' && req.method === 'POST' ? await handle(request) : new Response(null, { status: 404 });
        res.writeHead(response.status).end(Buffer.from(await response.arrayBuffer()));
      } catch (error) {
        console.error(error); // a test failure names it; a 500 as Next would answer
        res.writeHead(500).end();
      }
    });
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return `http://127.0.0.1:${port}/api/workos-events`;
}

const operations = {
  ready: async () => (await sessionRoot().store.ready?.()) ?? false,
  proxy: ({ cookie, count }) => Promise.all(Array.from({ length: count }, () => proxyRun(cookie))),
  end: ({ sessionId }) => (sessionRoot().store.endedSessions.add(sessionId), true),
  ended: ({ sessionId }) => sessionRoot().store.endedSessions.has(sessionId),
  memberships: async ({ userId }) => (await sessionRoot().store.memberships.get(userId, () => listAtWorkOS(userId), { fresh: false })).map((m) => `${m.id}:${m.role}`),
  'serve-events': serveEvents,
  'poll-events': ({ intervalMs }) => (pollWorkOSEvents({ intervalMs }), true),
};

process.on('message', async (message) => {
  try {
    process.send({ id: message.id, result: await operations[message.op](message) });
  } catch (error) {
    process.send({ id: message.id, error: String(error?.stack ?? error) });
  }
});
process.send({ id: 0, result: 'started' });
