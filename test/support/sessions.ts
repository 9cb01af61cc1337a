/**
 * Real sessions from the emulator (`POST /_emulator/sessions`), in the SDK's camelCase shape and
 * sealed the way the kit seals them (with the current session root's password).
 */
import type { CreateSessionInput, Emulator } from '../../src/emulator/index.js';
import { sessionRoot } from '../../src/server/root/current-root.js';
import { sealSession } from '../../src/server/session/session-seal.js';
import type { Session } from '../../src/shared/types.js';
import { sessionFromAuthenticateResponse } from '../../src/testing/test-session.js';

/** A session minted by the emulator for `input` (default: alice), and its sealed cookie value. */
export async function mintSession(
  emulator: Pick<Emulator, 'control'>,
  input: CreateSessionInput = {},
): Promise<{ session: Session; sealed: string }> {
  const who = input.user_id || input.email ? {} : { email: 'alice@example.com' };
  const wire = await emulator.control.createSession({ ...who, ...input });
  const session = sessionFromAuthenticateResponse(wire as unknown as Record<string, unknown>);
  return { session, sealed: await sealSession(sessionRoot(), session) };
}
