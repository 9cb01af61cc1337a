import 'server-only';
/**
 * Ending a session at WorkOS from the server (`revokeSession`), so that a copied cookie cannot
 * refresh after sign-out even when the browser never completes WorkOS's logout redirect.
 * Sign-out never depends on it: the wait is bounded, and a failure (WorkOS down) is logged
 * without secrets while the cookies are cleared and the redirect goes on as before.
 */
import { settleWithin } from '../deadline.js';
import { describeError, warn } from '../log.js';
import type { SessionRoot } from '../root/session-root.js';
import { workosClient } from '../workos.js';

/** How long sign-out waits for WorkOS to confirm; the call goes on in the background after. */
const REVOKE_WAIT_MS = 3_000;

type Outcome = { ok: true } | { ok: false; error: unknown } | { ok: false; late: true };

/** Revokes the WorkOS session `sessionId` and remembers it ended (in the root's store). Never throws. */
export async function revokeWorkosSession(root: SessionRoot, sessionId: string): Promise<void> {
  root.store.endedSessions.add(sessionId);
  const call = workosClient(root)
    .userManagement.revokeSession({ sessionId })
    .then((): Outcome => ({ ok: true }), (error: unknown): Outcome => ({ ok: false, error }));
  const outcome = await settleWithin(call, REVOKE_WAIT_MS, (): Outcome => ({ ok: false, late: true }));
  if (outcome.ok) return;
  if ('late' in outcome) {
    warn(`Sign-out: WorkOS did not confirm the session's revocation within ${REVOKE_WAIT_MS / 1000} s; the cookies are cleared and the logout redirect goes on.`);
    return;
  }
  // Already ended at WorkOS (404): nothing left to do.
  if ((outcome.error as { status?: unknown }).status === 404) return;
  warn(`Sign-out: the session could not be revoked at WorkOS (${describeError(outcome.error)}); the cookies are cleared and the logout redirect goes on.`);
}
