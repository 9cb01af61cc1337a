/** `server-only` is a marker package without types; the test kit imports it to probe the environment. */
declare module 'server-only';
