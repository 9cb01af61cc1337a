/**
 * App instances as separate Node processes (test/support/redis-instance.mjs), for tests of what
 * many instances share through Redis. Each is a child process with the app's environment; `ask`
 * sends it one operation and waits for its answer.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Emulator, EmulatorOptions } from '../../src/emulator/index.js';
import { startTestEmulator, pointEnvAtEmulator } from './emulator.js';
import { TEST_COOKIE_PASSWORD, TEST_REDIRECT_URI } from './env.js';
import { startTestRedis, type TestRedis } from './redis-server.mjs';

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

/** What one proxy run on an instance answers (redis-instance.mjs `proxy`). */
export interface ProxyRun {
  userId: string | null;
  sessionId: string | null;
  accessToken: string | null;
}

/** One proxy run on `instance` with `cookie` as the session cookie. */
export async function proxyOnce(instance: AppInstance, cookie: string): Promise<ProxyRun> {
  return (await instance.ask<ProxyRun[]>('proxy', { cookie, count: 1 }))[0]!;
}

/** How long after `since` (performance.now()) each instance first answers `done` for `cookie`; throws after 5 s. */
export function firstAnswered(instances: AppInstance[], cookie: string, since: number, done: (run: ProxyRun) => boolean): Promise<number[]> {
  return Promise.all(
    instances.map(async (instance) => {
      while (!done(await proxyOnce(instance, cookie))) {
        if (performance.now() - since > 5_000) throw new Error('an instance still answered as before after 5 s');
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return performance.now() - since;
    }),
  );
}

/** A real redis-server, an emulator (as WorkOS, process.env pointed at it) and app instances sharing both. */
export interface SharedApp {
  redis: TestRedis;
  emulator: Emulator;
  instances: AppInstance[];
  /** Stops everything and restores process.env. */
  stop(): Promise<void>;
}

/** Starts a `SharedApp` of `count` instances (each connected to Redis), with `env` added to theirs. */
export async function startSharedApp({ count = 3, emulator: options = {}, env = {} }: { count?: number; emulator?: EmulatorOptions; env?: Record<string, string> } = {}): Promise<SharedApp> {
  const [redis, emulator] = await Promise.all([startTestRedis(), startTestEmulator(options)]);
  const restoreEnv = pointEnvAtEmulator(emulator);
  const appEnv = { ...emulator.env, WORKOS_COOKIE_PASSWORD: TEST_COOKIE_PASSWORD, NEXT_PUBLIC_WORKOS_REDIRECT_URI: TEST_REDIRECT_URI, AUTHKIT_REDIS_URL: redis.url, ...env };
  const instances = await Promise.all(Array.from({ length: count }, () => startAppInstance(appEnv)));
  for (const instance of instances) {
    if ((await instance.ask('ready')) !== true) throw new Error('an app instance did not connect to Redis');
  }
  return {
    redis,
    emulator,
    instances,
    async stop() {
      await Promise.all(instances.map((instance) => instance.stop()));
      restoreEnv();
      await Promise.all([emulator.close(), redis.stop()]);
    },
  };
}
