/**
 * The kit's server modules, loaded on first use by the mock session's server half
 * (`setMockSession`). They start with `import 'server-only'`, which throws outside the
 * react-server condition unless the test runner stubs it (Storybook's Next framework does; in
 * Vitest, alias it), so the failure gets a message saying how. Real sessions (`createTestSession`,
 * `signInAs`) need none of this: they seal with the kit's pure sealing code.
 */

const HOW = "setMockSession runs the kit's own server code, which imports 'server-only': " +
  "in Vitest alias 'server-only' to an empty module (see docs/testing.md, \"Unit tests: Vitest + Testing Library\"), or run under the react-server condition.";

/** `load()`, with the `server-only` failure explained. */
export async function serverModule<T>(load: () => Promise<T>): Promise<T> {
  // Probe the marker alone first: a module graph that fails in several places at once can leave
  // one of its rejections unhandled in Node, which would end the test run with the bare message.
  try {
    await import('server-only');
  } catch (error) {
    throw new Error(HOW, { cause: error });
  }
  return load();
}
