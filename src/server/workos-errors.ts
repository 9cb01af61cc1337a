import 'server-only';
/**
 * What an organization action tells the person when WorkOS says no or does not answer: a notice
 * code, never the SDK's message (which may quote ids or inputs). Next's control flow (redirects)
 * always passes through. The real error is logged, reduced to its name, status and code.
 */
import type { NoticeCode } from '../shared/organization-types.js';
import { describeError, warn } from './log.js';
import { rethrowNextControlFlow } from './next-control-flow.js';

/** WorkOS's error codes that mean something specific to the person. */
const KNOWN: Record<string, NoticeCode> = {
  user_already_organization_member: 'already-member',
  invitation_already_pending: 'already-invited',
  role_not_found: 'unknown-role',
  entity_not_found: 'not-found',
};

/** True when WorkOS did not answer or answered that it cannot now (network, timeout, 408, 429, 5xx). */
export function isUnavailable(error: unknown): boolean {
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status !== 'number') return true; // no HTTP answer at all
  return status === 408 || status === 429 || status >= 500;
}

/** The notice for a failed WorkOS call made by `what` (for the log). */
export function noticeForWorkosError(error: unknown, what: string): NoticeCode {
  rethrowNextControlFlow(error);
  warn(`${what}: WorkOS ${isUnavailable(error) ? 'could not be reached' : 'refused'} (${describeError(error)}).`);
  if (isUnavailable(error)) return 'unavailable';
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && KNOWN[code]) return KNOWN[code]!;
  const status = (error as { status: number }).status;
  if (status === 404) return 'not-found';
  if (status === 422 || status === 400) return 'invalid-input';
  return 'refused';
}
