/**
 * Building and serving the bench's Next.js apps (bench/fixtures/*, .fixtures/*) on loopback. The
 * apps resolve `next` from the repository's workspace, as the example app does.
 */
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '../../test/support/free-port.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const nextBin = createRequire(join(root, 'package.json')).resolve('next/dist/bin/next');

/** `next <args>` in `appDir`; resolves with its output, rejects with the output's tail. */
export function runNext(appDir, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [nextBin, ...args], { cwd: appDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (data) => { output += data; });
    child.stderr.on('data', (data) => { output += data; });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`next ${args[0]} in ${appDir} exited ${code}:\n${output.slice(-2000)}`))));
  });
}

/**
 * `next start` for a built app on a free loopback port; resolves once it answers, with its `pid`
 * (one process: `next start` serves in place) and a `stop()` that waits for it to exit.
 * @param logFile where its output goes (default: nowhere)
 */
export async function startNext(appDir, env, logFile) {
  const port = await freePort();
  const child = spawn(process.execPath, [nextBin, 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: appDir, env, stdio: ['ignore', logFile ? 'pipe' : 'ignore', logFile ? 'pipe' : 'ignore'],
  });
  if (logFile) {
    const log = createWriteStream(logFile);
    child.stdout.pipe(log);
    child.stderr.pipe(log);
  }
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 150; attempt++) {
    try {
      await fetch(`${url}/_not-found`);
      return { url, port, pid: child.pid, stop };
    } catch {
      if (child.exitCode !== null) break;
      await sleep(200);
    }
  }
  await stop();
  throw new Error(`next start in ${appDir} did not answer within 30 s${logFile ? ` (see ${logFile})` : ''}`);
}
