import { describe, expect, it } from 'vitest';
import { meetsConditions } from './conditions.js';
import type { RedactedUserInfo } from './types.js';

const user = { object: 'user', id: 'user_1', email: 'a@example.com' } as RedactedUserInfo['user'];
const admin: RedactedUserInfo = {
  user,
  sessionId: 'session_1',
  organizationId: 'org_acme',
  role: 'admin',
  roles: ['admin', 'billing'],
  permissions: ['posts:write'],
  entitlements: ['audit-logs'],
  featureFlags: ['beta-dashboard'],
};
const member: RedactedUserInfo = { user, sessionId: 'session_2', organizationId: 'org_globex', role: 'member', roles: ['member'] };

describe('meetsConditions', () => {
  it('passes with no conditions', () => {
    expect(meetsConditions(member, {})).toBe(true);
  });

  it('checks the role against role and roles', () => {
    expect(meetsConditions(admin, { role: 'admin' })).toBe(true);
    expect(meetsConditions(admin, { role: 'billing' })).toBe(true);
    expect(meetsConditions(member, { role: 'admin' })).toBe(false);
  });

  it('accepts any one of several roles', () => {
    expect(meetsConditions(member, { roles: ['admin', 'member'] })).toBe(true);
    expect(meetsConditions(member, { roles: ['admin', 'owner'] })).toBe(false);
    expect(meetsConditions(member, { roles: [] })).toBe(false);
  });

  it('checks permissions, entitlements, feature flags and the organisation', () => {
    expect(meetsConditions(admin, { permission: 'posts:write', entitlement: 'audit-logs', featureFlag: 'beta-dashboard', organizationId: 'org_acme' })).toBe(true);
    expect(meetsConditions(admin, { permission: 'posts:delete' })).toBe(false);
    expect(meetsConditions(admin, { entitlement: 'sso' })).toBe(false);
    expect(meetsConditions(admin, { featureFlag: 'other' })).toBe(false);
    expect(meetsConditions(admin, { organizationId: 'org_globex' })).toBe(false);
    expect(meetsConditions(member, { permission: 'posts:write' })).toBe(false);
  });

  it('requires every condition at once', () => {
    expect(meetsConditions(admin, { role: 'admin', organizationId: 'org_globex' })).toBe(false);
  });

  it('runs a predicate over the signed-in info', () => {
    expect(meetsConditions(admin, { condition: (auth) => auth.user.email.endsWith('@example.com') })).toBe(true);
    expect(meetsConditions(admin, { condition: () => false })).toBe(false);
  });
});
