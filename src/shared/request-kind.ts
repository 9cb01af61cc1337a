/**
 * What kind of request the proxy sees. Only a top-level document navigation may be redirected to
 * sign-in; a Server Action, an RSC fetch, a prefetch or an API call would follow the redirect to
 * AuthKit's origin with `fetch` and fail on CORS, so those get a 401 JSON answer instead.
 */

export type RequestKind = 'document' | 'server-action' | 'rsc' | 'prefetch' | 'other';

function isPrefetch(headers: Headers): boolean {
  const purpose = `${headers.get('purpose') ?? ''} ${headers.get('sec-purpose') ?? ''}`.toLowerCase();
  return headers.has('next-router-prefetch') || purpose.includes('prefetch');
}

export function requestKind(request: Request): RequestKind {
  const { headers } = request;
  if (headers.has('next-action')) return 'server-action';
  if (isPrefetch(headers)) return 'prefetch';
  if (headers.get('rsc') === '1' || headers.has('next-router-state-tree')) return 'rsc';
  const destination = headers.get('sec-fetch-dest');
  // A navigation, including a form posted without JavaScript (progressive enhancement).
  if (destination === 'document') return 'document';
  if (request.method !== 'GET' && request.method !== 'HEAD') return 'other';
  if (destination && destination !== 'empty') return 'other';
  return (headers.get('accept') ?? '').includes('text/html') ? 'document' : 'other';
}

/** The request's path + query for return paths, without Next's internal `_rsc` cache-buster. */
export function requestPath(url: URL): string {
  const params = new URLSearchParams(url.search);
  params.delete('_rsc');
  const query = params.toString();
  return `${url.pathname}${query ? `?${query}` : ''}`;
}
