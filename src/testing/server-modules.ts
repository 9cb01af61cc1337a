/**
 * The kit's server modules, loaded on first use. They start with `import 'server-only'`, which
 * throws outside the react-server condition unless the test runner stubs it; a plain Node test
 * runner (Playwright) gets a message saying how to run them instead of that package's own.
 */

const HOW = "authkit-rsc/testing seals sessions with the kit's own server code, which imports 'server-only'. " +
  'In a plain Node test runner use the react-server condition (e.g. NODE_OPTIONS=--conditions=react-server npx playwright test); ' +
  "in Vitest alias 'server-only' to an empty module.";

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
