'use client';
/**
 * The seed of a client provider: a thenable of what the browser may know of the session (the
 * redacted auth, the auth route, the organisation's name while impersonating). The server shell
 * hands over a promise without awaiting it, so the page's static shell never waits for the
 * session; the parts that need it read it with `use()` inside their own boundary.
 */
import type { ClientAuth } from '../../shared/types.js';

/** What the server shell resolves the provider's seed to. */
export interface ClientSession {
  auth: ClientAuth;
  /** URL of the `handleAuth` route, where sign-in starts. */
  authRoute: string;
  /** The current organisation's name while impersonating. */
  organizationName?: string;
}

/** A thenable carrying React's settled markers (`status`, `value`), as `use()` leaves them. */
export type Seed = PromiseLike<ClientSession> & { status?: string; value?: ClientSession };

/** A promise that is already there, marked the way React marks one it has read: `use()` returns at once. */
export function fulfilled<T>(value: T): Promise<T> {
  return Object.assign(Promise.resolve(value), { status: 'fulfilled', value });
}
