// `npm start`: builds the kit and the example app, then runs the app (production build) against
// the local WorkOS emulator, or against WorkOS when example/.env.local holds real credentials.
// Ctrl-C stops both. `npm start -- --no-build` skips the builds.
// PORT (default 3000) and EMULATOR_PORT (default 4100) change the ports.
import { spawnSync } from 'node:child_process';
import { startStack, usesRealWorkOS } from './stack.mjs';

const appPort = Number(process.env.PORT ?? 3000);
const emulatorPort = Number(process.env.EMULATOR_PORT ?? 4100);
const build = !process.argv.includes('--no-build');

function run(command, args) {
  console.log(`\n> ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (build) {
  run('npm', ['run', 'build']);
  // Built without NEXT_PUBLIC_WORKOS_REDIRECT_URI in the environment, so it is read at run time and
  // the same build serves any port (with real credentials, example/.env.local provides it).
  run('npm', ['run', 'build', '--workspace', 'example']);
}

const realWorkOS = usesRealWorkOS();
console.log(realWorkOS ? '\nStarting the example against WorkOS (example/.env.local)…' : '\nStarting the WorkOS emulator and the example…');
let stack;
try {
  stack = await startStack({ appPort, emulatorPort });
} catch (error) {
  console.error(`\nCould not start: ${error.message}`);
  process.exit(1);
}

console.log(`
  authkit-rsc example   ${stack.appUrl}`);
if (stack.emulator) {
  console.log(`  WorkOS emulator       ${stack.emulator.url}
    sign in as one of the seeded users, e.g. alice@example.com (admin in Acme, member in Globex)
    impersonate a user:  ${stack.emulator.url}/_emulator/impersonate
    control surface:     ${stack.emulator.url}/_emulator`);
}
console.log('\n  Press Ctrl-C to stop.\n');

let stopping = false;
stack.appExited.then(async (status) => {
  if (stopping) return;
  console.error(`\nThe app stopped unexpectedly (${status}).`);
  await stack.stop();
  process.exit(1);
});

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping…');
    await stack.stop();
    console.log('Stopped.');
    process.exit(0);
  });
}
