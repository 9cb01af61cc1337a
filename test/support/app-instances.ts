/**
 * App instances as separate Node processes (test/support/redis-instance.mjs), for tests of what
 * many instances share through Redis. Each is a child process with the app's environment; `ask`
 * sends it one operation and waits for its answer.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('./redis-instance.mjs', import.meta.url));
const BUILT_PROXY = fileURLToPath(new URL('../../dist/server/proxy/authkit.js', import.meta.url));
const NEXT_IMPORTS = fileURLToPath(new URL('./next-imports.mjs', import.meta.url));

export interface AppInstance {
  ask<T>(op: string, args?: Record<string, unknown>): Promise<T>;
  stop(): Promise<void>;
}

/** Starts one instance with `env` (added to this process's PATH and nothing else of its environment). */
export async function startAppInstance(env: Record<string, string>): Promise<AppInstance> {
  if (!existsSync(BUILT_PROXY)) throw new Error('app instances run the built kit: run `npm run build` first (npm test does)');
  const child: ChildProcess = fork(SCRIPT, [], {
    env: { PATH: process.env.PATH ?? '', ...env },
    execArgv: ['--import', NEXT_IMPORTS],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let next = 1;
  child.on('message', (message: { id: number; result?: unknown; error?: string }) => {
    const pending = waiting.get(message.id);
    waiting.delete(message.id);
    if (message.error) pending?.reject(new Error(message.error));
    else pending?.resolve(message.result);
  });
  await new Promise<void>((resolve, reject) => {
    waiting.set(0, { resolve: () => resolve(), reject });
    child.once('exit', (code) => reject(new Error(`app instance exited (${code}) before it started`)));
  });
  return {
    ask<T>(op: string, args: Record<string, unknown> = {}) {
      const id = next++;
      return new Promise<T>((resolve, reject) => {
        waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
        child.send({ id, op, ...args });
      });
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
