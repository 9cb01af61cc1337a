/**
 * Replies as values: handlers return a `Reply` instead of writing to the socket, so the server can
 * store it for an `Idempotency-Key` replay or swap it for an injected fault after the fact.
 */
import type { IncomingHttpHeaders } from 'node:http';

export interface Reply {
  status: number;
  headers: Record<string, string | string[]>;
  body: string;
}

/** What a route handler sees of the request. */
export interface EmuRequest {
  method: string;
  url: URL;
  params: Record<string, string>;
  headers: IncomingHttpHeaders;
  rawBody: string;
  /** The peer's address (what a session records as its `ip_address`). */
  remoteAddress: string | null;
}

export function json(status: number, value: unknown, headers: Record<string, string | string[]> = {}): Reply {
  return { status, headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(value) };
}

/** The exact bytes of an earlier JSON reply (refresh-token replays must be byte-for-byte). */
export function rawJson(status: number, body: string): Reply {
  return { status, headers: { 'Content-Type': 'application/json' }, body };
}

/** The emulator's pages are never framed: a page that frames them could trick a click on "sign in as" (clickjacking). */
const NO_FRAMING = { 'X-Frame-Options': 'DENY', 'Content-Security-Policy': "frame-ancestors 'none'" };

export function html(status: number, markup: string, headers: Record<string, string | string[]> = {}): Reply {
  return { status, headers: { 'Content-Type': 'text/html; charset=utf-8', ...NO_FRAMING, ...headers }, body: markup };
}

export function redirect(location: string, headers: Record<string, string | string[]> = {}): Reply {
  return { status: 302, headers: { Location: location, ...headers }, body: '' };
}

/** Thrown by handlers and helpers; the server sends its reply. */
export class HttpError extends Error {
  constructor(readonly reply: Reply) {
    super(`HTTP ${reply.status}: ${reply.body.slice(0, 200)}`);
  }
}

/** OAuth-shaped error (`{error, error_description}`): the SDK turns it into `OauthException`. */
export function oauthError(status: number, error: string, description: string, extra: object = {}): HttpError {
  return new HttpError(json(status, { error, error_description: description, ...extra }));
}

/** API-shaped error (`{code, message}`), as the WorkOS REST endpoints send. */
export function apiError(status: number, code: string, message: string, extra: object = {}): HttpError {
  return new HttpError(json(status, { message, code, ...extra }));
}

export function notFound(resource: string, id: string): HttpError {
  return apiError(404, 'entity_not_found', `${resource} not found: '${id}'.`);
}

export type JsonBody = { ok: true; value: Record<string, unknown> } | { ok: false; reason: string };

/** Parses a JSON object body; `application/x-www-form-urlencoded` is accepted too, as OAuth token endpoints do. */
export function parseBody(request: EmuRequest): JsonBody {
  const type = String(request.headers['content-type'] ?? '');
  if (type.includes('application/x-www-form-urlencoded')) {
    return { ok: true, value: Object.fromEntries(new URLSearchParams(request.rawBody)) };
  }
  if (request.rawBody.trim() === '') return { ok: true, value: {} };
  try {
    const value = JSON.parse(request.rawBody) as unknown;
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      return { ok: true, value: value as Record<string, unknown> };
    }
    return { ok: false, reason: 'The request body must be a JSON object.' };
  } catch {
    return { ok: false, reason: 'The request body is not valid JSON.' };
  }
}

/** A JSON body for the REST and control endpoints, or a 400 `invalid_request`. */
export function jsonBody(request: EmuRequest): Record<string, unknown> {
  const body = parseBody(request);
  if (!body.ok) throw apiError(400, 'invalid_request', body.reason);
  return body.value;
}

export function formBody(request: EmuRequest): URLSearchParams {
  return new URLSearchParams(request.rawBody);
}

export function cookies(request: EmuRequest): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of String(request.headers.cookie ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index > 0) out[part.slice(0, index).trim()] = safeDecode(part.slice(index + 1).trim());
  }
  return out;
}

export function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
