/**
 * CSRF tokens for the emulator's HTML forms (sign-in, sign-up, organisation choice, impersonation,
 * step-up). A token is `<issued-at>.<HMAC-SHA256 of purpose and issued-at under a per-process
 * secret>`: only a page the emulator rendered can carry one, another site cannot read those pages
 * (no CORS, and the Host check stops DNS rebinding), and no cookie is needed, so the forms work
 * without JavaScript and in any HTTP client that submits the page's hidden fields. Tokens expire,
 * and a restart of the emulator (a new secret) voids the old ones.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FormPurpose } from './router.js';

/** The hidden field every emulator form carries. */
export const CSRF_FIELD = 'csrf_token';
const TTL_MS = 2 * 60 * 60 * 1000;

export class CsrfTokens {
  constructor(private readonly secret: Buffer = randomBytes(32)) {}

  issue(purpose: FormPurpose, now = Date.now()): string {
    const issuedAt = now.toString(36);
    return `${issuedAt}.${this.mac(purpose, issuedAt)}`;
  }

  /** True for an unexpired token this process issued for `purpose`. */
  verify(token: string | null | undefined, purpose: FormPurpose, now = Date.now()): boolean {
    const [issuedAt, mac, extra] = (token ?? '').split('.');
    if (!issuedAt || !mac || extra !== undefined || !/^[0-9a-z]{1,12}$/.test(issuedAt)) return false;
    const age = now - Number.parseInt(issuedAt, 36);
    if (!(age >= -60_000 && age <= TTL_MS)) return false;
    const expected = Buffer.from(this.mac(purpose, issuedAt));
    const given = Buffer.from(mac);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private mac(purpose: FormPurpose, issuedAt: string): string {
    return createHmac('sha256', this.secret).update(`${purpose}\n${issuedAt}`).digest('base64url');
  }
}

