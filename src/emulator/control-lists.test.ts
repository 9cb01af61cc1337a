/** `GET /_emulator/invitations` and `GET /_emulator/sessions`: what tests read without the API key. */
import { afterEach, describe, expect, it } from 'vitest';
import type { Emulator } from './index.js';
import { claimsOf, controlRequest, emulatorPerSuite, sdkFor, signIn } from '../../test/support/emulator-harness.js';

let emulator: Emulator;
emulatorPerSuite((started) => (emulator = started));
afterEach(() => emulator.control.reset());

describe('control lists', () => {
  it("read an invitation's token and link by email, over HTTP and in process", async () => {
    const sent = await sdkFor(emulator).userManagement.sendInvitation({ email: 'erin@example.com', organizationId: 'org_acme' });
    await sdkFor(emulator).userManagement.sendInvitation({ email: 'finn@example.com' });
    const response = await controlRequest(emulator, 'GET', 'invitations?email=Erin@example.com');
    const { invitations } = (await response.json()) as { invitations: Record<string, unknown>[] };
    expect(invitations).toEqual([
      expect.objectContaining({ id: sent.id, token: sent.token, accept_invitation_url: sent.acceptInvitationUrl, state: 'pending' }),
    ]);
    expect(emulator.control.invitations().map((invitation) => invitation.email)).toEqual(['finn@example.com', 'erin@example.com']);
  });

  it("list a user's sessions, ended ones too, newest first", async () => {
    const workos = sdkFor(emulator);
    const first = claimsOf((await signIn(workos, 'bob@example.com')).accessToken).sid as string;
    const second = claimsOf((await emulator.control.createSession({ email: 'bob@example.com' })).access_token).sid as string;
    await emulator.control.createSession({ email: 'carol@example.com' });
    await workos.userManagement.revokeSession({ sessionId: first });
    const response = await controlRequest(emulator, 'GET', 'sessions?email=bob@example.com');
    const { sessions } = (await response.json()) as { sessions: { id: string; status: string; user_agent: string }[] };
    expect(sessions.map(({ id, status }) => [id, status])).toEqual([[second, 'active'], [first, 'revoked']]);
    expect(sessions[0]!.user_agent).toBe('authkit-emulator (minted session)');
    expect(emulator.control.sessions({ user_id: 'user_carol' })).toHaveLength(1);
    expect(emulator.control.sessions()).toHaveLength(3);
  });
});
