/**
 * The bench's processes need flags that cannot be set from inside: the react-server condition,
 * `--expose-gc`, the module hooks and NODE_ENV=production. An entry script calls `relaunch()`
 * first; in the parent it re-runs the script with those flags and exits with its status, in the
 * child it returns.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROFILE_DIR = join(tmpdir(), 'authkit-rsc-bench-profiles');

export function relaunch(entryUrl, { profile = false } = {}) {
  if (process.env.AUTHKIT_BENCH_CHILD === '1') return;
  const root = fileURLToPath(new URL('../..', import.meta.url));
  if (!existsSync(join(root, 'dist', 'server', 'index.js'))) {
    console.error('bench: dist/ is missing; run `npm run build` first.');
    process.exit(1);
  }
  const flags = ['--conditions=react-server', '--expose-gc', '--import', fileURLToPath(new URL('./register.mjs', import.meta.url))];
  if (profile) flags.push('--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`);
  const child = spawnSync(process.execPath, [...flags, fileURLToPath(entryUrl), ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, AUTHKIT_BENCH_CHILD: '1', NODE_ENV: 'production' },
  });
  if (profile) console.log(`bench: CPU profile written to ${PROFILE_DIR}`);
  process.exit(child.status ?? 1);
}
