/**
 * Where the app lives, for the two places the emulator must send a browser to it on its own: the
 * logout redirect without `return_to`, and the impersonation page's initiate-login URL. Given with
 * `--app-url` / `appUrl`, otherwise learned from the `redirect_uri` of the authorize requests the
 * emulator sees (an app on port 3005 is then found without configuration), and only as a last
 * resort the usual `http://localhost:3000`.
 */
import { Issues } from './validate.js';

const FALLBACK_APP_URL = 'http://localhost:3000';
/** The path of the kit's auth route, which starts a sign-in when it gets no code. */
const DEFAULT_AUTH_ROUTE = '/callback';

/** An app URL without a trailing slash (`http://localhost:3000`, `https://app.example/base`), or an input error. */
export function parseAppUrl(value: unknown, name = 'appUrl'): string | undefined {
  if (value === undefined) return undefined;
  const issues = new Issues();
  let url: URL | undefined;
  try {
    url = typeof value === 'string' ? new URL(value) : undefined;
  } catch {
    // reported below
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password || url.search || url.hash) {
    issues.add(name, `expected an http(s) URL without credentials, query or fragment, e.g. http://localhost:3000 (got ${JSON.stringify(value)})`);
  }
  issues.assert();
  return `${url!.origin}${url!.pathname}`.replace(/\/+$/, '');
}

export class AppLocation {
  private learnedRedirect: URL | undefined;

  constructor(private readonly configured: string | undefined) {}

  /** Remembers the app behind an accepted authorize request (its `redirect_uri` passed the allow-list). */
  learn(redirectUri: string): void {
    const url = new URL(redirectUri);
    url.search = '';
    url.hash = '';
    this.learnedRedirect = url;
  }

  /** The app's base URL, without a trailing slash. */
  get url(): string {
    return this.configured ?? this.learnedRedirect?.origin ?? FALLBACK_APP_URL;
  }

  /** The app's auth route: the redirect URI it uses, when that is on the app's origin, else `<app>/callback`. */
  get initiateLoginUrl(): string {
    const learned = this.learnedRedirect;
    if (learned && (!this.configured || new URL(this.configured).origin === learned.origin)) return learned.toString();
    return `${this.url}${DEFAULT_AUTH_ROUTE}`;
  }

  /** Where logout goes without `return_to`: the data's `default_logout_redirect_uri`, else the app's root. */
  logoutRedirect(fromData: string | undefined): string {
    return fromData ?? `${this.url}/`;
  }
}
