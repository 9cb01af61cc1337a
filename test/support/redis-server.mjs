/**
 * A real Redis for tests, the bench and the soak (Debian's `redis-server`, never a mock): one
 * throwaway server on a free loopback port, nothing persisted (`--save '' --appendonly no`), that
 * a test can stop and start again on the same port (a Redis outage and its end, as the app sees
 * it). Plain JavaScript (types in redis-server.d.mts) so the bench and the soak, which run without
 * a TypeScript loader, start it the same way.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { freePort } from './free-port.mjs';

const REDIS_SERVER = process.env.REDIS_SERVER_PATH ?? '/usr/bin/redis-server';

/** Resolves once the server says it accepts connections; rejects if it exits first. */
function untilReady(child) {
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        child.stdout?.off('data', onData);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`redis-server exited (${code}) before it was ready:\n${output.slice(-2000)}`)));
    child.once('error', reject);
  });
}

/** Starts a Redis server on a free port (or `port`). Call `stop()` when done (afterAll). */
export async function startTestRedis({ port: wanted } = {}) {
  if (!existsSync(REDIS_SERVER)) {
    throw new Error(`redis-server is not installed (looked for ${REDIS_SERVER}): \`apt-get install redis-server\` (.ci/run does), or set REDIS_SERVER_PATH`);
  }
  const port = wanted ?? (await freePort());
  let child;
  const start = async () => {
    if (child) return;
    const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'yes', '--loglevel', 'notice'];
    child = spawn(REDIS_SERVER, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    await untilReady(child);
  };
  const stop = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    await new Promise((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGTERM');
    });
  };
  await start();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    start,
    stop,
    pause: () => void child?.kill('SIGSTOP'),
    resume: () => void child?.kill('SIGCONT'),
    get running() {
      return child !== undefined;
    },
  };
}
