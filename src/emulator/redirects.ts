/**
 * Redirect allow-lists. A pattern is matched against the parsed URL's origin and path (never the
 * raw string), so `http://localhost:*` admits `http://localhost:3000/callback` but not
 * `http://localhost:3000@evil.example/` or `http://localhost.evil.example/`.
 */

export function isAllowedRedirect(candidate: string, patterns: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  const target = `${url.origin}${url.pathname}`;
  return patterns.some((pattern) => globToRegExp(pattern).test(target));
}

function globToRegExp(pattern: string): RegExp {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`);
}

/** `base` with query parameters added (existing ones kept); undefined values are skipped. */
export function withQuery(base: string, params: Record<string, string | undefined>): string {
  const url = new URL(base);
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined) url.searchParams.set(key, value);
  }
  return url.toString();
}
