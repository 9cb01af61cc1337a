/** WorkOS cursor pagination: `limit`, `before`/`after` (object ids), `order`, and the list envelope. */
import { apiError } from './http.js';

export interface ListQuery {
  limit: number;
  before?: string;
  after?: string;
  order: 'asc' | 'desc';
}

export interface ListEnvelope {
  object: 'list';
  data: Record<string, unknown>[];
  list_metadata: { before: string | null; after: string | null };
}

/** `defaultOrder`: what an absent `order` means (the events API lists oldest first). */
export function parseListQuery(url: URL, defaultOrder: 'asc' | 'desc' = 'desc'): ListQuery {
  const limitText = url.searchParams.get('limit') ?? '10';
  const limit = Number(limitText);
  const order = url.searchParams.get('order') ?? defaultOrder;
  const errors: { field: string; code: string }[] = [];
  if (!/^\d+$/.test(limitText) || limit < 1 || limit > 100) errors.push({ field: 'limit', code: 'invalid_limit' });
  if (order !== 'asc' && order !== 'desc' && order !== 'normal') errors.push({ field: 'order', code: 'invalid_order' });
  if (errors.length > 0) {
    throw apiError(422, 'invalid_request_parameters', 'Invalid pagination parameters.', { errors });
  }
  return {
    limit,
    order: order === 'asc' ? 'asc' : 'desc',
    before: url.searchParams.get('before') || undefined,
    after: url.searchParams.get('after') || undefined,
  };
}

/** Orders by creation time (then id), pages by cursor, and serializes the page with `toJson`. */
export function paginate<T extends { id: string; created_at: string }>(
  items: readonly T[],
  query: ListQuery,
  toJson: (item: T) => Record<string, unknown>,
): ListEnvelope {
  const ordered = [...items].sort((a, b) => a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id));
  if (query.order === 'desc') ordered.reverse();
  const [start, end] = window(ordered, query);
  const page = ordered.slice(start, end);
  return {
    object: 'list',
    data: page.map(toJson),
    list_metadata: {
      before: page.length > 0 && start > 0 ? page[0]!.id : null,
      after: page.length > 0 && end < ordered.length ? page[page.length - 1]!.id : null,
    },
  };
}

/**
 * Where a cursor falls in the page order: just after (`after`) or just before (`before`) the object
 * it names. A cursor naming an object that is gone (deleted, or an event log cleared by a reset)
 * still marks a place, as a WorkOS cursor does: ids start with their creation time (ULID-like), so
 * it falls where its id would sort. A poller holding the id of the last event it saw then gets
 * the events that came later, rather than an empty page forever.
 */
function cursorIndex(ordered: readonly { id: string }[], id: string, order: ListQuery['order'], side: 'after' | 'before'): number {
  const found = ordered.findIndex((item) => item.id === id);
  if (found >= 0) return side === 'after' ? found + 1 : found;
  const later = ordered.findIndex((item) => (order === 'asc' ? item.id > id : item.id < id));
  return later < 0 ? ordered.length : later;
}

function window(ordered: readonly { id: string }[], query: ListQuery): [number, number] {
  if (query.after) {
    const start = cursorIndex(ordered, query.after, query.order, 'after');
    return [start, Math.min(ordered.length, start + query.limit)];
  }
  if (query.before) {
    const end = cursorIndex(ordered, query.before, query.order, 'before');
    return [Math.max(0, end - query.limit), end];
  }
  return [0, Math.min(ordered.length, query.limit)];
}
