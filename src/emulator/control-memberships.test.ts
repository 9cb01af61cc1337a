/** Membership controls: change a status or role, or remove a membership, while the emulator runs; seen through the SDK. */
import { OauthException } from '@workos-inc/node';
import { afterEach, describe, expect, it } from 'vitest';
import type { Emulator } from './index.js';
import { claimsOf, emulatorPerSuite, rejectionOf, sdkFor, signIn } from '../../test/support/emulator-harness.js';

let emulator: Emulator;
emulatorPerSuite((started) => (emulator = started));
afterEach(() => emulator.control.reset());

const aliceOrgs = async () =>
  (await sdkFor(emulator).userManagement.listOrganizationMemberships({ userId: 'user_alice' })).data.map((m) => `${m.organizationId}:${m.role.slug}`);

function patch(id: string, body: unknown, method = 'PATCH'): Promise<Response> {
  return fetch(`${emulator.url}/_emulator/memberships/${id}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: method === 'DELETE' ? undefined : JSON.stringify(body),
  });
}

describe('PATCH /_emulator/memberships/:id', () => {
  it('changes the status: an inactive membership is no longer listed and switching into it is refused', async () => {
    const workos = sdkFor(emulator);
    const session = await signIn(workos, 'alice@example.com', { choose: 'org_acme' });
    const response = await patch('om_alice_globex', { status: 'inactive' });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ membership: { id: 'om_alice_globex', status: 'inactive', organization_id: 'org_globex' } });
    expect(await aliceOrgs()).toEqual(['org_acme:admin']);
    const listed = await workos.userManagement.listOrganizationMemberships({ userId: 'user_alice', statuses: ['inactive'] });
    expect(listed.data.map((m) => m.id)).toEqual(['om_alice_globex']);
    const refused = await rejectionOf(workos.userManagement.authenticateWithRefreshToken({ refreshToken: session.refreshToken, organizationId: 'org_globex' }));
    expect(refused).toBeInstanceOf(OauthException);
    expect(refused).toMatchObject({ status: 400, error: 'invalid_grant' });
  });

  it('changes the role: listed at once, in the claims at the next refresh', async () => {
    const workos = sdkFor(emulator);
    const session = await signIn(workos, 'alice@example.com', { choose: 'org_acme' });
    expect(emulator.control.updateMembership('om_alice_acme', { role: 'member' })).toMatchObject({ role: { slug: 'member' }, roles: [{ slug: 'member' }] });
    expect(await aliceOrgs()).toEqual(['org_globex:member', 'org_acme:member']);
    expect(claimsOf(session.accessToken).role).toBe('admin'); // an issued token keeps its claims
    const refreshed = await workos.userManagement.authenticateWithRefreshToken({ refreshToken: session.refreshToken });
    expect(claimsOf(refreshed.accessToken)).toMatchObject({ role: 'member', permissions: ['posts:read'] });
  });

  it('refuses bad input, naming the fields, and changes nothing', async () => {
    const response = await patch('om_alice_acme', { status: 'archived', role: 'owner', colour: 'red' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      code: 'invalid_request',
      message: 'colour: unknown field; status: expected one of active, inactive, pending (got "archived"); role: unknown role \'owner\'',
    });
    expect((await (await patch('om_ghost', { status: 'active' })).json()).message).toBe("id: unknown membership 'om_ghost'");
    expect((await (await patch('om_alice_acme', {})).json()).message).toBe('(root): give status or role');
    expect(() => emulator.control.updateMembership('om_ghost', { role: 'admin' })).toThrow(/unknown membership 'om_ghost'/);
    expect(await aliceOrgs()).toEqual(['org_globex:member', 'org_acme:admin']);
  });
});

describe('DELETE /_emulator/memberships/:id', () => {
  it('removes a membership until reset, over HTTP and in process', async () => {
    const response = await patch('om_alice_globex', undefined, 'DELETE');
    expect(await response.json()).toEqual({ id: 'om_alice_globex', deleted: true });
    expect(await aliceOrgs()).toEqual(['org_acme:admin']);
    await expect(sdkFor(emulator).userManagement.getOrganizationMembership('om_alice_globex')).rejects.toMatchObject({ status: 404 });
    expect(emulator.control.removeMembership('om_alice_acme')).toEqual({ id: 'om_alice_acme', deleted: true });
    expect(await aliceOrgs()).toEqual([]);
    expect((await patch('om_alice_acme', undefined, 'DELETE')).status).toBe(400);
    emulator.control.reset();
    expect(await aliceOrgs()).toEqual(['org_globex:member', 'org_acme:admin']);
    expect(emulator.control.counters()['DELETE /_emulator/memberships/:id']).toBeUndefined();
  });
});
