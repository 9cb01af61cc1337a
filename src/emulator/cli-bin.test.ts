/** The `authkit-emulator` bin stays runnable after every build (tsc writes files without the run bit). */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const script = join(repoRoot, 'scripts', 'mark-bin-executable.mjs');
const directory = mkdtempSync(join(tmpdir(), 'authkit-emulator-bin-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('the bin', () => {
  it('gets its run bit from the build step, whatever mode tsc left', () => {
    mkdirSync(join(directory, 'dist'));
    writeFileSync(join(directory, 'package.json'), JSON.stringify({ bin: { tool: './dist/cli.js' } }));
    writeFileSync(join(directory, 'dist', 'cli.js'), '#!/usr/bin/env node\nconsole.log("ran");\n');
    chmodSync(join(directory, 'dist', 'cli.js'), 0o644);
    execFileSync(process.execPath, [script, directory]);
    expect(statSync(join(directory, 'dist', 'cli.js')).mode & 0o777).toBe(0o755);
    expect(execFileSync(join(directory, 'dist', 'cli.js'), { encoding: 'utf8' })).toBe('ran\n');
  });

  it('fails the build when a bin target is missing', () => {
    writeFileSync(join(directory, 'package.json'), JSON.stringify({ bin: { tool: './dist/missing.js' } }));
    expect(() => execFileSync(process.execPath, [script, directory], { stdio: 'pipe' })).toThrow(/missing\.js does not exist/);
  });

  it('runs straight from dist after `npm run build` (npm test builds first)', () => {
    const usage = execFileSync(join(repoRoot, 'dist', 'emulator', 'cli.js'), ['--help'], { encoding: 'utf8' });
    expect(usage).toMatch(/^Usage: authkit-emulator/);
  });
});
