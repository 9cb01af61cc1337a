/**
 * The package contract: which names every entry exports under which export condition. A change to
 * the public surface shows up here as a snapshot diff that has to be accepted on purpose.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { packageJson, repoRoot, resolveExport, sourceOf } from './package-exports.js';

// The condition sets the environments that load the package use.
const ENVIRONMENTS = {
  'server component (react-server)': ['react-server', 'node', 'import'],
  'client component, SSR (node)': ['node', 'import'],
  'client component, browser': ['browser', 'import'],
  'edge middleware': ['edge-light', 'worker', 'browser', 'import'],
} as const;

const ENTRIES = ['.', './components', './actions', './testing', './emulator'] as const;

async function exportedNames(distPath: string): Promise<string[]> {
  const source = sourceOf(distPath);
  const mod = (await import(/* @vite-ignore */ source)) as Record<string, unknown>;
  return Object.keys(mod).sort();
}

describe('package exports', () => {
  it('is ESM, side-effect free, and maps exactly the documented entries', () => {
    expect(packageJson.name).toBe('authkit-rsc');
    expect(packageJson.sideEffects).toBe(false);
    expect(Object.keys(packageJson.exports).sort()).toEqual([...ENTRIES, './package.json'].sort());
    expect(packageJson.bin['authkit-emulator']).toBe('./dist/emulator/cli.js');
  });

  it('compiles every export target from a source file', () => {
    for (const entry of ENTRIES) {
      for (const conditions of Object.values(ENVIRONMENTS)) {
        const target = resolveExport(entry, conditions);
        expect(target, `${entry} under ${conditions.join(',')}`).toBeDefined();
        expect(existsSync(sourceOf(target!)), `${target} has a source`).toBe(true);
      }
    }
  });

  it('sends a browser bundle that imports the root entry to a guard naming the client alternative', () => {
    expect(resolveExport('.', ENVIRONMENTS['client component, browser'])).toBe('./dist/server/client-import-guard.js');
    expect(resolveExport('.', ENVIRONMENTS['edge middleware'])).toBe('./dist/server/edge.js');
    expect(resolveExport('.', ENVIRONMENTS['client component, SSR (node)'])).toBe('./dist/server/index.js');
  });

  it("resolves the same way in Node's own resolver, with and without the react-server condition", () => {
    // The package resolves itself by name (the example workspace links it into node_modules).
    const resolveWith = (conditions: string[], specifier: string) =>
      execFileSync(process.execPath, [...conditions.map((c) => `--conditions=${c}`), '--input-type=module', '-e', `console.log(import.meta.resolve(${JSON.stringify(specifier)}))`], { cwd: repoRoot, encoding: 'utf8' }).trim();
    expect(resolveWith(['react-server'], 'authkit-rsc/components')).toMatch(/\/dist\/components\/index\.react-server\.js$/);
    expect(resolveWith([], 'authkit-rsc/components')).toMatch(/\/dist\/components\/index\.js$/);
    expect(resolveWith(['browser'], 'authkit-rsc')).toMatch(/\/dist\/server\/client-import-guard\.js$/);
    expect(resolveWith([], 'authkit-rsc')).toMatch(/\/dist\/server\/index\.js$/);
  });

  it('gives server components the server face of the components entry and everyone else the client face', () => {
    expect(resolveExport('./components', ENVIRONMENTS['server component (react-server)'])).toBe(
      './dist/components/index.react-server.js',
    );
    expect(resolveExport('./components', ENVIRONMENTS['client component, browser'])).toBe('./dist/components/index.js');
    expect(resolveExport('./components', ENVIRONMENTS['client component, SSR (node)'])).toBe('./dist/components/index.js');
  });

  it.each(ENTRIES.filter((entry) => entry !== '.'))('%s exports the snapshotted names', async (entry) => {
    const faces = new Set(Object.values(ENVIRONMENTS).map((conditions) => resolveExport(entry, conditions)!));
    const surface: Record<string, string[]> = {};
    for (const face of [...faces].sort()) surface[face] = await exportedNames(face);
    expect(surface).toMatchSnapshot();
  });

  it('root entry (server) exports the snapshotted names', async () => {
    expect(await exportedNames(resolveExport('.', ENVIRONMENTS['server component (react-server)'])!)).toMatchSnapshot();
  });

  it('keeps the same component names in both faces of authkit-rsc/components', async () => {
    const server = await exportedNames('./dist/components/index.react-server.js');
    const client = await exportedNames('./dist/components/index.js');
    expect(server).toEqual(client);
  });

  it('makes the server face async server components and the client face plain client components', async () => {
    type Face = Record<string, { constructor: { name: string }; Item?: unknown; Trigger?: unknown }>;
    const server = (await import(/* @vite-ignore */ sourceOf('./dist/components/index.react-server.js'))) as Face;
    const client = (await import(/* @vite-ignore */ sourceOf('./dist/components/index.js'))) as Face;
    const reading = [
      'AuthKitProvider', 'SignedIn', 'SignedOut', 'RequireAuth', 'OrgSwitcher', 'Impersonation', 'SignInButton', 'SignUpButton',
      'OrganizationPicker', 'CreateOrganization', 'OrganizationMembers', 'OrganizationInvitations', 'UserSessions',
    ];
    for (const name of reading) {
      expect(server[name]!.constructor.name, `server ${name}`).toBe('AsyncFunction');
      expect(client[name]!.constructor.name, `client ${name}`).toBe('Function');
    }
    // The sign-out button reads nothing, so it is synchronous in both faces, but still two components.
    expect(server.SignOutButton).not.toBe(client.SignOutButton);
    // The hooks are the very same functions; the switcher's parts exist in both faces.
    for (const hook of ['useAuth', 'useAccessToken', 'useTokenClaims', 'useRecentAuth']) expect(server[hook]).toBe(client[hook]);
    for (const face of [server, client]) expect([face.OrgSwitcher!.Item, face.OrgSwitcher!.Trigger]).not.toContain(undefined);
    // The organization parts render on the server only: in a client component they say so.
    expect(() => (client.OrganizationMembers as unknown as () => unknown)()).toThrow(/<OrganizationMembers> renders on the server/);
  });
});
