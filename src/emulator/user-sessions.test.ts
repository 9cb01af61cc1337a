/** A user's sessions through the SDK: `listSessions` (device, status, last seen, pagination) and how they end. */
import { NotFoundException } from '@workos-inc/node';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseForms } from '../../test/support/hosted-sign-in.js';
import type { Emulator } from './index.js';
import { REDIRECT_URI, claimsOf, emulatorPerSuite, rejectionOf, sdkFor, signIn } from '../../test/support/emulator-harness.js';

let emulator: Emulator;
emulatorPerSuite((started) => (emulator = started));
afterEach(() => {
  vi.useRealTimers();
  emulator.control.reset();
});

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';

/** Clicks `email` on the hosted page as a browser with this User-Agent would, and returns the code. */
async function codeFromBrowser(email: string, userAgent: string): Promise<string> {
  const url = sdkFor(emulator).userManagement.getAuthorizationUrl({ provider: 'authkit', redirectUri: REDIRECT_URI });
  const page = await fetch(url, { headers: { 'user-agent': userAgent } });
  const [form] = parseForms(await page.text());
  const body = new URLSearchParams(form!.fields);
  body.append('email', email);
  const origin = new URL(url).origin;
  const headers = { 'user-agent': userAgent, 'content-type': 'application/x-www-form-urlencoded', origin, 'sec-fetch-site': 'same-origin' };
  const back = await fetch(new URL(form!.action, url), { method: 'POST', headers, body, redirect: 'manual' });
  return new URL(back.headers.get('location')!).searchParams.get('code')!;
}

describe('listSessions', () => {
  it("lists the user's active sessions with the browser that started them", async () => {
    const workos = sdkFor(emulator);
    const started = Date.now();
    const signedIn = await workos.userManagement.authenticateWithCode({ code: await codeFromBrowser('bob@example.com', FIREFOX) });
    const sessionId = claimsOf(signedIn.accessToken).sid;
    const list = await workos.userManagement.listSessions('user_bob');
    expect(list.data).toEqual([
      {
        object: 'session',
        id: sessionId,
        userId: 'user_bob',
        organizationId: 'org_acme',
        ipAddress: '127.0.0.1',
        userAgent: FIREFOX,
        authMethod: 'password',
        status: 'active',
        expiresAt: expect.any(String),
        endedAt: null,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      },
    ]);
    const [session] = list.data;
    expect(Date.parse(session!.createdAt)).toBeGreaterThanOrEqual(started - 1000);
    expect(Date.parse(session!.expiresAt)).toBeGreaterThan(Date.parse(session!.createdAt));
  });

  it('takes the ip_address and user_agent an app passes to authenticate over what the hosted page saw', async () => {
    const workos = sdkFor(emulator);
    const code = await codeFromBrowser('bob@example.com', FIREFOX);
    await workos.userManagement.authenticateWithCode({ code, ipAddress: '203.0.113.7', userAgent: 'Example app server' });
    const [session] = (await workos.userManagement.listSessions('user_bob')).data;
    expect(session).toMatchObject({ ipAddress: '203.0.113.7', userAgent: 'Example app server' });
  });

  it('marks sessions minted for tests with a recognisable user agent (or the one given)', async () => {
    await emulator.control.createSession({ email: 'carol@example.com' });
    await emulator.control.createSession({ email: 'carol@example.com', user_agent: 'Playwright Chromium', ip_address: '10.0.0.9' });
    const { data } = await sdkFor(emulator).userManagement.listSessions('user_carol', { order: 'asc' });
    expect(data.map((session) => [session.userAgent, session.ipAddress])).toEqual([
      ['authkit-emulator (minted session)', '127.0.0.1'],
      ['Playwright Chromium', '10.0.0.9'],
    ]);
    expect(data[0]).not.toHaveProperty('organizationId');
  });

  it('moves updated_at ("last seen") with each refresh', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const workos = sdkFor(emulator);
    const minted = await emulator.control.createSession({ email: 'bob@example.com' });
    const before = (await workos.userManagement.listSessions('user_bob')).data[0]!;
    vi.setSystemTime(Date.now() + 90_000);
    await workos.userManagement.authenticateWithRefreshToken({ refreshToken: minted.refresh_token });
    const after = (await workos.userManagement.listSessions('user_bob')).data[0]!;
    expect(after.createdAt).toBe(before.createdAt);
    expect(Date.parse(after.updatedAt) - Date.parse(before.updatedAt)).toBeGreaterThanOrEqual(90_000);
  });

  it('pages newest first and drops sessions that were revoked or signed out', async () => {
    const workos = sdkFor(emulator);
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) ids.push(claimsOf((await signIn(workos, 'bob@example.com')).accessToken).sid as string);
    const first = await workos.userManagement.listSessions('user_bob', { limit: 2 });
    expect(first.data.map((session) => session.id)).toEqual([ids[2], ids[1]]);
    expect(first.listMetadata.after).toBe(ids[1]);
    const second = await workos.userManagement.listSessions('user_bob', { limit: 2, after: first.listMetadata.after });
    expect(second.data.map((session) => session.id)).toEqual([ids[0]]);
    expect(second.listMetadata.after).toBeNull();
    await workos.userManagement.revokeSession({ sessionId: ids[1]! });
    await fetch(workos.userManagement.getLogoutUrl({ sessionId: ids[0]! }), { redirect: 'manual' });
    expect((await workos.userManagement.listSessions('user_bob')).data.map((session) => session.id)).toEqual([ids[2]]);
  });

  it('404s an unknown user', async () => {
    const error = await rejectionOf(sdkFor(emulator).userManagement.listSessions('user_ghost'));
    expect(error).toBeInstanceOf(NotFoundException);
  });
});
