import 'server-only';
/**
 * How long and how much the stores remember of ended sessions and changed memberships, the same
 * for the in-process store and the Redis store's local view.
 */

/**
 * A day: longer than any access token WorkOS issues lives, so a record of an ended session or a
 * changed membership outlives every token issued before it.
 */
export const OUTLIVES_ACCESS_TOKENS_MS = 24 * 60 * 60 * 1000;

/** The most ended sessions a process keeps (and a shared store's instance reads back). */
export const MAX_ENDED_SESSIONS = 10_000;
