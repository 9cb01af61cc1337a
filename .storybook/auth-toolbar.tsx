/**
 * The auth-state toolbar and the decorator that drives every story through the test kit's mock
 * session: the server face reads it through the kit's real `getSession()` (a sealed cookie in the
 * framework's `next/headers` mock, its token read unverified), the client face through `MockAuthKitProvider`,
 * and the server actions are module mocks acting on it (see preview.tsx).
 */
import { cookies } from '@storybook/nextjs-vite/headers.mock';
import type { Decorator } from '@storybook/nextjs-vite';
import { Suspense, useEffect, useState } from 'react';
import type { ComponentType } from 'react';
import { mocked } from 'storybook/test';
import {
  MOCK_AUTH_STATE_LABELS, MOCK_AUTH_STATES, MockAuthKitProvider, createMockSession, onMockSessionChange, setMockSession,
} from '../src/testing/index.js';
import type { MockAuthState } from '../src/testing/index.js';
import { DEFAULT_SESSION_COOKIE_NAME } from '../src/shared/constants.js';

/** Toolbar value meaning "the state the story is named after". */
export const STORY_STATE = 'story';

export const authStateGlobal = {
  description: 'Auth state of the mock session',
  toolbar: {
    title: 'Auth',
    icon: 'user',
    dynamicTitle: true,
    items: [
      { value: STORY_STATE, title: "Story's own state" },
      ...MOCK_AUTH_STATES.map((state) => ({ value: state, title: MOCK_AUTH_STATE_LABELS[state] })),
    ],
  },
};

type StateContext = { globals: Record<string, unknown>; parameters: Record<string, unknown> };

/** The state a story renders in: the toolbar's choice, else the story's `parameters.authState`. */
export function authStateOf({ globals, parameters }: StateContext): MockAuthState {
  const chosen = globals.authState;
  if (typeof chosen === 'string' && chosen !== STORY_STATE) return chosen as MockAuthState;
  return (parameters.authState as MockAuthState | undefined) ?? 'signedIn';
}

/** True when the toolbar overrides the story's own state (play functions then only render). */
export const toolbarOverrides = ({ globals }: StateContext) => typeof globals.authState === 'string' && globals.authState !== STORY_STATE;

const never = () => new Promise<never>(() => {});

/**
 * Puts the story's mock session in place before it renders. "Loading" on the server face means the
 * session has not been read yet: the request carries a session cookie (so the kit does not answer
 * from `headers()` alone, as it does for an anonymous visitor) and `cookies()` never resolves, so
 * the server components suspend.
 */
export async function applyAuthState(context: StateContext): Promise<void> {
  cookies.mockRestore();
  const state = authStateOf(context);
  await setMockSession(createMockSession(state), { cookies: cookies() });
  if (state === 'loading') {
    cookies().set(DEFAULT_SESSION_COOKIE_NAME, 'not-read-yet');
    mocked(cookies).mockImplementation(never as never);
  }
}

/** Shown while server components wait for the session (the app's `loading.tsx` in real life). */
function SessionLoading() {
  return <p aria-busy="true" style={{ color: '#666', fontStyle: 'italic' }}>Loading session…</p>;
}

/** Re-renders the story when a mock action changes the session, as a server re-render would. */
function MockSessionFrame({ Story }: { Story: ComponentType }) {
  const [version, setVersion] = useState(0);
  useEffect(() => onMockSessionChange(() => setVersion((current) => current + 1)), []);
  return (
    <MockAuthKitProvider>
      <Suspense fallback={<SessionLoading />}>
        <Story key={version} />
      </Suspense>
    </MockAuthKitProvider>
  );
}

/** Every story renders inside the mock session's client provider and re-renders on session changes. */
export const withMockSession: Decorator = (Story) => <MockSessionFrame Story={Story} />;
