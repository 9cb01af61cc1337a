import 'server-only';
/**
 * Test-only: real sessions from the emulator (`POST /_emulator/sessions`), in the SDK's camelCase
 * shape and sealed the way the kit seals them.
 */
import type { Emulator, CreateSessionInput, AuthenticateResponseJson } from '../../emulator/index.js';
import type { Session, User } from '../../shared/types.js';
import { sealSession } from '../session/session-seal.js';

function userFromWire(wire: Record<string, unknown>): User {
  return {
    object: 'user',
    id: wire.id as string,
    email: wire.email as string,
    emailVerified: (wire.email_verified as boolean) ?? false,
    firstName: (wire.first_name as string | null) ?? null,
    lastName: (wire.last_name as string | null) ?? null,
    name: (wire.name as string | null) ?? null,
    profilePictureUrl: (wire.profile_picture_url as string | null) ?? null,
    lastSignInAt: (wire.last_sign_in_at as string | null) ?? null,
    locale: (wire.locale as string | null) ?? null,
    createdAt: wire.created_at as string,
    updatedAt: wire.updated_at as string,
    externalId: (wire.external_id as string | null) ?? null,
    metadata: (wire.metadata as Record<string, string>) ?? {},
  } as User;
}

export function sessionFromWire(response: AuthenticateResponseJson): Session {
  const session: Session = {
    accessToken: response.access_token,
    refreshToken: response.refresh_token,
    user: userFromWire(response.user),
  };
  if (response.impersonator) session.impersonator = response.impersonator;
  if (response.authentication_method) session.authenticationMethod = response.authentication_method as Session['authenticationMethod'];
  return session;
}

/** A session minted by the emulator for `input` (default: alice), and its sealed cookie value. */
export async function mintSession(
  emulator: Pick<Emulator, 'control'>,
  input: CreateSessionInput = {},
): Promise<{ session: Session; sealed: string }> {
  const who = input.user_id || input.email ? {} : { email: 'alice@example.com' };
  const session = sessionFromWire(await emulator.control.createSession({ ...who, ...input }));
  return { session, sealed: await sealSession(session) };
}
