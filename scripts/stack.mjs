// Starts the local WorkOS emulator and the built example app together, and stops both cleanly.
// Used by `npm start` (scripts/start.mjs) and by the end-to-end suite (test/e2e/global-setup.ts).
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const exampleDir = `${root}example`;
/** The `next` binary an app folder resolves (a fixture app may have its own Next version). */
const nextBinOf = (appDir) => createRequire(`${appDir}/`).resolve('next/dist/bin/next');

/** A fixed password for the local demo only; real deployments set their own (openssl rand -base64 32). */
export const DEMO_COOKIE_PASSWORD = 'authkit-rsc-local-demo-password-not-for-production';

/** Reads example/.env.local: real WorkOS credentials there mean "run against WorkOS, not the emulator". */
export function readExampleEnvFile() {
  const file = `${exampleDir}/.env.local`;
  if (!existsSync(file)) return {};
  const entries = readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => /^\s*(?:export\s+)?([A-Za-z0-9_]+)\s*=\s*(.*?)\s*$/.exec(line))
    .filter(Boolean)
    .map(([, key, value]) => [key, value.replace(/\s+#.*$/, '').replace(/^(['"])(.*)\1$/, '$2')]);
  return Object.fromEntries(entries);
}

export function usesRealWorkOS(envFile = readExampleEnvFile()) {
  return Boolean(envFile.WORKOS_API_KEY && envFile.WORKOS_CLIENT_ID);
}

/** True when `next build` has produced a production build of the app (default: the example). */
export function exampleIsBuilt(appDir = exampleDir) {
  return existsSync(`${appDir}/.next/BUILD_ID`);
}

function waitForHttp(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = async () => {
      if (child.exitCode !== null || child.signalCode !== null) {
        return reject(new Error(`the app exited (${child.exitCode ?? child.signalCode}) before listening; see its output above`));
      }
      try {
        await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(2000) });
        return resolve();
      } catch {
        if (Date.now() > deadline) return reject(new Error(`${url} did not answer within ${timeoutMs} ms`));
        setTimeout(attempt, 150);
      }
    };
    attempt();
  });
}

function exited(child, timeoutMs) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal); // the whole group: `next start` and its next-server child
  } catch {
    // already gone
  }
}

/**
 * Starts the emulator (unless real credentials are configured in example/.env.local, or
 * `emulator: false`) and `next start` for the built example, in its own process group.
 * Returns the URLs, the env the app runs with, and `stop()`, which ends both.
 *
 * @param {object} [options]
 * @param {number} [options.appPort] @default 3000
 * @param {number} [options.emulatorPort] @default 4100
 * @param {boolean} [options.emulator] force the emulator on (tests) or off; @default: on unless .env.local has credentials
 * @param {object} [options.emulatorOptions] passed to createEmulator
 * @param {Record<string, string>} [options.appEnv] extra env for the app
 * @param {string} [options.logFile] write the app's output there instead of this terminal
 * @param {string} [options.appDir] a built app other than the example (the e2e suite's fixture apps)
 */
export async function startStack({
  appPort = 3000,
  emulatorPort = 4100,
  emulator: useEmulator = !usesRealWorkOS(),
  emulatorOptions = {},
  appEnv = {},
  logFile,
  appDir = exampleDir,
} = {}) {
  if (!exampleIsBuilt(appDir)) {
    throw new Error(appDir === exampleDir
      ? 'The example app is not built: run `npm run build && npm run build --workspace example` first.'
      : `${appDir} is not built: run \`node scripts/fixture-apps.mjs\` first.`);
  }
  const appUrl = `http://localhost:${appPort}`;
  let emulator;
  let env = { NEXT_TELEMETRY_DISABLED: '1' };
  if (useEmulator) {
    const { createEmulator } = await import('../dist/emulator/index.js');
    // appUrl: sign-out without return_to and the impersonation page go to this app, on whatever PORT it runs.
    emulator = await createEmulator({ port: emulatorPort, quiet: true, appUrl, ...emulatorOptions });
    env = {
      ...env,
      ...emulator.env,
      WORKOS_COOKIE_PASSWORD: DEMO_COOKIE_PASSWORD,
      NEXT_PUBLIC_WORKOS_REDIRECT_URI: `${appUrl}/callback`,
      // The emulator's seeded admin role grants `members:manage` (WorkOS's widgets ask for
      // `widgets:users-table:manage`, the kit's default): the organization page's managers.
      WORKOS_MANAGE_MEMBERS_PERMISSION: 'members:manage',
    };
  }
  env = { ...env, ...appEnv };
  const output = logFile ? createWriteStream(logFile, { flags: 'a' }) : undefined;
  const app = spawn(process.execPath, [nextBinOf(appDir), 'start', '-p', String(appPort), '-H', '127.0.0.1'], {
    cwd: appDir,
    env: { ...process.env, ...env },
    stdio: output ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    detached: true, // its own process group, so stop() also ends the next-server child
  });
  if (output) {
    app.stdout.pipe(output);
    app.stderr.pipe(output);
  }
  let stopped;
  const stop = () => {
    stopped ??= (async () => {
      signalGroup(app, 'SIGTERM');
      if (!(await exited(app, 5000))) {
        signalGroup(app, 'SIGKILL');
        await exited(app, 2000);
      }
      signalGroup(app, 'SIGKILL'); // a next-server child that outlived its parent
      await emulator?.close();
      output?.end();
    })();
    return stopped;
  };
  try {
    await waitForHttp(appUrl, app, 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  /** Resolves when the app exits on its own (a crash) or is stopped. */
  const appExited = new Promise((resolve) => app.once('exit', (code, signal) => resolve(code ?? signal)));
  return { appUrl, emulator, env, stop, appExited };
}
