/**
 * `GET /events`, the events API apps poll (`workos.events.listEvents`): filter by `events` (the
 * SDK sends them comma-joined; repeated `events` or `events[]` work too), `organization_id`,
 * `range_start`/`range_end` (ISO 8601, inclusive), paged by `after` with `limit`. Oldest first
 * unless `order=desc`, so a poller keeps the last id it saw and asks for what came `after` it.
 */
import { invalidField } from '../api-body.js';
import { eventJson } from '../event-log.js';
import { json, type EmuRequest, type Reply } from '../http.js';
import { paginate, parseListQuery } from '../paginate.js';
import type { Runtime } from '../runtime.js';

function eventNames(search: URLSearchParams): string[] {
  return [...search.getAll('events'), ...search.getAll('events[]')]
    .flatMap((value) => value.split(','))
    .map((name) => name.trim())
    .filter(Boolean);
}

function instant(search: URLSearchParams, field: 'range_start' | 'range_end'): string | undefined {
  const value = search.get(field);
  if (!value) return undefined;
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw invalidField(field, 'invalid', `${field} must be an ISO 8601 timestamp.`);
  return new Date(time).toISOString();
}

export function listEvents(request: EmuRequest, runtime: Runtime): Reply {
  const search = request.url.searchParams;
  const query = parseListQuery(request.url, 'asc');
  const names = eventNames(search);
  const organizationId = search.get('organization_id') || undefined;
  const start = instant(search, 'range_start');
  const end = instant(search, 'range_end');
  const events = runtime.events
    .all()
    .filter(
      (event) =>
        (names.length === 0 || names.includes(event.event)) &&
        (!organizationId || event.organizationId === organizationId) &&
        (!start || event.created_at >= start) &&
        (!end || event.created_at <= end),
    );
  return json(200, paginate(events, query, eventJson));
}
