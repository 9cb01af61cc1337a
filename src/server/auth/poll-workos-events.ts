import 'server-only';
/**
 * Polling WorkOS's events API, for apps that cannot receive webhooks (no public URL, a strict
 * firewall): the events `handleWorkOSEvents()` acts on, listed every few seconds through the SDK
 * (`events.listEvents`, oldest first, from the last event applied) and applied the same way
 * (workos-events.ts). Started once per server process, from `instrumentation.ts`. With a shared
 * store one instance polls per interval and all resume from one cursor; without one, each process
 * polls for itself. A first poll looks back `LOOKBACK_MS`: an older revocation cannot matter, as
 * every access token issued before it has expired and its refresh token is revoked at WorkOS.
 */
import { describeError, warnOnce } from '../log.js';
import { sessionRoot } from '../root/current-root.js';
import type { EventCursorStore } from '../store/session-store.js';
import { workosClient } from '../workos.js';
import { applyWorkOSEvent, type WorkOSEvent } from './workos-events.js';

export interface PollWorkOSEventsOptions {
  /** Time between polls, in milliseconds (at least 1000). @default 5000 */
  intervalMs?: number;
  /** Polling stops when this signal aborts. */
  signal?: AbortSignal;
}

/** A running poller. */
export interface WorkOSEventsPoller {
  /** Polls now, unless a poll is running (then its result): the number of events applied (0 on another instance's turn or a failure). */
  poll(): Promise<number>;
  /** Stops the timer (a poll in flight finishes). */
  stop(): void;
}

const EVENTS = ['session.revoked', 'user.deleted', 'organization_membership.created', 'organization_membership.updated', 'organization_membership.deleted'] as const;
/** The events API's largest page. */
const PAGE_SIZE = 100;
/** A backlog is caught up over several polls, never in one burst of calls. */
const MAX_PAGES_PER_POLL = 10;
/** Longer than an access token lives at WorkOS (5 minutes by default), with room for clock skew. */
const LOOKBACK_MS = 10 * 60 * 1000;

/** A cursor kept in this poller, for stores that keep none (the in-process store). */
function ownCursor(): EventCursorStore {
  let last: string | undefined;
  return {
    takeTurn: async () => ({ after: last }),
    save: async (after) => void (last = after),
  };
}

/** One poll: the pages after the cursor, each event applied, the cursor saved after each page. */
async function pollOnce(intervalMs: number, fallback: EventCursorStore): Promise<number> {
  let applied = 0;
  try {
    const root = sessionRoot();
    const cursor = root.store.eventCursor ?? fallback;
    const turn = await cursor.takeTurn(intervalMs);
    if (!turn) return 0;
    let after = turn.after;
    for (let page = 0; page < MAX_PAGES_PER_POLL; page += 1) {
      const since = after ? { after } : { rangeStart: new Date(Date.now() - LOOKBACK_MS).toISOString() };
      const { data } = await workosClient(root).events.listEvents({ events: [...EVENTS], limit: PAGE_SIZE, order: 'asc', ...since });
      for (const event of data) if (applyWorkOSEvent(root, event as unknown as WorkOSEvent)) applied += 1;
      const last = data.at(-1)?.id;
      if (last) {
        after = last;
        await cursor.save(last);
      }
      if (data.length < PAGE_SIZE) break;
    }
  } catch (error) {
    // An outage or a bad key: the next poll retries from the same cursor, so nothing is missed.
    warnOnce('workos-events-poll-failed', `Polling WorkOS events failed (${describeError(error)}); the poller retries every ${intervalMs / 1000} s from where it stopped.`);
  }
  return applied;
}

/**
 * Polls WorkOS's events API and acts on revocations, deleted users and membership changes, as
 * `handleWorkOSEvents()` does for webhooks. Call once per server process.
 * @example
 * // instrumentation.ts
 * export async function register() {
 *   if (process.env.NEXT_RUNTIME === 'nodejs') (await import('authkit-rsc')).pollWorkOSEvents();
 * }
 */
export function pollWorkOSEvents(options: PollWorkOSEventsOptions = {}): WorkOSEventsPoller {
  const intervalMs = Math.max(1_000, options.intervalMs ?? 5_000);
  const fallback = ownCursor();
  let running: Promise<number> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const poll = () => (running ??= pollOnce(intervalMs, fallback).finally(() => (running = undefined)));
  const next = () => {
    if (stopped) return;
    timer = setTimeout(() => void poll().then(next), intervalMs);
    (timer as { unref?: () => void }).unref?.(); // never keeps a process alive on its own
  };
  const stop = () => {
    stopped = true;
    clearTimeout(timer);
  };
  options.signal?.addEventListener('abort', stop, { once: true });
  if (options.signal?.aborted) stop();
  else void poll().then(next);
  return { poll, stop };
}
