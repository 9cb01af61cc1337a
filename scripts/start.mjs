// `npm start`: builds the kit and the example app, then runs the app against the local WorkOS
// emulator (or against WorkOS when example/.env.local holds real credentials). Ctrl-C stops both.
import { spawnSync } from 'node:child_process';
import { DEMO_COOKIE_PASSWORD, startStack, usesRealWorkOS } from './stack.mjs';

const appPort = Number(process.env.PORT ?? 3000);
const emulatorPort = Number(process.env.EMULATOR_PORT ?? 4100);

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run('npm', ['run', 'build']);
// The redirect URI is public (NEXT_PUBLIC_) and may be inlined at build time, so build with the same value.
const buildEnv = usesRealWorkOS() ? {} : { NEXT_PUBLIC_WORKOS_REDIRECT_URI: `http://localhost:${appPort}/callback`, WORKOS_COOKIE_PASSWORD: DEMO_COOKIE_PASSWORD };
run('npm', ['run', 'build', '--workspace', 'example'], buildEnv);

const stack = await startStack({ appPort, emulatorPort });
console.log(`\n  authkit-rsc example: ${stack.appUrl}`);
if (stack.emulator) console.log(`  WorkOS emulator:     ${stack.emulator.url}  (impersonation: ${stack.emulator.url}/_emulator/impersonate)`);
console.log('  Press Ctrl-C to stop.\n');

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    await stack.stop();
    process.exit(0);
  });
}
