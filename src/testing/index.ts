/**
 * `authkit-rsc/testing`: the test kit for apps that use authkit-rsc.
 *
 * - Real sessions for integration and e2e tests against the emulator: `createTestSession`,
 *   `sealTestSessionCookie`, and the Playwright helper `signInAs`.
 * - A mock session for unit tests and stories, in any auth state, without a server: `setMockSession`
 *   (the server face reads it through the kit's real `getSession()`), `MockAuthKitProvider` (the
 *   client face), `createMockActions` (the server actions), `nextHeadersMock` and
 *   `resolveServerComponents` (async server components in Testing Library).
 */
export { createTestSession, mintEmulatorSession, sealTestSessionCookie, sessionFromAuthenticateResponse } from './test-session.js';
export type { TestCookie, TestSession, TestSessionOptions } from './test-session.js';
export { signInAs } from './playwright.js';
export type { PlaywrightContextLike, PlaywrightPageLike, SignInAsOptions } from './playwright.js';

export { MOCK_AUTH_STATES, MOCK_AUTH_STATE_LABELS, MOCK_ORGANIZATIONS, MOCK_PRESETS, mockUser } from './mock-data.js';
export type { MockAuthState, MockMembership, MockSessionPreset } from './mock-data.js';
export { createMockSession, mockAccessToken, switchMockOrganization } from './mock-session.js';
export type { MockSession, MockSessionOptions } from './mock-session.js';
export { MOCK_AUTH_ENV, ensureMockAuthEnv } from './mock-env.js';
export { clearMockSession, setMockSession } from './mock-server.js';
export type { SetMockSessionOptions } from './mock-server.js';
export { currentMockSession, onMockSessionChange } from './mock-registry.js';
export { mockOrganizationDirectory, setMockOrganizationDirectory } from './mock-organizations.js';
export type { MockInvitation, MockMember, MockOrganizationDirectory, MockUserSession } from './mock-organizations.js';
export type { MockCookieJar } from './mock-registry.js';
export { clearMockActionCalls, createMockActions, mockActionCalls, mockActions } from './mock-actions.js';
export type { MockActionCall, MockActions } from './mock-actions.js';
export { loadMockProvider, MockAuthKitProvider, mockProviderProps } from './mock-provider.js';
export type { MockAuthKitProviderProps } from './mock-provider.js';
export { mockRequest, nextHeadersMock } from './next-headers.js';
export type { MockCookieWrite, MockRequestInit } from './next-headers.js';
export { resolveServerComponents } from './server-tree.js';
