/**
 * Creating an organization and managing one's own sessions, through the real actions and SDK
 * against the emulator: the caller acts on their own account only, whatever the form says.
 */
import { describe, expect, it, vi } from 'vitest';
import { signedInRequest, signedOutRequest } from '../../../test/support/components-request.js';
import { emulatorSuite } from '../../../test/support/emulator-suite.js';
import { redirectOf } from '../../../test/support/http.js';
import { form, managePermission, noticeFor, sessionNow } from '../../../test/support/organization-forms.js';
import { createOrganizationAction, revokeOtherSessionsAction, revokeSessionAction } from '../../actions/index.js';
import { getWorkOS } from '../auth/get-workos.js';
import { listUserSessions } from './user-sessions.js';

vi.mock('next/headers', async () => (await import('../../testing/next-headers.js')).nextHeadersMock);
vi.mock('next/cache', () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

const suite = emulatorSuite();
const emulator = () => suite.emulator;
managePermission();
const action = { readOnly: false, path: '/account' };
const bob = { user: 'bob@example.com', organizationId: 'org_acme' };
const PHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1';

const sidOf = (accessToken: string) => (JSON.parse(Buffer.from(accessToken.split('.')[1]!, 'base64url').toString()) as { sid: string }).sid;

const organizationsNamed = async (name: string) =>
  (await (await getWorkOS().organizations.listOrganizations({ limit: 100 })).autoPagination()).filter((org) => org.name === name);

describe('createOrganizationAction', () => {
  it('creates the organization, makes the caller its admin and switches the session into it', async () => {
    await signedInRequest(emulator(), bob, action);
    const { url } = await redirectOf(() => createOrganizationAction(form({ name: '  Bob’s Shop ', returnTo: '/organization' })));
    expect(url).toBe('/organization#authkit-create-organization');
    expect(await noticeFor('create-organization')).toEqual({ code: 'organization-created', subject: 'Bob’s Shop' });
    const [created] = await organizationsNamed('Bob’s Shop');
    const memberships = await (await getWorkOS().userManagement.listOrganizationMemberships({ organizationId: created!.id })).autoPagination();
    expect(memberships.map((m) => [m.userId, m.role.slug, m.status])).toEqual([['user_bob', 'admin', 'active']]);
    const session = await sessionNow();
    expect(session.status === 'signed-in' && [session.info.organizationId, session.info.role]).toEqual([created!.id, 'admin']);
  });

  it('refuses a missing, overlong or multi-line name, and a signed-out caller, before asking WorkOS', async () => {
    await signedInRequest(emulator(), bob, action);
    emulator().control.resetCounters();
    for (const name of ['', '   ', 'x'.repeat(101), 'two\nlines']) {
      await redirectOf(() => createOrganizationAction(form({ name })));
      expect(await noticeFor('create-organization')).toEqual({ code: 'invalid-input' });
    }
    expect(emulator().control.counters()['POST /organizations']).toBeUndefined();
    await signedOutRequest(action);
    await redirectOf(() => createOrganizationAction(form({ name: 'Nope' })));
    expect(await noticeFor('create-organization')).toEqual({ code: 'not-signed-in' });
    expect(await organizationsNamed('Nope')).toEqual([]);
  });

  it('deletes the organization again when its admin cannot be added, and says WorkOS is down', async () => {
    await signedInRequest(emulator(), bob, action);
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    emulator().control.injectFault({ endpoint: 'POST /user_management/organization_memberships', status: 503, retry_after: 0, times: 10 });
    await redirectOf(() => createOrganizationAction(form({ name: 'Orphan' })));
    expect(await noticeFor('create-organization')).toEqual({ code: 'unavailable' });
    expect(await organizationsNamed('Orphan')).toEqual([]);
    const session = await sessionNow();
    expect(session.status === 'signed-in' && session.info.organizationId).toBe('org_acme');
  });
});

describe('<UserSessions> data and actions', () => {
  async function twoSessions() {
    const phone = await emulator().control.createSession({ email: 'alice@example.com', organization_id: 'org_acme', user_agent: PHONE, ip_address: '198.51.100.7' });
    const here = await signedInRequest(emulator(), { user: 'alice@example.com', organizationId: 'org_acme' }, action);
    return { phone, phoneId: sidOf(phone.access_token), hereId: sidOf(here.session.accessToken) };
  }

  it("lists the caller's active sessions, this one first, with device and address", async () => {
    const { phoneId, hereId } = await twoSessions();
    const sessions = await listUserSessions();
    expect(sessions.map((session) => [session.id, session.current])).toEqual([[hereId, true], [phoneId, false]]);
    expect(sessions[1]).toMatchObject({ userAgent: PHONE, ipAddress: '198.51.100.7', impersonated: false, lastSeenAt: expect.any(String) });
    expect(JSON.stringify(sessions)).not.toMatch(/token/i);
  });

  it('signs out another session: its refresh is refused, and its cookie reads as signed out here at once', async () => {
    const { phone, phoneId } = await twoSessions();
    const { url } = await redirectOf(() => revokeSessionAction(form({ sessionId: phoneId })));
    expect(url).toBe('/account#authkit-sessions');
    expect(await noticeFor('sessions')).toEqual({ code: 'session-revoked' });
    expect((await listUserSessions()).map((session) => session.id)).not.toContain(phoneId);
    await expect(getWorkOS().userManagement.authenticateWithRefreshToken({ clientId: emulator().clientId, refreshToken: phone.refresh_token })).rejects.toMatchObject({ error: 'invalid_grant' });
  });

  it("refuses another user's session, whatever the form says", async () => {
    const bobs = await emulator().control.createSession({ email: 'bob@example.com' });
    const bobsId = sidOf(bobs.access_token);
    await twoSessions();
    await redirectOf(() => revokeSessionAction(form({ sessionId: bobsId, userId: 'user_bob' })));
    expect(await noticeFor('sessions')).toEqual({ code: 'not-found' });
    expect(emulator().control.sessions({ user_id: 'user_bob' })[0]).toMatchObject({ status: 'active' });
  });

  it('signing out this session signs the caller out', async () => {
    const { hereId } = await twoSessions();
    const { url } = await redirectOf(() => revokeSessionAction(form({ sessionId: hereId })));
    expect(url).toMatch(/\/user_management\/sessions\/logout\?session_id=/);
    expect((await sessionNow()).status).toBe('signed-out');
    expect(emulator().control.sessions({ user_id: 'user_alice' }).find((s) => s.id === hereId)).toMatchObject({ status: 'revoked' });
  });

  it('signs out every other session', async () => {
    const { phoneId } = await twoSessions();
    await emulator().control.createSession({ email: 'alice@example.com', organization_id: 'org_globex' });
    await redirectOf(() => revokeOtherSessionsAction(form()));
    expect(await noticeFor('sessions')).toEqual({ code: 'other-sessions-revoked' });
    const left = await listUserSessions();
    expect(left.map((session) => session.current)).toEqual([true]);
    expect(emulator().control.sessions({ user_id: 'user_alice' }).find((s) => s.id === phoneId)).toMatchObject({ status: 'revoked' });
  });

  it('says WorkOS is down instead of failing', async () => {
    const { phoneId } = await twoSessions();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    emulator().control.injectFault({ endpoint: 'POST /user_management/sessions/revoke', status: 502, retry_after: 0, times: 10 });
    await redirectOf(() => revokeSessionAction(form({ sessionId: phoneId })));
    expect(await noticeFor('sessions')).toEqual({ code: 'unavailable' });
  });
});
