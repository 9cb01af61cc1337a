/** Start-up concerns: data files and their errors, the persisted signing key, and the CLI. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestEmulator } from '../../test/support/emulator.js';
import { parseCliArgs, startCli, UsageError } from './cli-main.js';
import { createEmulator, EmulatorDataError, type SeedData } from './index.js';
import { defaultSeed } from './seed-defaults.js';
import { claimsOf, rejectionOf, sdkFor, signIn } from '../../test/support/emulator-harness.js';

const directory = mkdtempSync(join(tmpdir(), 'authkit-emulator-setup-'));
const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  await Promise.all(closers.map((close) => close()));
  rmSync(directory, { recursive: true, force: true });
});

function dataFile(name: string, content: unknown): string {
  const path = join(directory, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

async function dataError(data: SeedData | string): Promise<EmulatorDataError> {
  const error = await rejectionOf(startTestEmulator({ data }));
  expect(error).toBeInstanceOf(EmulatorDataError);
  return error as unknown as EmulatorDataError;
}

describe('data files', () => {
  it('name every bad field', async () => {
    const seed = defaultSeed() as unknown as { users: Record<string, unknown>[]; memberships: Record<string, unknown>[] };
    seed.users[2]!.email = 42;
    seed.users[3]!.id = 'user_alice';
    seed.memberships[0]!.user_id = 'user_ghost';
    seed.memberships[1]!.status = 'archived';
    (seed as Record<string, unknown>).colour = 'blue';
    const error = await dataError(dataFile('bad.json', seed));
    expect(error.issues).toEqual(
      expect.arrayContaining([
        'users[2].email: expected a string (got number)',
        "users[3].id: duplicate id 'user_alice'",
        "memberships[0].user_id: unknown user 'user_ghost'",
        'memberships[1].status: expected one of active, inactive, pending (got "archived")',
        'colour: unknown field',
      ]),
    );
    expect(error.message).toContain('users[2].email: expected a string');
  });

  it('report unreadable and non-JSON files, and a missing users list', async () => {
    expect((await dataError(join(directory, 'missing.json'))).issues).toEqual(['cannot read the file (ENOENT)']);
    expect((await dataError(dataFile('broken.json', '{ "users": ['))).issues[0]).toMatch(/^not valid JSON/);
    expect((await dataError(dataFile('empty.json', {}))).issues).toEqual(['users: expected an array (got undefined)']);
  });

  it('replace the default data, client id and API key', async () => {
    const data: SeedData = {
      client_id: 'client_custom',
      api_key: 'sk_test_custom',
      users: [{ id: 'user_zoe', email: 'zoe@example.com', first_name: 'Zoe' }],
      organizations: [{ id: 'org_solo', name: 'Solo' }],
      memberships: [{ id: 'om_zoe', user_id: 'user_zoe', organization_id: 'org_solo', role: 'member' }],
    };
    const emulator = await startTestEmulator({ data: dataFile('custom.json', data) });
    closers.push(() => emulator.close());
    expect(emulator.env).toMatchObject({ WORKOS_CLIENT_ID: 'client_custom', WORKOS_API_KEY: 'sk_test_custom' });
    const result = await signIn(sdkFor(emulator), 'zoe@example.com');
    expect(result.organizationId).toBe('org_solo');
    // Roles default to the built-in admin/member set when the file has none.
    expect(claimsOf(result.accessToken)).toMatchObject({ role: 'member', permissions: ['posts:read'] });
    await expect(sdkFor(emulator).userManagement.getUser('user_alice')).rejects.toMatchObject({ status: 404 });
  });
});

describe('the signing key', () => {
  it('is persisted, so tokens and the kid survive a restart', async () => {
    const keyFile = join(directory, 'restart', 'signing-key.json');
    const first = await createEmulator({ port: 0, quiet: true, keyFile });
    const { accessToken } = await signIn(sdkFor(first), 'bob@example.com');
    await first.close();
    expect(JSON.parse(readFileSync(keyFile, 'utf8'))).toMatchObject({ kty: 'RSA', kid: decodeProtectedHeader(accessToken).kid });

    const second = await createEmulator({ port: 0, quiet: true, keyFile });
    closers.push(() => second.close());
    const jwks = createRemoteJWKSet(new URL(`${second.url}/sso/jwks/${second.clientId}`));
    const { payload } = await jwtVerify(accessToken, jwks);
    expect(payload.sub).toBe('user_bob');
  });

  it('never shows up in git: the folder it creates ignores itself; a folder of yours is left alone', async () => {
    const app = join(directory, 'app');
    mkdirSync(join(app, 'config'), { recursive: true });
    execFileSync('git', ['init', '-q', app]);
    const untracked = () => execFileSync('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: app, encoding: 'utf8' });
    for (const keyFile of [join(app, '.authkit-emulator', 'signing-key.json'), join(app, 'new', 'keys', 'key.json')]) {
      const emulator = await createEmulator({ port: 0, quiet: true, keyFile });
      await emulator.close();
      expect(existsSync(keyFile)).toBe(true);
    }
    expect(untracked()).toBe('');
    expect(readFileSync(join(app, '.authkit-emulator', '.gitignore'), 'utf8')).toMatch(/^\*$/m);

    const yours = join(app, 'config', 'emulator-key.json');
    await (await createEmulator({ port: 0, quiet: true, keyFile: yours })).close();
    expect(existsSync(join(app, 'config', '.gitignore'))).toBe(false);
    expect(untracked()).toBe('?? config/emulator-key.json\n');
  });

  it('gets the ignore file in an .authkit-emulator folder made before there was one', async () => {
    const folder = join(directory, 'older', '.authkit-emulator');
    mkdirSync(folder, { recursive: true });
    await (await createEmulator({ port: 0, quiet: true, keyFile: join(folder, 'signing-key.json') })).close();
    expect(existsSync(join(folder, '.gitignore'))).toBe(true);
  });

  it('can come from the data file', async () => {
    const keyFile = join(directory, 'source', 'signing-key.json');
    const source = await createEmulator({ port: 0, quiet: true, keyFile });
    await source.close();
    const signingKey = JSON.parse(readFileSync(keyFile, 'utf8')) as JsonWebKey;
    const emulator = await startTestEmulator({ data: { ...defaultSeed(), signing_key: signingKey } });
    closers.push(() => emulator.close());
    const { accessToken } = await signIn(sdkFor(emulator), 'bob@example.com');
    expect(decodeProtectedHeader(accessToken).kid).toBe((signingKey as { kid?: string }).kid);
  });
});

describe('the CLI', () => {
  it('parses flags with the documented defaults', () => {
    expect(parseCliArgs([])).toEqual({ port: 4100 });
    expect(
      parseCliArgs(['--port', '0', '--host', '0.0.0.0', '--data', 's.json', '--access-token-ttl', '60', '--refresh-grace', '5', '--key-file', 'k.json', '--quiet']),
    ).toEqual({ port: 0, host: '0.0.0.0', data: 's.json', accessTokenTtlSeconds: 60, refreshGraceSeconds: 5, keyFile: 'k.json', quiet: true });
    expect(parseCliArgs(['--allowed-host', 'emulator', '--allowed-host', 'host.docker.internal'])).toEqual({
      port: 4100,
      allowedHosts: ['emulator', 'host.docker.internal'],
    });
    expect(parseCliArgs(['--help'])).toBeUndefined();
    expect(() => parseCliArgs(['--port', 'abc'])).toThrow(UsageError);
    expect(() => parseCliArgs(['--colour'])).toThrow(UsageError);
  });

  it('starts on loopback and prints the env block', async () => {
    let printed = '';
    const emulator = await startCli(['--port', '0', '--quiet', '--key-file', join(directory, 'cli-key.json')], (text) => {
      printed += text;
    });
    closers.push(() => emulator!.close());
    for (const line of [
      'WORKOS_API_HOSTNAME=localhost',
      'WORKOS_API_HTTPS=false',
      `WORKOS_API_PORT=${emulator!.port}`,
      'WORKOS_CLIENT_ID=client_emulator',
      'WORKOS_API_KEY=sk_test_emulator',
    ]) {
      expect(printed).toContain(`\n${line}\n`);
    }
    expect(printed).toContain(`${emulator!.url}/_emulator/impersonate`);
    expect(printed).toContain('bound to 127.0.0.1');
    expect((await fetch(`${emulator!.url}/health`)).status).toBe(200);
  });
});
