// Starts the local WorkOS emulator and the built example app together, and stops both cleanly.
// Used by `npm start` (scripts/start.mjs) and by the end-to-end suite.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const exampleDir = `${root}example`;

/** A fixed password for the local demo only; real deployments set their own (openssl rand -base64 32). */
export const DEMO_COOKIE_PASSWORD = 'authkit-rsc-local-demo-password-not-for-production';

/** Reads example/.env.local: real WorkOS credentials there mean "run against WorkOS, not the emulator". */
export function readExampleEnvFile() {
  const file = `${exampleDir}/.env.local`;
  if (!existsSync(file)) return {};
  const entries = readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => /^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*$/.exec(line))
    .filter(Boolean)
    .map(([, key, value]) => [key, value.replace(/^(['"])(.*)\1$/, '$2')]);
  return Object.fromEntries(entries);
}

export function usesRealWorkOS(envFile = readExampleEnvFile()) {
  return Boolean(envFile.WORKOS_API_KEY && envFile.WORKOS_CLIENT_ID);
}

function waitForHttp(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = async () => {
      if (child.exitCode !== null) return reject(new Error(`the app exited with code ${child.exitCode} before listening`));
      try {
        await fetch(url, { redirect: 'manual' });
        return resolve();
      } catch {
        if (Date.now() > deadline) return reject(new Error(`${url} did not answer within ${timeoutMs} ms`));
        setTimeout(attempt, 200);
      }
    };
    attempt();
  });
}

/**
 * Starts the emulator (unless real credentials are configured) and `next start` for the example.
 * Returns the URLs, the env the app runs with, and `stop()`.
 */
export async function startStack({ appPort = 3000, emulatorPort = 4100, emulatorOptions = {}, appEnv = {}, quiet = false } = {}) {
  const appUrl = `http://localhost:${appPort}`;
  let emulator;
  let env = { NEXT_TELEMETRY_DISABLED: '1' };
  if (!usesRealWorkOS()) {
    const { createEmulator } = await import('../dist/emulator/index.js');
    emulator = await createEmulator({ port: emulatorPort, quiet, ...emulatorOptions });
    env = {
      ...env,
      ...emulator.env,
      WORKOS_COOKIE_PASSWORD: DEMO_COOKIE_PASSWORD,
      NEXT_PUBLIC_WORKOS_REDIRECT_URI: `${appUrl}/callback`,
    };
  }
  env = { ...env, ...appEnv };
  const app = spawn('npx', ['next', 'start', '-p', String(appPort)], {
    cwd: exampleDir,
    env: { ...process.env, ...env },
    stdio: quiet ? 'ignore' : 'inherit',
    detached: true, // its own process group, so stop() also ends the next-server child
  });
  const stop = async () => {
    if (app.exitCode === null) {
      try { process.kill(-app.pid, 'SIGTERM'); } catch { /* already gone */ }
      await new Promise((resolve) => { app.once('exit', resolve); setTimeout(resolve, 5000); });
    }
    await emulator?.close();
  };
  try {
    await waitForHttp(appUrl, app, 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { appUrl, emulator, env, stop };
}
