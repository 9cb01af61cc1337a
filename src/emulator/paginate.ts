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

function window(ordered: readonly { id: string }[], query: ListQuery): [number, number] {
  const indexOf = (id: string) => ordered.findIndex((item) => item.id === id);
  if (query.after) {
    const index = indexOf(query.after);
    if (index < 0) return [0, 0];
    return [index + 1, Math.min(ordered.length, index + 1 + query.limit)];
  }
  if (query.before) {
    const index = indexOf(query.before);
    if (index < 0) return [0, 0];
    return [Math.max(0, index - query.limit), index];
  }
  return [0, Math.min(ordered.length, query.limit)];
}
