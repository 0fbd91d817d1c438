// lib/cache/snapshot.ts: read models shared for a few seconds — one load per key and TTL, concurrent readers
// waiting for the same load, failures not kept, and a TTL of 0 reading live every time.
import { afterEach, describe, expect, it, vi } from "vitest";
import { fixedClock } from "@/lib/clock";
import { snapshotCache } from "@/lib/cache/snapshot";

function setup(ttlMs: number, max?: number) {
  let t = 1_000;
  const perf = { now: () => t };
  const clock = fixedClock("2026-11-29T03:00:00Z");
  const cache = snapshotCache<{ n: number }>({ ttlMs, max, clock, perf });
  let loads = 0;
  const load = async () => ({ n: ++loads });
  const advance = (ms: number) => {
    t += ms;
    clock.advance(ms);
  };
  return { cache, load, advance, clock, loads: () => loads };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("snapshot cache", () => {
  it("loads once per key within the TTL and says when it read", async () => {
    const { cache, load, advance, loads } = setup(15_000);
    const a = await cache.get("year:2026", load);
    advance(14_000);
    const b = await cache.get("year:2026", load);
    expect(loads()).toBe(1);
    expect(b).toBe(a);
    expect(a.value).toEqual({ n: 1 });
    expect(a.at.toISOString()).toBe("2026-11-29T03:00:00.000Z");
    const other = await cache.get("month:2026-11", load);
    expect(other.value).toEqual({ n: 2 });
  });

  it("reads again once the snapshot is older than the TTL, with the new time", async () => {
    const { cache, load, advance } = setup(15_000);
    await cache.get("k", load);
    advance(15_001);
    const again = await cache.get("k", load);
    expect(again.value).toEqual({ n: 2 });
    expect(again.at.toISOString()).toBe("2026-11-29T03:00:15.001Z");
  });

  it("lets readers that arrive during a load wait for that load", async () => {
    const { cache } = setup(15_000);
    let loads = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow = async () => {
      loads++;
      await gate;
      return { n: loads };
    };
    const readers = Array.from({ length: 20 }, () => cache.get("k", slow));
    release();
    const got = await Promise.all(readers);
    expect(loads).toBe(1);
    expect(new Set(got.map((s) => s.value)).size).toBe(1);
  });

  it("does not keep a failed load: the next reader tries again", async () => {
    const { cache, load } = setup(15_000);
    await expect(cache.get("k", () => Promise.reject(new Error("database restarting")))).rejects.toThrow(
      "database restarting",
    );
    expect((await cache.get("k", load)).value).toEqual({ n: 1 });
  });

  it("reads live every time when the TTL is 0", async () => {
    const { cache, load, loads } = setup(0);
    await cache.get("k", load);
    await cache.get("k", load);
    expect(loads()).toBe(2);
  });

  it("keeps at most `max` keys, dropping the least recently read", async () => {
    const { cache, load, loads } = setup(15_000, 2);
    await cache.get("a", load);
    await cache.get("b", load);
    await cache.get("a", load);
    await cache.get("c", load); // drops b
    expect(loads()).toBe(3);
    await cache.get("a", load);
    expect(loads()).toBe(3);
    await cache.get("b", load);
    expect(loads()).toBe(4);
  });

  it("drops expired snapshots on its own, so memory holds only the views read within the TTL", async () => {
    vi.useFakeTimers();
    const { cache, load, advance } = setup(15_000);
    await cache.get("a", load);
    await cache.get("b", load);
    expect(cache.size).toBe(2);
    advance(15_002);
    await vi.advanceTimersByTimeAsync(15_002);
    expect(cache.size).toBe(0);
  });
});
