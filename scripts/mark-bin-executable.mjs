// Sets the run bit on every `bin` target of package.json after `tsc` has written them: tsc writes
// plain files (mode 644), and `npx authkit-emulator` inside this repository (or any link to it)
// would otherwise fail with "Permission denied" after each build. npm sets the bit for installed
// packages itself, so this is for builds run from a checkout.
// Usage: node scripts/mark-bin-executable.mjs [package directory, default: this repository]
import { chmodSync, existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(process.argv[2] ?? fileURLToPath(new URL('..', import.meta.url)));
const { bin = {} } = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));
const targets = typeof bin === 'string' ? [bin] : Object.values(bin);
for (const target of targets) {
  const file = resolve(root, target);
  if (!existsSync(file)) {
    console.error(`mark-bin-executable: ${target} does not exist; did the build run?`);
    process.exit(1);
  }
  // Read and execute for everyone (like npm does on install), write for the owner.
  chmodSync(file, statSync(file).mode | 0o755);
}
