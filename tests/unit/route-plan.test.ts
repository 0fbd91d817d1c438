// planRoute (lib/domain/routing.ts): the OPD's pool first, the decree's city-wide reserve when the pool is
// exhausted, an admin only when nobody in the city can take the order or it is too late.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  decisionCandidates,
  planRoute,
  rankPool,
  decreeWeights,
  reserveOf,
  type PoolVendor,
  type RoutePlan,
} from "@/lib/domain/routing";
import { DEFAULT_SETTINGS } from "@/lib/domain/settings";
import { poolVendor } from "@/tests/factories/domain";

const now = new Date("2026-06-01T01:00:00Z");
const order = {
  orderId: "order-1",
  category: "MAKAN" as const,
  pax: 50,
  method: "PENGADAAN_LANGSUNG" as const,
  deliveryAt: new Date("2026-06-02T05:00:00Z"),
};

const vendor = poolVendor;

const offered = (p: ReturnType<typeof planRoute>) => {
  if (p.kind !== "OFFER") throw new Error(`expected an offer, got ${JSON.stringify(p)}`);
  return p;
};

describe("planRoute: pool, then the city-wide reserve", () => {
  it("offers to the pool's least-loaded vendor without reading the reserve", () => {
    const pool = [vendor("a", { awardedValue: 5n }), vendor("b", { awardedValue: 3n })];
    const p = offered(planRoute(order, "d", pool, undefined, now, DEFAULT_SETTINGS));
    expect(p.scope).toBe("POOL");
    expect(p.chosen.vendorId).toBe("b");
    expect(p.reserve).toBeNull();
  });

  it("asks for the reserve when nobody in the pool is eligible, then offers to the reserve's least-loaded UMKM", () => {
    const pool = [vendor("a", { status: "REMOVED" }), vendor("b", { priorOutcome: "DECLINED" })];
    expect(planRoute(order, "d", pool, undefined, now, DEFAULT_SETTINGS).kind).toBe("NEEDS_RESERVE");
    const reserve = [
      vendor("x", { awardedValue: 900n }),
      vendor("y", { awardedValue: 100n }),
      vendor("z", { suspended: true }),
    ];
    const p = offered(planRoute(order, "d", pool, reserve, now, DEFAULT_SETTINGS));
    expect(p.scope).toBe("RESERVE");
    expect(p.chosen.vendorId).toBe("y");
    // Why the pool was exhausted, and why the reserve's others were not chosen, are both kept.
    expect(p.pool.exclusions.map((x) => x.reason)).toEqual(["NOT_ACTIVE", "DECLINED_THIS_ORDER"]);
    expect(p.reserve!.exclusions).toEqual([expect.objectContaining({ vendorId: "z", reason: "SUSPENDED" })]);
    expect(decisionCandidates(p).map((c) => c.vendorId)).toEqual(["y", "x"]);
  });

  it("serves an OPD the decree left without a pool from the reserve", () => {
    const p = offered(planRoute(order, "d", [], [vendor("x")], now, DEFAULT_SETTINGS));
    expect(p.scope).toBe("RESERVE");
  });

  it("escalates only when nobody in the city can take it, or when it is too late", () => {
    const pool = [vendor("a", { categories: ["KUDAPAN"] })];
    const none = planRoute(order, "d", pool, [vendor("x", { bookedPax: 180 })], now, DEFAULT_SETTINGS);
    expect(none).toMatchObject({ kind: "ESCALATE", reason: "NO_ELIGIBLE_IN_CITY" });
    const late = { ...order, deliveryAt: new Date(now.getTime() + 60 * 60_000) };
    expect(planRoute(late, "d", pool, undefined, now, DEFAULT_SETTINGS)).toMatchObject({
      kind: "ESCALATE",
      reason: "TOO_LATE",
    });
    expect(planRoute(order, null, pool, undefined, now, DEFAULT_SETTINGS)).toMatchObject({
      kind: "ESCALATE",
      reason: "NO_DECREE",
    });
  });

  it("escalates as before when the reserve is turned off", () => {
    const off = { ...DEFAULT_SETTINGS, cityReserve: false };
    expect(planRoute(order, "d", [vendor("a", { status: "REMOVED" })], undefined, now, off)).toMatchObject({
      kind: "ESCALATE",
      reason: "NO_ELIGIBLE_VENDOR",
    });
    expect(planRoute(order, "d", [], undefined, now, off)).toMatchObject({ kind: "ESCALATE", reason: "EMPTY_POOL" });
  });

  it("weights each UMKM by its largest allocation weight in the decree; the reserve leaves the pool's own out", () => {
    const w = decreeWeights([
      { vendorId: "a", weight: 1 },
      { vendorId: "x", weight: 1 },
      { vendorId: "x", weight: 3 },
      { vendorId: "y", weight: 2 },
    ]);
    expect([...w.entries()].sort()).toEqual([
      ["a", 1],
      ["x", 3],
      ["y", 2],
    ]);
    expect([...reserveOf(w, ["a"]).entries()].sort()).toEqual([
      ["x", 3],
      ["y", 2],
    ]);
  });
});

describe("planRoute: the fairness rule holds in the pool and in the reserve (property)", () => {
  const standing = (id: string) =>
    fc
      .record({
        awarded: fc.bigInt({ min: 0n, max: 50_000_000n }),
        pending: fc.bigInt({ min: 0n, max: 5_000_000n }),
        weight: fc.integer({ min: 1, max: 3 }),
        removed: fc.boolean(),
        booked: fc.integer({ min: 0, max: 220 }),
        prior: fc.constantFrom(null, "DECLINED", "EXPIRED"),
      })
      .map((r) =>
        vendor(id, {
          awardedValue: r.awarded,
          pendingValue: r.pending,
          weight: r.weight,
          status: r.removed ? "REMOVED" : "ACTIVE",
          bookedPax: r.booked,
          priorOutcome: r.prior as PoolVendor["priorOutcome"],
        }),
      );
  const vendors = (prefix: string) =>
    fc
      .integer({ min: 0, max: 6 })
      .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => standing(`${prefix}${i}`))));

  it("chooses the least weighted total among the eligible of the scope it chose from, and the pool whenever it can", () => {
    fc.assert(
      fc.property(vendors("p"), vendors("r"), (pool, reserve) => {
        const p = planRoute(order, "d", pool, reserve, now, DEFAULT_SETTINGS) as RoutePlan;
        const poolEligible = rankPool(order, pool, true).candidates;
        const reserveEligible = rankPool(order, reserve, true).candidates;
        if (poolEligible.length > 0) {
          expect(p).toMatchObject({ kind: "OFFER", scope: "POOL" });
        } else if (reserveEligible.length > 0) {
          expect(p).toMatchObject({ kind: "OFFER", scope: "RESERVE" });
        } else {
          expect(p).toMatchObject({ kind: "ESCALATE", reason: "NO_ELIGIBLE_IN_CITY" });
          return;
        }
        const o = p as Extract<RoutePlan, { kind: "OFFER" }>;
        const from = o.scope === "POOL" ? pool : reserve;
        const chosen = from.find((v) => v.vendorId === o.chosen.vendorId)!;
        const total = (v: PoolVendor) => Number(v.awardedValue + v.pendingValue) / v.weight;
        const eligibleIds = new Set((o.scope === "POOL" ? poolEligible : reserveEligible).map((c) => c.vendorId));
        for (const v of from) if (eligibleIds.has(v.vendorId)) expect(total(chosen)).toBeLessThanOrEqual(total(v));
      }),
    );
  });
});
