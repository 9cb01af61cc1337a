// Where "another service" lives: this app's own /api/echo stands in for it. The URL comes from
// configuration, never from the request's Host header, because requests to it carry the user's
// access token.
export function echoApiUrl(): string {
  return process.env.ECHO_API_URL ?? new URL('/api/echo', process.env.NEXT_PUBLIC_WORKOS_REDIRECT_URI).href;
}
