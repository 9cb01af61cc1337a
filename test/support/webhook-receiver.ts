/** A tiny HTTP server that receives the emulator's webhooks, for the webhook suites. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  signature: string;
  body: string;
}

/** Collects POSTs; answers with the next of `statuses` (200 when they run out), after `hold` if set. */
export class Receiver {
  readonly received: Received[] = [];
  statuses: number[] = [];
  hold: Promise<void> | undefined;
  private server: Server | undefined;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        this.received.push({ signature: String(req.headers['workos-signature']), body: Buffer.concat(chunks).toString('utf8') });
        void (this.hold ?? Promise.resolve()).then(() => {
          res.statusCode = this.statuses.shift() ?? 200;
          res.end();
        });
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/webhooks`;
  }

  stop(): Promise<void> {
    this.server?.closeAllConnections();
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
