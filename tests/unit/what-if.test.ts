import { describe, expect, it } from "vitest";
import { replayVendor } from "@/tests/factories/domain";
import { replay, syntheticYear, type ReplayOrder } from "@/lib/domain/what-if";

const vendor = replayVendor;
const order = (i: number, opdId: string, over: Partial<ReplayOrder> = {}): ReplayOrder => ({
  id: `o${i}`,
  opdId,
  category: "MAKAN",
  method: "PENGADAAN_LANGSUNG",
  pax: 10,
  total: 400_000,
  day: "2026-03-01",
  ...over,
});

describe("what-if replay", () => {
  const vendors = new Map(["a", "b", "c", "d"].map((id) => [id, vendor(id)]));

  it("spreads evenly over a wider pool and concentrates over a narrow one, measured over the same scope", () => {
    const orders = Array.from({ length: 40 }, (_, i) => order(i, i % 2 ? "opd1" : "opd2"));
    const narrow = new Map([
      ["opd1", [{ vendorId: "a", weight: 1 }]],
      [
        "opd2",
        [
          { vendorId: "a", weight: 1 },
          { vendorId: "b", weight: 1 },
        ],
      ],
    ]);
    const wide = new Map([
      [
        "opd1",
        [
          { vendorId: "a", weight: 1 },
          { vendorId: "c", weight: 1 },
        ],
      ],
      [
        "opd2",
        [
          { vendorId: "b", weight: 1 },
          { vendorId: "d", weight: 1 },
        ],
      ],
    ]);
    const scope = ["a", "b", "c", "d"];
    const n = replay(orders, narrow, vendors, scope, true);
    const w = replay(orders, wide, vendors, scope, true);
    expect(w.distribution.gini).toBe(0);
    expect(w.distribution.zero.count).toBe(0);
    expect(n.distribution.zero.count).toBe(2);
    expect(n.distribution.gini).toBeGreaterThan(w.distribution.gini);
    // Nothing is lost: every order's value lands somewhere.
    expect([...n.values.values()].reduce((s, v) => s + v, 0)).toBe(40 * 400_000);
    expect([...w.values.values()]).toEqual([4_000_000, 4_000_000, 4_000_000, 4_000_000]);
  });

  it("respects capacity, days off and categories, counting what nobody could take", () => {
    const vs = new Map([
      ["a", vendor("a", { capacityPax: 15 })],
      ["b", vendor("b", { unavailableDays: new Set(["2026-03-01"]) })],
      ["c", vendor("c", { categories: ["MINUMAN"] })],
    ]);
    const pools = new Map([["opd", ["a", "b", "c"].map((vendorId) => ({ vendorId, weight: 1 }))]]);
    const r = replay(
      [order(1, "opd"), order(2, "opd"), order(3, "opd", { day: "2026-03-02" })],
      pools,
      vs,
      ["a", "b", "c"],
      true,
    );
    expect(r.values.get("a")).toBe(400_000); // the second order of the day exceeds a's 15 portions
    expect(r.values.get("b")).toBe(400_000); // … and b is off on 1 March, so only the 2 March order reaches it
    expect(r.unserved).toBe(1);
    expect(r.values.get("c")).toBe(0);
  });
});

describe("synthetic year", () => {
  it("is deterministic, on working days, within the year, with totals = pax × price", () => {
    const a = syntheticYear(["o1", "o2"], 2027, 3, { MAKAN: 40_000, KUDAPAN: 20_000 });
    const b = syntheticYear(["o1", "o2"], 2027, 3, { MAKAN: 40_000, KUDAPAN: 20_000 });
    expect(a).toEqual(b);
    expect(a).toHaveLength(2 * 3 * 12);
    for (const o of a) {
      const d = new Date(`${o.day}T00:00:00Z`);
      expect([0, 6]).not.toContain(d.getUTCDay());
      expect(o.day.startsWith("2027-")).toBe(true);
      expect(o.total).toBe(o.pax * (o.category === "MAKAN" ? 40_000 : 20_000));
    }
    expect([...a.map((o) => o.day)]).toEqual([...a.map((o) => o.day)].sort());
  });
});
