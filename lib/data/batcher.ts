// A micro-batcher: requests that arrive while a batch is being processed wait and go together in the next
// one, so under load N requests cost one round of work instead of N, and an idle system adds no delay (the
// first request goes at the next turn of the event loop). One batch at a time per batcher.
type Pending<T, R> = { item: T; resolve: (r: R) => void; reject: (e: unknown) => void };

export class MicroBatcher<T, R> {
  private queue: Pending<T, R>[] = [];
  private running = false;

  /** `flush` answers every item of a batch, in order: a result, or an Error for that item alone. */
  constructor(
    private readonly flush: (items: T[]) => Promise<(R | Error)[]>,
    private readonly maxBatch = 32,
  ) {}

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.running) {
        this.running = true;
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      try {
        const results = await this.flush(batch.map((b) => b.item));
        batch.forEach((b, i) => {
          const r = results[i];
          if (r instanceof Error) b.reject(r);
          else b.resolve(r as R);
        });
      } catch (e) {
        for (const b of batch) b.reject(e);
      }
    }
    this.running = false;
  }
}

/**
 * A batch flush that, when the batch as a whole fails, runs its items one by one — so one bad item cannot fail the
 * others, each getting its own result or error. A batch of one fails as itself.
 */
export function oneByOneOnError<T, R>(flush: (items: T[]) => Promise<(R | Error)[]>) {
  return async (items: T[]): Promise<(R | Error)[]> => {
    try {
      return await flush(items);
    } catch (e) {
      if (items.length === 1) throw e;
      const results: (R | Error)[] = [];
      for (const item of items) {
        try {
          results.push((await flush([item]))[0]!);
        } catch (err) {
          results.push(err instanceof Error ? err : new Error(String(err)));
        }
      }
      return results;
    }
  };
}

/** One batcher per client (a database client, say), made on first use: `batcherFor(db)`. */
export function batcherPer<K extends object, T, R>(
  make: (key: K) => MicroBatcher<T, R>,
): (key: K) => MicroBatcher<T, R> {
  const made = new WeakMap<K, MicroBatcher<T, R>>();
  return (key) => {
    let b = made.get(key);
    if (!b) {
      b = make(key);
      made.set(key, b);
    }
    return b;
  };
}
