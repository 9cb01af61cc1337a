/** Small helpers the stories share. */
import type { StoryContext } from '@storybook/nextjs-vite';
import { toolbarOverrides } from './auth-toolbar.js';

/**
 * A play function that asserts the story's own auth state: when the toolbar picks another state,
 * the story only renders (its assertions would not hold).
 */
export function onlyInOwnState<C extends Pick<StoryContext, 'globals' | 'parameters'>>(play: (context: C) => Promise<void>) {
  return async (context: C) => {
    if (!toolbarOverrides(context)) await play(context);
  };
}
