import type { Preview } from '@storybook/nextjs-vite';
import { mocked, sb } from 'storybook/test';
import * as actions from '../src/actions/index.js';
import { mockActions, setMockOrganizationDirectory } from '../src/testing/index.js';
import { applyAuthState, authStateGlobal, STORY_STATE, withMockSession } from './auth-toolbar.js';
import { describeComponent, tidyArgTypes } from './docs-pages.js';

// Server actions are network calls from the browser's point of view: mock the module, and let each
// mock act on the mock session (switching organisation, signing out) so stories can assert on them.
sb.mock('../src/actions/index.ts');

const preview: Preview = {
  // A docs page per component, built from its JSDoc (summary, @example) and its props.
  tags: ['autodocs'],
  parameters: {
    nextjs: { appDirectory: true },
    layout: 'padded',
    controls: { matchers: { date: /Date$/ } },
    options: { storySort: { order: ['Gates', 'Components', 'Organizations', 'Buttons', 'Provider'] } },
    docs: {
      subtitle: 'Stories show the server face; ClientFace shows the client twin. The toolbar\'s "Auth" menu switches the auth state.',
      extractComponentDescription: describeComponent,
      // Each story in its own frame: the mock session is one per frame, so stories in different
      // auth states cannot share a page.
      story: { inline: false, iframeHeight: 160 },
    },
  },
  argTypesEnhancers: [tidyArgTypes],
  globalTypes: { authState: authStateGlobal },
  initialGlobals: { authState: STORY_STATE },
  decorators: [withMockSession],
  async beforeEach(context) {
    setMockOrganizationDirectory(); // the organization parts' data back to the start
    for (const name of Object.keys(mockActions) as Array<keyof typeof mockActions>) {
      mocked(actions[name]).mockImplementation(mockActions[name] as never);
    }
    await applyAuthState(context);
  },
};

export default preview;
