// Short-lived snapshots of read models that many people read and nobody needs to the second: the mayor's
// dashboard and home page. Each is computed at most once per `ttlMs` per app process and key, and shared by
// every reader meanwhile; readers that arrive while it is being computed wait for that one computation
// instead of starting their own. A failed computation is not kept (the next reader tries again). The page
// shows when its snapshot was read (`at`), so nobody mistakes it for a live figure. ttlMs 0 turns it off.
//
// lru-cache does the keeping, the expiry and the de-duplication of concurrent loads (its fetch()).
import { LRUCache } from "lru-cache";
import { systemClock, type Clock } from "@/lib/clock";

export interface Snapshot<T> {
  /** Shared between readers: never mutate it. */
  value: T;
  /** When the read began: the snapshot shows the data as of then (or a little later). */
  at: Date;
}

export interface SnapshotCache<T> {
  /** The snapshot under `key`, loading it with `load` when there is none younger than the TTL. */
  get(key: string, load: () => Promise<T>): Promise<Snapshot<T>>;
  /** Snapshots held now. */
  readonly size: number;
}

export interface SnapshotOptions {
  ttlMs: number;
  /** Keys kept at most (least recently used go first). */
  max?: number;
  clock?: Clock;
  /** Time source for the expiry (tests); performance.now by default. */
  perf?: { now(): number };
}

export function snapshotCache<T>(opts: SnapshotOptions): SnapshotCache<T> {
  const clock = opts.clock ?? systemClock;
  const read = async (load: () => Promise<T>): Promise<Snapshot<T>> => {
    const at = clock.now();
    return { value: await load(), at };
  };
  if (!(opts.ttlMs > 0)) return { get: (_key, load) => read(load), size: 0 };
  const cache = new LRUCache<string, Snapshot<T>, () => Promise<T>>({
    max: opts.max ?? 100,
    ttl: opts.ttlMs,
    // Expired snapshots are dropped on their own (not only when pushed out), so memory holds only the views
    // read within the last TTL — a dashboard over a thousand UMKM is a few hundred kilobytes.
    ttlAutopurge: true,
    // An injected time source is read every time (no 1 ms memo of "now" between timer turns).
    ...(opts.perf ? { perf: opts.perf, ttlResolution: 0 } : {}),
    fetchMethod: (_key, _stale, { context }) => read(context),
  });
  return {
    async get(key, load) {
      const s = await cache.fetch(key, { context: load });
      // fetch() answers undefined only when the load was aborted (evicted while loading): read it directly.
      return s ?? read(load);
    },
    get size() {
      return cache.size;
    },
  };
}
