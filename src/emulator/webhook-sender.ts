/**
 * Webhook delivery. Every event is POSTed, as WorkOS does, to the configured URL as
 * `{ id, event, data, created_at }` with `WorkOS-Signature: t=<ms>, v1=<hex HMAC-SHA256 of
 * "<t>.<body>" under the secret>` (what the SDK's `webhooks.constructEvent` verifies). Delivery is
 * asynchronous and never holds up the request that caused the event; a failure (no 2xx, a network
 * error, 5 s without an answer) is retried after each of the retry delays, signed afresh each time.
 * The delivery log (bounded) records each attempt's status for tests.
 */
import { createHmac } from 'node:crypto';
import type { EventRecord } from './records.js';
import type { WebhookDelivery, WebhookSettings } from './types.js';

/** Waits between attempts: four attempts in all by default. */
export const DEFAULT_RETRY_DELAYS_MS = [250, 1000, 4000];
const ATTEMPT_TIMEOUT_MS = 5000;
const MAX_DELIVERIES = 500;

export interface WebhookTarget {
  url: string;
  secret: string;
  retryDelaysMs: number[];
}

export function signatureHeader(body: string, secret: string, timestamp = Date.now()): string {
  return `t=${timestamp}, v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export class WebhookSender {
  private target: WebhookTarget | undefined;
  private deliveries: WebhookDelivery[] = [];
  private readonly running = new Set<Promise<void>>();
  private readonly waits = new Map<NodeJS.Timeout, () => void>();
  /** Bumped by reset and close: attempts of an older generation stop, and their requests are aborted. */
  private generation = 0;
  private abort = new AbortController();

  constructor(private readonly initial: WebhookTarget | undefined) {
    this.target = initial;
  }

  configure(target: WebhookTarget | undefined): void {
    this.target = target;
  }

  settings(): WebhookSettings {
    return {
      url: this.target?.url ?? null,
      secret_set: this.target !== undefined,
      retry_delays_ms: [...(this.target?.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS)],
    };
  }

  /** Oldest first. */
  list(): WebhookDelivery[] {
    return this.deliveries.map((delivery) => ({ ...delivery, attempts: delivery.attempts.map((attempt) => ({ ...attempt })) }));
  }

  /** Queues `event` for delivery (nothing when no URL is set). */
  send(event: EventRecord): void {
    const target = this.target;
    if (!target) return;
    const delivery: WebhookDelivery = { event_id: event.id, event: event.event, url: target.url, state: 'pending', attempts: [] };
    this.deliveries.push(delivery);
    if (this.deliveries.length > MAX_DELIVERIES) this.deliveries.splice(0, this.deliveries.length - MAX_DELIVERIES);
    const body = JSON.stringify({ id: event.id, event: event.event, data: event.data, created_at: event.created_at });
    const run = this.deliver(delivery, body, target, this.generation).finally(() => this.running.delete(run));
    this.running.add(run);
  }

  /** Resolves once every delivery under way has succeeded or used up its attempts. */
  async settle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  /** Back to the start-up target; the log is emptied and pending retries are dropped. */
  reset(): void {
    this.stopAll();
    this.target = this.initial;
    this.deliveries = [];
  }

  close(): void {
    this.stopAll();
  }

  private stopAll(): void {
    this.generation += 1;
    this.abort.abort();
    this.abort = new AbortController();
    for (const [timer, wake] of this.waits) {
      clearTimeout(timer);
      wake();
    }
    this.waits.clear();
  }

  private async deliver(delivery: WebhookDelivery, body: string, target: WebhookTarget, generation: number): Promise<void> {
    for (let attempt = 0; generation === this.generation; attempt += 1) {
      const status = await post(target, body, this.abort.signal);
      delivery.attempts.push({ at: new Date().toISOString(), ...status });
      if (status.status !== null && status.status >= 200 && status.status < 300) {
        delivery.state = 'delivered';
        return;
      }
      const delay = target.retryDelaysMs[attempt];
      if (delay === undefined) break;
      await this.wait(delay);
    }
    delivery.state = 'failed';
  }

  private wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waits.delete(timer);
        resolve();
      }, ms);
      timer.unref();
      this.waits.set(timer, resolve);
    });
  }
}

async function post(target: WebhookTarget, body: string, stop: AbortSignal): Promise<{ status: number | null; error?: string }> {
  try {
    const response = await fetch(target.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'WorkOS-Signature': signatureHeader(body, target.secret) },
      body,
      redirect: 'manual',
      signal: AbortSignal.any([stop, AbortSignal.timeout(ATTEMPT_TIMEOUT_MS)]),
    });
    await response.body?.cancel();
    return { status: response.status };
  } catch (error) {
    return { status: null, error: (error as Error).name === 'TimeoutError' ? 'timed out' : 'could not connect' };
  }
}
