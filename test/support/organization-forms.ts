/**
 * Helpers for the organization action suites: a form from fields, the notice an action left, the
 * caller's session after it, and the env setting the emulator's admin permission as the one that
 * manages members (its seeded admin role grants `members:manage`).
 */
import { afterAll, afterEach, beforeAll } from 'vitest';
import { readNotice } from '../../src/server/organizations/notices.js';
import { bindSessionSeams, sessionRoot } from '../../src/server/root/current-root.js';
import { readSession } from '../../src/server/session/read-session.js';
import type { NoticeScope } from '../../src/shared/organization-types.js';
import { mockRequest } from '../../src/testing/next-headers.js';

export function form(fields: Record<string, string> = {}): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

/** The notice the last action left for `scope` (code and subject), if any. */
export async function noticeFor(scope: NoticeScope): Promise<{ code: string; subject?: string } | undefined> {
  const notice = await readNotice(scope);
  return notice && { code: notice.code, ...(notice.subject ? { subject: notice.subject } : {}) };
}

/** The session the request's cookie jar holds now (after an action wrote it). */
export async function sessionNow() {
  return readSession(sessionRoot(), mockRequest.cookie('wos-session'));
}

/**
 * Runs the file with `WORKOS_MANAGE_MEMBERS_PERMISSION` set (the emulator's admins have
 * `members:manage`), with a new session root after each test (the emulator's data is reset then
 * too), so no test sees the membership changes, memberships or ended sessions another noted.
 */
export function managePermission(value = 'members:manage'): void {
  let previous: string | undefined;
  afterEach(() => bindSessionSeams({})());
  beforeAll(() => {
    previous = process.env.WORKOS_MANAGE_MEMBERS_PERMISSION;
    process.env.WORKOS_MANAGE_MEMBERS_PERMISSION = value;
  });
  afterAll(() => {
    if (previous === undefined) delete process.env.WORKOS_MANAGE_MEMBERS_PERMISSION;
    else process.env.WORKOS_MANAGE_MEMBERS_PERMISSION = previous;
  });
}
