/**
 * One bench process, one emulator, both packages. The emulator (this repo's local WorkOS) starts
 * first and the environment is pointed at it before either package loads (the reference reads its
 * environment at module load). Sessions are minted on the emulator and sealed once with the kit's
 * sealing code: iron-session with the same password and payload the reference uses, so both
 * packages read the very same cookie strings.
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A bench-only cookie password (32+ characters). */
export const COOKIE_PASSWORD = 'authkit-rsc-bench-cookie-password-not-a-secret';
export const REDIRECT_URI = 'http://localhost:3000/callback';
export const PAGE_URL = 'http://localhost:3000/account?tab=profile';
export const SESSION_USER = { email: 'alice@example.com', organization_id: 'org_acme' };
export const AUTHENTICATE = 'POST /user_management/authenticate';

/** What Chromium sends on a navigation (minus the cookie), so header copying costs what it costs. */
export const BROWSER_HEADERS = Object.freeze({
  host: 'localhost:3000',
  accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8',
  'accept-encoding': 'gzip, deflate, br, zstd',
  'accept-language': 'en-GB,en;q=0.9',
  'cache-control': 'no-cache',
  pragma: 'no-cache',
  'sec-ch-ua': '"Chromium";v="140", "Not=A?Brand";v="24"',
  'sec-ch-ua-mobile': '?0',
  'sec-ch-ua-platform': '"Linux"',
  'sec-fetch-dest': 'document',
  'sec-fetch-mode': 'navigate',
  'sec-fetch-site': 'none',
  'sec-fetch-user': '?1',
  'upgrade-insecure-requests': '1',
  'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36',
});

/** Where the bench's emulators keep their signing key (outside the repository). */
export function keyFile() {
  const directory = join(tmpdir(), `authkit-rsc-bench-emulator-${process.getuid?.() ?? 'user'}`);
  mkdirSync(directory, { recursive: true, mode: 0o700 });
  return join(directory, 'signing-key.json');
}

/**
 * Starts the emulator, sets the environment, loads both packages.
 * @returns the emulator, both packages' modules, and helpers to mint sessions and build requests.
 */
export async function startBench() {
  const { createEmulator } = await import('authkit-rsc/emulator');
  const emulator = await createEmulator({ port: 0, quiet: true, keyFile: keyFile() });
  Object.assign(process.env, emulator.env, {
    WORKOS_COOKIE_PASSWORD: COOKIE_PASSWORD,
    NEXT_PUBLIC_WORKOS_REDIRECT_URI: REDIRECT_URI,
  });
  // Everything from dist/ is loaded here, once: a rebuild of dist/ during a run (others work in
  // this tree) cannot pull a module from under it.
  const [ours, reference, testing, { sealSessionWithPassword }, { NextRequest }] = await Promise.all([
    import('authkit-rsc'),
    import('@workos-inc/authkit-nextjs'),
    // The test kit's session helper, from dist directly: its entry also holds client components,
    // which the react-server build of React (this process) cannot load.
    import('../../dist/testing/test-session.js'),
    // The kit's own sealing, pure (what `sealTestSessionCookie` uses; a 2 KB session needs no chunks).
    import('../../dist/shared/iron-seal.js'),
    import('next/server.js'),
  ]);

  /** A real session for alice in Acme, sealed; `expiresIn` sets the access token's lifetime (s). */
  async function mintSession(expiresIn) {
    const wire = await emulator.control.createSession({ ...SESSION_USER, ...(expiresIn ? { expires_in: expiresIn } : {}) });
    const session = testing.sessionFromAuthenticateResponse(wire);
    return { session, sealed: await sealSessionWithPassword(session, COOKIE_PASSWORD) };
  }

  /** Another seal of the same session: a different string of the same length (fresh salt and IV). */
  const reseal = (session) => sealSessionWithPassword(session, COOKIE_PASSWORD);

  /** A navigation request for the page, with the session cookie when given. */
  function request(sealed) {
    const headers = { ...BROWSER_HEADERS };
    if (sealed !== undefined) headers.cookie = `wos-session=${sealed}`;
    return new NextRequest(PAGE_URL, { headers });
  }

  return { emulator, ours, reference, NextRequest, mintSession, reseal, request, close: () => emulator.close() };
}

/** The same seal with one character of its ciphertext changed: same length, fails its HMAC. */
export function tamper(sealed) {
  const parts = sealed.split('*');
  const encrypted = parts[4];
  const at = Math.floor(encrypted.length / 2);
  parts[4] = `${encrypted.slice(0, at)}${encrypted[at] === 'A' ? 'B' : 'A'}${encrypted.slice(at + 1)}`;
  return parts.join('*');
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
