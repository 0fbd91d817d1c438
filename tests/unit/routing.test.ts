import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  compareStanding,
  exclusionReason,
  offerDeadline,
  rankPool,
  stableHash,
  type OrderToRoute,
  type PoolVendor,
} from "@/lib/domain/routing";
import { deliveryFailure, failureShare, lateMinutesOf, sanctionLevelFor, suspends } from "@/lib/domain/sanctions";
import { DEFAULT_SETTINGS, resolveSettings } from "@/lib/domain/settings";
import { canTransition } from "@/lib/domain/order-state";
import { poolVendor } from "@/tests/factories/domain";

const order: OrderToRoute = { orderId: "order-1", category: "MAKAN", pax: 50, method: "PENGADAAN_LANGSUNG" };

/** A pool vendor of these tests: not yet listed on e-Katalog, with a fresh id unless one is given. */
const vendor = (over: Partial<PoolVendor> = {}): PoolVendor =>
  poolVendor(over.vendorId ?? "v-" + Math.random().toString(36).slice(2), { ekatalogStatus: "PROSES", ...over });

describe("eligibility", () => {
  it("gives each excluded vendor its reason", () => {
    expect(exclusionReason(order, vendor({ status: "SUSPENDED" }), true)).toBe("NOT_ACTIVE");
    expect(exclusionReason(order, vendor({ suspended: true }), true)).toBe("SUSPENDED");
    expect(exclusionReason(order, vendor({ categories: ["KUDAPAN"] }), true)).toBe("CATEGORY_NOT_OFFERED");
    expect(exclusionReason(order, vendor({ unavailableOnDay: true }), true)).toBe("UNAVAILABLE_DAY");
    expect(exclusionReason(order, vendor({ bookedPax: 151 }), true)).toBe("NO_CAPACITY");
    expect(exclusionReason(order, vendor({ bookedPax: 150 }), true)).toBeNull();
    expect(exclusionReason(order, vendor({ priorOutcome: "DECLINED" }), true)).toBe("DECLINED_THIS_ORDER");
    expect(exclusionReason(order, vendor({ priorOutcome: "EXPIRED" }), true)).toBe("EXPIRED_THIS_ORDER");
    expect(exclusionReason(order, vendor({ priorOutcome: "FAILED" }), true)).toBe("FAILED_THIS_ORDER");
    const ep = { ...order, method: "E_PURCHASING" as const };
    expect(exclusionReason(ep, vendor({ ekatalogStatus: "PROSES" }), true)).toBe("NOT_TAYANG");
    expect(exclusionReason(ep, vendor({ ekatalogStatus: "PROSES" }), false)).toBeNull();
    expect(exclusionReason(ep, vendor({ ekatalogStatus: "TAYANG" }), true)).toBeNull();
  });
});

describe("ranking", () => {
  it("prefers the least (awarded + pending) / weight, then fewer orders, then longest since last award", () => {
    const a = vendor({ vendorId: "a", awardedValue: 1_000_000n });
    const b = vendor({ vendorId: "b", awardedValue: 500_000n, pendingValue: 600_000n });
    expect(rankPool(order, [a, b], true).candidates.map((c) => c.vendorId)).toEqual(["a", "b"]);
    const heavy = vendor({ vendorId: "heavy", awardedValue: 1_800_000n, weight: 2 });
    expect(rankPool(order, [a, heavy], true).candidates.map((c) => c.vendorId)).toEqual(["heavy", "a"]);
    const fewer = vendor({ vendorId: "fewer", awardedValue: 1_000_000n, awardedOrders: 1 });
    const more = vendor({ vendorId: "more", awardedValue: 1_000_000n, awardedOrders: 3 });
    expect(rankPool(order, [more, fewer], true).candidates[0]!.vendorId).toBe("fewer");
    const old = vendor({ vendorId: "old", awardedOrders: 1, awardedValue: 10n, lastAwardAt: new Date("2026-01-01") });
    const recent = vendor({
      vendorId: "recent",
      awardedOrders: 1,
      awardedValue: 10n,
      lastAwardAt: new Date("2026-03-01"),
    });
    expect(rankPool(order, [recent, old], true).candidates[0]!.vendorId).toBe("old");
  });

  it("breaks exact ties by a stable hash of (order, vendor), the same every time", () => {
    const x = vendor({ vendorId: "x" });
    const y = vendor({ vendorId: "y" });
    const first = rankPool(order, [x, y], true).candidates[0]!.vendorId;
    expect(rankPool(order, [y, x], true).candidates[0]!.vendorId).toBe(first);
    expect(stableHash("o", "v")).toBe(stableHash("o", "v"));
    expect(stableHash("o", "v")).not.toBe(stableHash("o", "w"));
  });

  const poolArb = fc.array(
    fc.record({
      vendorId: fc.uuid(),
      weight: fc.integer({ min: 1, max: 5 }),
      status: fc.constantFrom("ACTIVE", "ACTIVE", "ACTIVE", "SUSPENDED"),
      suspended: fc.boolean(),
      cats: fc.subarray(["MAKAN", "KUDAPAN", "MINUMAN"] as const, { minLength: 1 }),
      unavailable: fc.boolean(),
      tayang: fc.boolean(),
      capacity: fc.integer({ min: 0, max: 300 }),
      booked: fc.integer({ min: 0, max: 300 }),
      awarded: fc.bigInt({ min: 0n, max: 500_000_000n }),
      pending: fc.bigInt({ min: 0n, max: 50_000_000n }),
      orders: fc.integer({ min: 0, max: 100 }),
      prior: fc.constantFrom(null, null, null, "DECLINED", "EXPIRED", "FAILED"),
    }),
    { maxLength: 12 },
  );

  it("property: every pool vendor is either a candidate or excluded with a reason, and the chosen one has the least weighted total", () => {
    fc.assert(
      fc.property(
        poolArb,
        fc.constantFrom("MAKAN", "KUDAPAN"),
        fc.integer({ min: 1, max: 200 }),
        fc.boolean(),
        (raw, category, pax, ep) => {
          const pool = raw.map((r) =>
            vendor({
              vendorId: r.vendorId,
              weight: r.weight,
              status: r.status as "ACTIVE" | "SUSPENDED",
              suspended: r.suspended,
              categories: r.cats,
              unavailableOnDay: r.unavailable,
              ekatalogStatus: r.tayang ? "TAYANG" : "PROSES",
              capacityPax: r.capacity,
              bookedPax: r.booked,
              awardedValue: r.awarded,
              pendingValue: r.pending,
              awardedOrders: r.orders,
              priorOutcome: r.prior as PoolVendor["priorOutcome"],
            }),
          );
          const o: OrderToRoute = { orderId: "o", category, pax, method: ep ? "E_PURCHASING" : "PENGADAAN_LANGSUNG" };
          const { candidates, exclusions } = rankPool(o, pool, true);
          expect(candidates.length + exclusions.length).toBe(pool.length);
          for (const c of candidates) {
            const v = pool.find((p) => p.vendorId === c.vendorId)!;
            expect(exclusionReason(o, v, true)).toBeNull();
            expect(v.bookedPax + pax).toBeLessThanOrEqual(v.capacityPax);
          }
          for (const e of exclusions)
            expect(
              exclusionReason(
                o,
                pool.find((p) => p.vendorId === e.vendorId)!,
                true,
              ),
            ).toBe(e.reason);
          // The ranking is sorted by the exact rule, so nobody eligible stands below the chosen one.
          for (let i = 1; i < candidates.length; i++) {
            const prev = pool.find((p) => p.vendorId === candidates[i - 1]!.vendorId)!;
            const cur = pool.find((p) => p.vendorId === candidates[i]!.vendorId)!;
            expect(compareStanding(prev, cur, "o")).toBeLessThanOrEqual(0);
            expect((prev.awardedValue + prev.pendingValue) * BigInt(cur.weight)).toBeLessThanOrEqual(
              (cur.awardedValue + cur.pendingValue) * BigInt(prev.weight),
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("property: routing a stream of orders greedily keeps every pool's weighted totals within one order of each other", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 2, max: 6 }),
        (paxes, n) => {
          const pool = Array.from({ length: n }, (_, i) => vendor({ vendorId: `v${i}`, capacityPax: 1_000_000 }));
          let maxValue = 0n;
          for (const [k, pax] of paxes.entries()) {
            const value = BigInt(pax * 40_000);
            if (value > maxValue) maxValue = value;
            const chosen = rankPool({ ...order, orderId: `o${k}`, pax }, pool, true).candidates[0]!;
            const v = pool.find((p) => p.vendorId === chosen.vendorId)!;
            v.awardedValue += value;
            v.awardedOrders += 1;
          }
          const values = pool.map((p) => p.awardedValue);
          const spread = values.reduce((a, b) => (a > b ? a : b)) - values.reduce((a, b) => (a < b ? a : b));
          expect(spread).toBeLessThanOrEqual(maxValue);
        },
      ),
    );
  });
});

describe("deadlines, outcomes and the sanction ladder", () => {
  const now = new Date("2026-06-01T01:00:00Z");
  it("gives the response window, never later than the lead time before delivery, and nothing when too late", () => {
    expect(offerDeadline(now, new Date("2026-06-03T01:00:00Z"), 120, 120)!.toISOString()).toBe(
      "2026-06-01T03:00:00.000Z",
    );
    expect(offerDeadline(now, new Date("2026-06-01T04:00:00Z"), 120, 120)!.toISOString()).toBe(
      "2026-06-01T02:00:00.000Z",
    );
    expect(offerDeadline(now, new Date("2026-06-01T03:00:00Z"), 120, 120)).toBeNull();
  });
  it("treats very late and short deliveries as failures", () => {
    const s = DEFAULT_SETTINGS;
    expect(deliveryFailure({ lateMinutes: 60, quantityReceived: 100, pax: 100 }, s)).toBeNull();
    expect(deliveryFailure({ lateMinutes: 61, quantityReceived: 100, pax: 100 }, s)).toBe("VERY_LATE");
    expect(deliveryFailure({ lateMinutes: 0, quantityReceived: 89, pax: 100 }, s)).toBe("SHORT_QUANTITY");
    expect(deliveryFailure({ lateMinutes: 0, quantityReceived: 90, pax: 100 }, s)).toBeNull();
    expect(lateMinutesOf(now, new Date(now.getTime() - 60_000))).toBe(0);
    expect(lateMinutesOf(now, new Date(now.getTime() + 15 * 60_000))).toBe(15);
  });
  it("climbs SP1 → SP2 → SP3 with the failures in the window when they are a large share of the orders", () => {
    const rec = (failures: number, dueOrders: number, suspendedBefore = false) => ({
      failures,
      dueOrders,
      suspendedBefore,
    });
    expect(sanctionLevelFor(rec(1, 1), DEFAULT_SETTINGS)).toBe("SP1");
    expect(sanctionLevelFor(rec(2, 4), DEFAULT_SETTINGS)).toBe("SP2");
    // Removal only after a suspension: 3 of 5 is suspended first, then proposed for removal.
    expect(sanctionLevelFor(rec(3, 5), DEFAULT_SETTINGS)).toBe("SP2");
    expect(sanctionLevelFor(rec(3, 5, true), DEFAULT_SETTINGS)).toBe("SP3");
    expect(sanctionLevelFor(rec(9, 9, true), DEFAULT_SETTINGS)).toBe("SP3");
  });
  it("is proportionate: a busy vendor's rare failures are a warning, not a suspension", () => {
    const rec = (failures: number, dueOrders: number, suspendedBefore = false) => ({
      failures,
      dueOrders,
      suspendedBefore,
    });
    expect(sanctionLevelFor(rec(2, 150), DEFAULT_SETTINGS)).toBe("SP1");
    expect(sanctionLevelFor(rec(3, 150, true), DEFAULT_SETTINGS)).toBe("SP1");
    // Exactly at the thresholds (10 % for SP2, 20 % for SP3).
    expect(sanctionLevelFor(rec(2, 20), DEFAULT_SETTINGS)).toBe("SP2");
    expect(sanctionLevelFor(rec(2, 21), DEFAULT_SETTINGS)).toBe("SP1");
    expect(sanctionLevelFor(rec(3, 15, true), DEFAULT_SETTINGS)).toBe("SP3");
    expect(sanctionLevelFor(rec(3, 16, true), DEFAULT_SETTINGS)).toBe("SP2");
    // A failure is one of the orders due, even when its delivery day has not come (the vendor cancelled early).
    expect(failureShare({ failures: 2, dueOrders: 0 })).toBe(1);
    expect(failureShare({ failures: 0, dueOrders: 10 })).toBe(0);
  });
  it("takes a vendor out of the pools only for a suspension or a removal", () => {
    expect(suspends("SP1")).toBe(false);
    expect(suspends("SP2")).toBe(true);
    expect(suspends("SP3")).toBe(true);
  });
  it("never punishes more for a better record (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 0, max: 50 }),
        fc.boolean(),
        (failures, due, extraDue, suspendedBefore) => {
          const rank = { SP1: 1, SP2: 2, SP3: 3 } as const;
          const worse = sanctionLevelFor({ failures, dueOrders: due, suspendedBefore }, DEFAULT_SETTINGS);
          // More orders delivered with the same failures: never a heavier level.
          const moreOrders = sanctionLevelFor(
            { failures, dueOrders: due + extraDue, suspendedBefore },
            DEFAULT_SETTINGS,
          );
          expect(rank[moreOrders]).toBeLessThanOrEqual(rank[worse]);
          // One failure fewer (and one delivery more): never a heavier level.
          if (failures > 1) {
            const fewer = sanctionLevelFor(
              { failures: failures - 1, dueOrders: due, suspendedBefore },
              DEFAULT_SETTINGS,
            );
            expect(rank[fewer]).toBeLessThanOrEqual(rank[worse]);
          }
          // Never SP3 without an earlier suspension; never above SP1 below the SP2 count.
          if (!suspendedBefore) expect(worse).not.toBe("SP3");
          if (failures < DEFAULT_SETTINGS.sp2AfterFailures) expect(worse).toBe("SP1");
        },
      ),
    );
  });
  it("reads stored settings over the defaults, ignoring invalid fields", () => {
    expect(resolveSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(resolveSettings({ responseWindowMinutes: 60, veryLateMinutes: -5, unknown: 1 })).toEqual({
      ...DEFAULT_SETTINGS,
      responseWindowMinutes: 60,
    });
    expect(resolveSettings({ sp2AfterFailures: 5, sp3AfterFailures: 4 })).toEqual(DEFAULT_SETTINGS);
    // Settings stored before the proportionate ladder and the reserve keep their values and gain the new defaults.
    expect(resolveSettings({ sp2AfterFailures: 3, sp3AfterFailures: 5, suspensionDays: 14 })).toEqual({
      ...DEFAULT_SETTINGS,
      sp2AfterFailures: 3,
      sp3AfterFailures: 5,
      suspensionDays: 14,
    });
    expect(resolveSettings({ sp2MinFailureShare: 0.5, sp3MinFailureShare: 0.2 })).toEqual(DEFAULT_SETTINGS);
    expect(resolveSettings({ cityReserve: false }).cityReserve).toBe(false);
  });
  it("allows only the documented order transitions", () => {
    expect(canTransition("OFFERED", "ACCEPTED")).toBe(true);
    expect(canTransition("DELIVERED", "CANCELLED")).toBe(false);
    expect(canTransition("CANCELLED", "OFFERED")).toBe(false);
    expect(canTransition("ACCEPTED", "FAILED")).toBe(true);
  });
});
