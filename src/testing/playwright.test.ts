/**
 * `signInAs` in a real browser: Debian's Chromium (driven by playwright-core) gets the minted cookie
 * and a tiny server reads it with the kit's own cookie reader and `readSession`.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestEmulator, pointEnvAtEmulator } from '../../test/support/emulator.js';
import type { Emulator } from '../emulator/index.js';
import { readSessionFromCookies } from '../server/session/read-session.js';
import { signInAs } from './index.js';
import { sessionRoot } from '../server/root/current-root.js';

let emulator: Emulator;
let restoreEnv: () => void;
const app = createServer(async (request, response) => {
  const pairs = (request.headers.cookie ?? '').split('; ').filter(Boolean).map((pair) => pair.split('='));
  const jar = { getAll: () => pairs.map(([name, value]) => ({ name: name!, value: decodeURIComponent(value ?? '') })) };
  const state = await readSessionFromCookies(sessionRoot(), jar);
  response.end(state.status === 'signed-in' ? `${state.info.user.email} in ${state.info.organizationId}` : state.status);
});

beforeAll(async () => {
  emulator = await startTestEmulator();
  restoreEnv = pointEnvAtEmulator(emulator);
  await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  app.close();
  restoreEnv();
  await emulator.close();
});

it('signs a browser context in with a minted session cookie the app accepts', async () => {
  const baseURL = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  try {
    const context = await browser.newContext();
    const minted = await signInAs(context, { baseURL, user: 'dave@example.com', organizationId: 'org_initech' });
    const [cookie] = await context.cookies(baseURL);
    expect(cookie).toMatchObject({ name: 'wos-session', httpOnly: true, sameSite: 'Lax', secure: false });
    const page = await context.newPage();
    await page.goto(baseURL);
    expect(await page.textContent('body')).toBe('dave@example.com in org_initech');
    expect(minted?.claims.org_id).toBe('org_initech');
  } finally {
    await browser.close();
  }
});
