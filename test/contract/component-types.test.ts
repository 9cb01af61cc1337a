/**
 * `authkit-rsc/components` is typed per face, like its code: under the `react-server` condition
 * TypeScript reads the server face's declarations, so a server component cannot hand the server
 * shell of `<AuthKitProvider>` a callback (functions cannot cross to the browser), while client code
 * keeps the client provider's props. Runs on the build (`dist/`), as an app sees the package.
 */
import { describe, expect, it } from 'vitest';
import { repoRoot } from './package-exports.js';
import { typecheckProject } from './typecheck.js';

const APP = `import { AuthKitProvider, type AuthKitProviderProps } from 'authkit-rsc/components';
export const callback = <AuthKitProvider onSessionExpired={() => {}}><p>x</p></AuthKitProvider>;
export const off = <AuthKitProvider onSessionExpired={false}><p>x</p></AuthKitProvider>;
export const props: AuthKitProviderProps = { onSessionExpired: () => {} };
`;

const check = (customConditions?: string[]) =>
  typecheckProject(repoRoot, { 'layout.tsx': APP }, customConditions ? { compilerOptions: { customConditions } } : {});

describe('per-face types of authkit-rsc/components', () => {
  it('lets client code pass onSessionExpired a callback', () => {
    expect(check()).toEqual([]);
  });

  it('refuses a callback to the server face (react-server), which takes only false', () => {
    const lines = check(['react-server']).map((diagnostic) => diagnostic.line);
    expect(lines).toEqual([2, 4]);
  });
});
