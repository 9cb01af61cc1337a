/**
 * `Idempotency-Key` replay. The SDK puts one key on every POST and reuses it on each retry, so a
 * retry of a request whose response was lost (dropped connection, timeout, injected fault after
 * handling) gets the original answer instead of `invalid_grant` for a code or token it already
 * spent. Only successes are kept: a failure changed nothing, so it is simply evaluated again.
 */
import { apiError, type Reply } from './http.js';

const MAX_ENTRIES = 1000;

interface Entry {
  fingerprint: string;
  reply: Promise<Reply>;
}

export class IdempotencyCache {
  private readonly entries = new Map<string, Entry>();

  async run(key: string | undefined, fingerprint: string, produce: () => Promise<Reply>): Promise<Reply> {
    if (!key) return produce();
    const existing = this.entries.get(key);
    if (existing) {
      if (existing.fingerprint !== fingerprint) {
        return apiError(400, 'idempotency_key_reused', 'This Idempotency-Key was used with a different request.').reply;
      }
      // A concurrent duplicate waits for the first attempt rather than racing it.
      return existing.reply;
    }
    const reply = produce();
    this.entries.set(key, { fingerprint, reply });
    this.evictOldest();
    try {
      const settled = await reply;
      if (settled.status >= 300) this.entries.delete(key);
      return settled;
    } catch (error) {
      this.entries.delete(key);
      throw error;
    }
  }

  clear(): void {
    this.entries.clear();
  }

  private evictOldest(): void {
    while (this.entries.size > MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) return;
      this.entries.delete(oldest);
    }
  }
}
