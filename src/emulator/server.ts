/**
 * The `node:http` request pipeline: read the body, check the `Host`, match the route, refuse
 * cross-site or unsigned form requests (`request-guard.ts`), count it, apply any injected
 * fault, check the API key, replay or run the handler (`Idempotency-Key`), and write the reply with
 * an `X-Request-ID`. Nothing a client sends can crash it: every failure becomes a WorkOS-shaped reply.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { faultReply } from './faults.js';
import { HttpError, json, type EmuRequest, type Reply } from './http.js';
import { guardRequest, hostProblem } from './request-guard.js';
import { isControlRoute, matchRoute, routeKey, type Route } from './router.js';
import { ROUTES } from './routes/index.js';
import type { Runtime } from './runtime.js';
import type { FaultInfo } from './types.js';

const MAX_BODY_BYTES = 1024 * 1024;
/** A reply that is never sent: the connection is destroyed instead. */
const DROPPED = Symbol('dropped');
type Outcome = Reply | typeof DROPPED;

export function createEmulatorServer(runtime: Runtime, log: (line: string) => void): Server {
  const server = createServer((req, res) => {
    void handle(runtime, req, res, log);
  });
  return server;
}

async function handle(runtime: Runtime, req: IncomingMessage, res: ServerResponse, log: (line: string) => void) {
  const started = performance.now();
  const requestId = randomUUID();
  // Prefixing keeps a path like `//x` a path (the URL constructor would read it as a host).
  const url = new URL(`http://emulator.invalid${(req.url ?? '/').startsWith('/') ? req.url : `/${req.url}`}`);
  let outcome: Outcome;
  try {
    const body = await readBody(req);
    outcome = body === undefined ? apiReply(413, 'payload_too_large', 'The request body is too large.') : await route(runtime, req, url, body);
  } catch (error) {
    console.error(`authkit-emulator: ${req.method} ${url.pathname} failed:`, error);
    outcome = apiReply(500, 'server_error', 'The emulator hit an internal error.');
  }
  if (outcome === DROPPED) {
    req.socket.destroy();
    log(`${req.method} ${url.pathname} dropped (injected)`);
    return;
  }
  write(res, outcome, requestId);
  log(`${req.method} ${url.pathname} ${outcome.status} ${Math.round(performance.now() - started)}ms`);
}

async function route(runtime: Runtime, req: IncomingMessage, url: URL, rawBody: string): Promise<Outcome> {
  const method = req.method ?? 'GET';
  const badHost = hostProblem(req.headers, runtime.allowedHosts);
  if (badHost) return badHost;
  const match = matchRoute(ROUTES, method, url.pathname);
  if (!match.route) {
    return match.status === 405
      ? apiReply(405, 'method_not_allowed', `${method} is not allowed on ${url.pathname}.`)
      : apiReply(404, 'not_found', `No such endpoint: ${method} ${url.pathname}.`);
  }
  const remoteAddress = req.socket.remoteAddress ?? null;
  const request: EmuRequest = { method, url, params: match.params, headers: req.headers, rawBody, remoteAddress };
  const refused = guardRequest(runtime, match.route, request);
  if (refused) return refused;
  if (isControlRoute(match.route)) return run(runtime, match.route, request);
  const key = routeKey(match.route);
  runtime.count(key);
  const fault = runtime.faults.take(key);
  if (fault?.when === 'before') {
    const outcome = await applyFault(fault);
    if (outcome) return outcome;
  }
  const reply = await run(runtime, match.route, request);
  if (fault?.when === 'after') return (await applyFault(fault)) ?? reply;
  return reply;
}

/** Latency, then a drop or a status reply; undefined when the request should proceed as normal. */
async function applyFault(fault: FaultInfo): Promise<Outcome | undefined> {
  if (fault.latency_ms) await delay(fault.latency_ms);
  if (fault.drop) return DROPPED;
  return faultReply(fault);
}

async function run(runtime: Runtime, route: Route, request: EmuRequest): Promise<Reply> {
  const authorization = request.headers.authorization;
  const needsKey = route.auth === 'api-key' || (route.auth === 'optional-api-key' && authorization !== undefined);
  if (needsKey && authorization !== `Bearer ${runtime.apiKey}`) return apiReply(401, 'unauthorized', 'Unauthorized');
  const invoke = async (): Promise<Reply> => {
    try {
      return await route.handler(request, runtime);
    } catch (error) {
      if (error instanceof HttpError) return error.reply;
      throw error;
    }
  };
  if (route.method !== 'POST' || isControlRoute(route)) return invoke();
  const idempotencyKey = request.headers['idempotency-key'];
  const key = Array.isArray(idempotencyKey) ? idempotencyKey[0] : idempotencyKey;
  return runtime.idempotency.run(key, `${routeKey(route)}\n${request.rawBody}`, invoke);
}

function apiReply(status: number, code: string, message: string): Reply {
  return json(status, { message, code });
}

/** The body as text, or undefined when it exceeds the limit (the rest is drained, not buffered). */
async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
  }
  return size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks).toString('utf8');
}

function write(res: ServerResponse, reply: Reply, requestId: string): void {
  if (res.headersSent || res.destroyed) return;
  res.statusCode = reply.status;
  for (const [name, value] of Object.entries(reply.headers)) res.setHeader(name, value);
  res.setHeader('X-Request-ID', requestId);
  res.setHeader('Cache-Control', 'no-store');
  res.end(reply.body);
}
