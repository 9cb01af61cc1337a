/**
 * Short-lived cookies on the emulator's own origin that carry a browser step into the next
 * authorize request (a pending impersonation, an invitation link): HttpOnly, SameSite=Lax, Path=/.
 */
import { cookies, type EmuRequest } from './http.js';

export function setBrowserCookie(name: string, value: string, maxAgeSeconds: number): Record<string, string> {
  return { 'Set-Cookie': `${name}=${encodeURIComponent(value)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}` };
}

export function clearBrowserCookie(name: string): Record<string, string> {
  return { 'Set-Cookie': `${name}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0` };
}

export function browserCookie(request: EmuRequest, name: string): string | undefined {
  return cookies(request)[name] || undefined;
}
