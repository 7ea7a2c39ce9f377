/**
 * A read-through cache for rows that are read on every interaction and written rarely (see
 * `changes.ts`): bounded (least recently used entries go first), entries expire after `ttlMs`,
 * concurrent misses of one key share one load, and `clear()` guarantees that nothing loaded
 * before it is served after it (a load that overlaps a clear is returned to its callers but not
 * kept, and later callers do not join it).
 */
import { LRUCache } from "lru-cache";

export interface ReadCacheOptions<Key, Value> {
  /** Most entries kept. */
  max: number;
  /** How long an entry is served without asking the database again. */
  ttlMs: number;
  load(key: Key): Promise<Value>;
}

export interface ReadCache<Key, Value> {
  get(key: Key): Promise<Value>;
  /** Drops every entry and every load in flight. */
  clear(): void;
}

export function createReadCache<Key extends string, Value>(
  options: ReadCacheOptions<Key, Value>,
): ReadCache<Key, Value> {
  // Boxed: LRUCache keeps no undefined or null values, and "no programme here" is worth keeping.
  const entries = new LRUCache<Key, { value: Value }>({ max: options.max, ttl: options.ttlMs });
  const loading = new Map<Key, { generation: number; promise: Promise<Value> }>();
  let generation = 0;

  return {
    get(key) {
      const hit = entries.get(key);
      if (hit) return Promise.resolve(hit.value);
      const running = loading.get(key);
      if (running && running.generation === generation) return running.promise;
      const started = generation;
      const promise = options.load(key).then(
        (value) => {
          if (generation === started) entries.set(key, { value });
          if (loading.get(key)?.promise === promise) loading.delete(key);
          return value;
        },
        (error: unknown) => {
          if (loading.get(key)?.promise === promise) loading.delete(key);
          throw error;
        },
      );
      loading.set(key, { generation: started, promise });
      return promise;
    },
    clear() {
      generation += 1;
      entries.clear();
      loading.clear();
    },
  };
}
