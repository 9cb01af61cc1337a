import 'server-only';
/**
 * Next signals `redirect()` and `notFound()` by throwing; those must never be swallowed. This
 * reads a redirect's target so a route handler can turn it into its own response (keeping the
 * cookies it has already set), and rethrows every other Next control-flow error.
 */
import { unstable_rethrow } from 'next/navigation';

export interface RedirectTarget {
  url: string;
  status: number;
}

/** The target of a `redirect()`/`permanentRedirect()` error, or undefined for anything else. */
export function redirectTarget(error: unknown): RedirectTarget | undefined {
  const digest = (error as { digest?: unknown } | null)?.digest;
  if (typeof digest !== 'string' || !digest.startsWith('NEXT_REDIRECT;')) return undefined;
  const parts = digest.split(';');
  const status = Number(parts.at(-2));
  const url = parts.slice(2, -2).join(';');
  return url && Number.isInteger(status) ? { url, status } : undefined;
}

/** Rethrows Next's control-flow errors (redirect, notFound, dynamic-rendering bailouts). */
export function rethrowNextControlFlow(error: unknown): void {
  unstable_rethrow(error);
}
