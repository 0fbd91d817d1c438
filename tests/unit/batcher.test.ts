import { describe, expect, it } from "vitest";
import { MicroBatcher } from "@/lib/data/batcher";

describe("MicroBatcher", () => {
  it("sends what arrives together as one batch, and what arrives during a flush as the next", async () => {
    const batches: number[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const b = new MicroBatcher<number, number>(async (items) => {
      batches.push(items);
      if (batches.length === 1) await gate;
      return items.map((i) => i * 10);
    });
    const first = [b.submit(1), b.submit(2)];
    await new Promise((r) => setImmediate(r));
    const second = [b.submit(3), b.submit(4), b.submit(5)];
    release();
    expect(await Promise.all([...first, ...second])).toEqual([10, 20, 30, 40, 50]);
    expect(batches).toEqual([
      [1, 2],
      [3, 4, 5],
    ]);
  });

  it("rejects only the item the flush answers with an Error, and every item when the flush throws", async () => {
    const b = new MicroBatcher<number, number>(async (items) => items.map((i) => (i === 2 ? new Error("two") : i)));
    const r = await Promise.allSettled([b.submit(1), b.submit(2), b.submit(3)]);
    expect(r.map((x) => x.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    let down = true;
    const flaky = new MicroBatcher<number, number>(async (items) => {
      if (down) throw new Error("down");
      return items;
    });
    const all = await Promise.allSettled([flaky.submit(1), flaky.submit(2)]);
    expect(all.every((x) => x.status === "rejected")).toBe(true);
    // And it keeps working afterwards.
    down = false;
    expect(await flaky.submit(7)).toBe(7);
  });

  it("caps a batch at its maximum size", async () => {
    const sizes: number[] = [];
    const b = new MicroBatcher<number, number>(async (items) => {
      sizes.push(items.length);
      return items;
    }, 3);
    await Promise.all(Array.from({ length: 7 }, (_, i) => b.submit(i)));
    expect(sizes).toEqual([3, 3, 1]);
  });
});
