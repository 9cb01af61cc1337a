/**
 * Key rotation without touching the emulator: a small front server on loopback that passes every
 * request through to the emulator, publishes a second signing key next to (or instead of) the
 * emulator's in the JWKS, and re-signs the access tokens WorkOS hands out with that key once the
 * rotation starts. Session state (refresh tokens, rotation, grace window) stays the emulator's.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeJwt, exportJWK, generateKeyPair, SignJWT } from 'jose';
import type { Emulator } from '../../../src/emulator/index.js';

export const ROTATED_KID = 'hardening-rotated-key';

export interface RotatingFront {
  port: number;
  /** Which keys the JWKS lists: the emulator's, both, or only the new one. */
  publish: 'old' | 'both' | 'new';
  /** Re-sign the access tokens of authenticate responses with the new key. */
  signWithNew: boolean;
  /** The same token, signed with the new key. */
  resign(accessToken: string): Promise<string>;
  close(): Promise<void>;
}

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

const PASSED_HEADERS = ['authorization', 'content-type', 'idempotency-key', 'user-agent', 'accept'];

export async function startRotatingFront(emulator: Pick<Emulator, 'url'>): Promise<RotatingFront> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const newKey = { ...(await exportJWK(publicKey)), kid: ROTATED_KID, alg: 'RS256', use: 'sig' };
  const resign = (token: string) => new SignJWT(decodeJwt(token)).setProtectedHeader({ alg: 'RS256', kid: ROTATED_KID }).sign(privateKey);

  const front: RotatingFront = { port: 0, publish: 'old', signWithNew: false, resign, close: async () => {} };
  const server = createServer((req, res) => {
    void (async () => {
      const headers = Object.fromEntries(PASSED_HEADERS.flatMap((name) => (typeof req.headers[name] === 'string' ? [[name, req.headers[name] as string]] : [])));
      const method = req.method ?? 'GET';
      const upstream = await fetch(`${emulator.url}${req.url}`, { method, headers, body: method === 'GET' || method === 'HEAD' ? undefined : await body(req) });
      let text = await upstream.text();
      if (upstream.status === 200 && req.url?.startsWith('/sso/jwks/')) {
        const { keys } = JSON.parse(text) as { keys: object[] };
        text = JSON.stringify({ keys: front.publish === 'old' ? keys : front.publish === 'both' ? [...keys, newKey] : [newKey] });
      }
      if (upstream.status === 200 && req.url === '/user_management/authenticate' && front.signWithNew) {
        const json = JSON.parse(text) as { access_token: string };
        json.access_token = await resign(json.access_token);
        text = JSON.stringify(json);
      }
      res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
      res.end(text);
    })().catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  front.port = (server.address() as AddressInfo).port;
  front.close = () =>
    new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return front;
}
