/**
 * Test-only: a tiny browser for multi-step flows (a cookie jar fed by Set-Cookie, requests that
 * carry it), and readers for what a proxy response forwards and what `redirect()` threw.
 */
import { NextRequest } from 'next/server';

export class TestBrowser {
  readonly jar = new Map<string, string>();

  constructor(readonly origin = 'http://localhost:3000') {}

  /** Applies a response's Set-Cookie headers the way a browser does. */
  receive(response: Response): Response {
    for (const header of response.headers.getSetCookie()) {
      const [pair, ...attributes] = header.split(';').map((part) => part.trim());
      const index = pair!.indexOf('=');
      const name = pair!.slice(0, index);
      const value = decodeURIComponent(pair!.slice(index + 1));
      const expired = attributes.some((attribute) => /^max-age=0$/i.test(attribute));
      if (expired || value === '') this.jar.delete(name);
      else this.jar.set(name, value);
    }
    return response;
  }

  cookieHeader(): string {
    return [...this.jar].map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('; ');
  }

  /** A document navigation (GET, Accept: text/html) unless `init` says otherwise. */
  request(path: string, init: { method?: string; headers?: Record<string, string> } = {}): NextRequest {
    const headers = new Headers({ accept: 'text/html', 'sec-fetch-dest': 'document', ...init.headers });
    if (this.jar.size > 0) headers.set('cookie', this.cookieHeader());
    return new NextRequest(new URL(path, this.origin), { method: init.method ?? 'GET', headers });
  }
}

/** The request headers a `NextResponse.next(...)` forwards to the render. */
export function forwardedHeaders(response: Response): Headers {
  const names = response.headers.get('x-middleware-override-headers');
  const headers = new Headers();
  for (const name of names ? names.split(',') : []) {
    const value = response.headers.get(`x-middleware-request-${name}`);
    if (value !== null) headers.set(name, value);
  }
  return headers;
}

/** The URL and status of the `redirect()` the call threw; fails when it did not redirect. */
export async function redirectOf(call: () => Promise<unknown>): Promise<{ url: string; status: number }> {
  try {
    await call();
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? '';
    const match = /^NEXT_REDIRECT;[^;]*;(.*);(\d{3});$/.exec(digest);
    if (match) return { url: match[1]!, status: Number(match[2]) };
    throw error;
  }
  throw new Error('Expected a redirect, but the call returned.');
}
