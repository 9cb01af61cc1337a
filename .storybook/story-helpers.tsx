/** Small helpers the stories share. */
import type { StoryContext } from '@storybook/nextjs-vite';
import { Component } from 'react';
import type { ReactNode } from 'react';
import { expect, waitFor, within } from 'storybook/test';
import { toolbarOverrides } from './auth-toolbar.js';

/**
 * A play function that asserts the story's own auth state: when the toolbar picks another state,
 * the story only renders (its assertions would not hold).
 */
export function onlyInOwnState<C>(play: (context: C) => Promise<void>) {
  return async (context: C & Pick<StoryContext, 'globals' | 'parameters'>) => {
    if (!toolbarOverrides(context)) await play(context);
  };
}

/** The server face while the session is being read: the Suspense fallback, nothing else. */
export async function expectLoading({ canvasElement }: { canvasElement: HTMLElement }): Promise<void> {
  const canvas = within(canvasElement);
  await expect(await canvas.findByText('Loading session…')).toBeInTheDocument();
  await expect(canvasElement.textContent).toBe('Loading session…');
}

/**
 * The story renders nothing at all (gates closed, switcher hidden, no banner), once the session has
 * been read: its first read unseals the cookie (WebCrypto, in the browser), which takes a few tasks.
 */
export async function expectNothing({ canvasElement }: { canvasElement: HTMLElement }): Promise<void> {
  await waitFor(() => expect(canvasElement.textContent).not.toBe('Loading session…'), { timeout: 5000 });
  // Give async server components a moment more to settle before asserting absence.
  await new Promise((resolve) => setTimeout(resolve, 50));
  await expect(canvasElement.textContent).toBe('');
}

interface RedirectState {
  url?: string;
}

/**
 * Shows where a server component's `redirect()` would send the browser instead of following it
 * (in Storybook nothing navigates, so the framework's redirect boundary would retry forever).
 */
export class ShowRedirect extends Component<{ children: ReactNode }, RedirectState> {
  override state: RedirectState = {};

  static getDerivedStateFromError(error: unknown): RedirectState {
    const digest = (error as { digest?: unknown } | null)?.digest;
    if (typeof digest === 'string' && digest.startsWith('NEXT_REDIRECT;')) return { url: digest.split(';').slice(2, -2).join(';') };
    throw error;
  }

  override render() {
    if (this.state.url === undefined) return this.props.children;
    return (
      <p role="status">
        Redirects to sign-in: <code>{this.state.url}</code>
      </p>
    );
  }
}

/** The form a mocked server action was last called with (`actions.x` from the mocked module). */
export function lastForm(action: unknown): FormData {
  const calls = (action as { mock: { calls: [FormData][] } }).mock.calls;
  return calls.at(-1)![0];
}
