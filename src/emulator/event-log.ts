/**
 * The events the emulator records (WorkOS's `event` objects): what `GET /events` lists and what
 * webhooks deliver. Kept in order of occurrence and bounded, so a long soak cannot grow it forever.
 */
import type { EventRecord } from './records.js';
import { newId } from './tokens.js';

const MAX_EVENTS = 10_000;

export type EventListener = (event: EventRecord) => void;

export class EventLog {
  private events: EventRecord[] = [];
  private readonly listeners: EventListener[] = [];

  /** Called with every new event (the webhook sender subscribes). */
  subscribe(listener: EventListener): void {
    this.listeners.push(listener);
  }

  /** Records `event` with `data` (a WorkOS object in wire shape) and tells the listeners. */
  emit(event: string, data: Record<string, unknown>): EventRecord {
    const record: EventRecord = {
      id: newId('event'),
      event,
      data,
      created_at: new Date().toISOString(),
      organizationId: organizationOf(event, data),
    };
    this.events.push(record);
    if (this.events.length > MAX_EVENTS) this.events.splice(0, this.events.length - MAX_EVENTS);
    for (const listener of this.listeners) listener(record);
    return record;
  }

  /** Oldest first. */
  all(): readonly EventRecord[] {
    return this.events;
  }

  clear(): void {
    this.events = [];
  }
}

function organizationOf(event: string, data: Record<string, unknown>): string | null {
  if (typeof data.organization_id === 'string') return data.organization_id;
  if (event.startsWith('organization.') && typeof data.id === 'string') return data.id;
  return null;
}

/** The `event` object of the events API. */
export function eventJson(event: EventRecord): Record<string, unknown> {
  return { object: 'event', id: event.id, event: event.event, data: event.data, created_at: event.created_at };
}
