import 'server-only';
/**
 * Debug and warning output. Messages are built only from safe facts (paths, statuses, error
 * names/codes, sizes): never a token, a cookie value, a code, a state or a secret. Errors are
 * reduced to `describeError` for the same reason (SDK messages can quote an authorization code).
 */

export type DebugLog = (message: string) => void;

const PREFIX = '[authkit-rsc]';

/** A logger that prints only when `enabled` (the `debug` option). */
export function createDebugLog(enabled: boolean | undefined): DebugLog {
  if (!enabled) return () => {};
  // eslint-disable-next-line no-console -- opt-in debug output (`debug: true`)
  return (message) => console.log(`${PREFIX} ${message}`);
}

/** A warning that is always shown (misconfiguration, oversized cookies, failing callbacks). */
export function warn(message: string): void {
  console.warn(`${PREFIX} ${message}`);
}

// Kept on globalThis: Next bundles the proxy and the app separately, each with its own copy of this
// module, and a warning meant "once per process" would otherwise print once per bundle.
const REGISTRY = Symbol.for('authkit-rsc.warned-once');
const host = globalThis as typeof globalThis & { [REGISTRY]?: Set<string> };
const warnedOnce = (host[REGISTRY] ??= new Set<string>());

/** Like `warn`, but each distinct key is reported once per process (across Next's bundles). */
export function warnOnce(key: string, message: string): void {
  if (warnedOnce.has(key)) return;
  warnedOnce.add(key);
  warn(message);
}

/** A loggable summary of an error: its name, and its status and OAuth/WorkOS code when present. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const fields = error as Error & { status?: unknown; error?: unknown; code?: unknown };
  const parts = [error.name];
  if (typeof fields.status === 'number') parts.push(`status ${fields.status}`);
  const code = typeof fields.error === 'string' ? fields.error : fields.code;
  if (typeof code === 'string' && /^[a-z_.:-]{1,64}$/i.test(code)) parts.push(code);
  return parts.join(' ');
}
