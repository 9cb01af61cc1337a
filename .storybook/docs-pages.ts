/**
 * What the docs pages (autodocs) show of the kit's JSDoc. react-docgen hands the comments over raw:
 * an `@example`'s JSX would be read as HTML by the Markdown renderer, and a prop's `@default` would
 * stay in its description instead of the "Default" column.
 */
import type { Preview } from '@storybook/nextjs-vite';

type ArgTypesEnhancer = NonNullable<Preview['argTypesEnhancers']>[number];

/** The component's description: its JSDoc summary, then each `@example` as a TSX code block. */
export function describeComponent(component: unknown): string {
  const jsdoc = (component as { __docgenInfo?: { description?: string } } | null)?.__docgenInfo?.description ?? '';
  const [summary = '', ...tags] = jsdoc.split(/^(?=@\w)/m);
  const examples = tags.filter((tag) => /^@example\b/.test(tag)).map((tag) => tag.replace(/^@example\b/, '').trim());
  return [summary.trim(), ...examples.map((code) => `**Example**\n\n\`\`\`tsx\n${code}\n\`\`\``)].filter(Boolean).join('\n\n');
}

/**
 * Props table and controls: `@default x` moves to the "Default" column, and elements and functions
 * (`ReactNode`, callbacks) get no JSON control: the stories set them.
 */
export const tidyArgTypes: ArgTypesEnhancer = ({ argTypes }) =>
  Object.fromEntries(
    Object.entries(argTypes).map(([name, argType]) => {
      const [description = '', defaultValue] = (argType.description ?? '').split(/\s*@default\s+/);
      const type = argType.table?.type?.summary ?? '';
      const table = defaultValue ? { ...argType.table, defaultValue: { summary: defaultValue.trim() } } : argType.table;
      const element = /ReactNode|=>/.test(type);
      return [name, { ...argType, description, table, ...(element ? { control: { disable: true } } : {}) }];
    }),
  );
