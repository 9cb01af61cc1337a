import 'server-only';
/** The in-process store's one data structure: a `Map` that keeps at most `max` entries. */

/** A Map that drops its least recently used entry past `max` entries. */
export class BoundedMap<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly max: number) {}

  get size(): number {
    return this.entries.size;
  }

  /** The value for `key`, now the most recently used. */
  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  /** Drops every entry `isStale` says is. */
  prune(isStale: (value: V) => boolean): void {
    for (const [key, value] of this.entries) if (isStale(value)) this.entries.delete(key);
  }
}
