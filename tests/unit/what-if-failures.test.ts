// simulate (lib/domain/what-if.ts): the routing rule with declines, lapses, failures and the sanction ladder.
import { describe, expect, it } from "vitest";
import { replayVendor } from "@/tests/factories/domain";
import { alternativeSanctionsSchema, ladderByCount, simulate, replay, type ReplayOrder } from "@/lib/domain/what-if";
import { DEFAULT_SETTINGS } from "@/lib/domain/settings";

const vendor = replayVendor;
const day = (i: number) => new Date(Date.UTC(2026, 0, 2 + Math.floor(i / 4))).toISOString().slice(0, 10);
const orders: ReplayOrder[] = Array.from({ length: 400 }, (_, i) => ({
  id: `o${i}`,
  opdId: i % 2 ? "opd1" : "opd2",
  category: "MAKAN",
  method: "PENGADAAN_LANGSUNG",
  pax: 20,
  total: 800_000,
  day: day(i),
}));
const vendors = new Map(["a", "b", "c", "d", "e"].map((id) => [id, vendor(id)]));
const pools = new Map([
  [
    "opd1",
    [
      { vendorId: "a", weight: 1 },
      { vendorId: "b", weight: 1 },
    ],
  ],
  [
    "opd2",
    [
      { vendorId: "c", weight: 1 },
      { vendorId: "d", weight: 1 },
      { vendorId: "e", weight: 1 },
    ],
  ],
]);
const scope = ["a", "b", "c", "d", "e"];
const none = { declineRate: 0, expiryRate: 0, failureRate: 0 };

describe("what-if with failures", () => {
  it("matches the plain replay when nobody declines or fails", () => {
    const s = simulate(orders, pools, vendors, scope, DEFAULT_SETTINGS, none, 1);
    const r = replay(orders, pools, vendors, scope, true);
    expect(s.distribution).toEqual(r.distribution);
    expect(s).toMatchObject({ escalated: 0, failures: 0, sanctions: { SP1: 0, SP2: 0, SP3: 0 } });
  });

  it("is the same for the same seed, and serves exhausted pools from the reserve instead of escalating", () => {
    const heavy = { declineRate: 0.45, expiryRate: 0.1, failureRate: 0 };
    const a = simulate(orders, pools, vendors, scope, DEFAULT_SETTINGS, heavy);
    expect(simulate(orders, pools, vendors, scope, DEFAULT_SETTINGS, heavy)).toEqual(a);
    expect(a.reserve).toBeGreaterThan(0);
    const off = simulate(orders, pools, vendors, scope, { ...DEFAULT_SETTINGS, cityReserve: false }, heavy);
    expect(off.escalated).toBeGreaterThan(a.escalated);
    expect(off.reserve).toBe(0);
  });

  it("suspends and removes less with the proportionate ladder than with the count alone, and escalates less", () => {
    const rates = { declineRate: 0.05, expiryRate: 0.02, failureRate: 0.04 };
    const proportionate = simulate(orders, pools, vendors, scope, DEFAULT_SETTINGS, rates);
    const countOnly = simulate(
      orders,
      pools,
      vendors,
      scope,
      { ...DEFAULT_SETTINGS, sp2MinFailureShare: 0, sp3MinFailureShare: 0 },
      rates,
    );
    expect(proportionate.failures).toBeGreaterThan(0);
    expect(proportionate.sanctions.SP3).toBeLessThan(countOnly.sanctions.SP3 + 1e-9);
    expect(proportionate.sanctions.SP2 + proportionate.sanctions.SP3).toBeLessThan(
      countOnly.sanctions.SP2 + countOnly.sanctions.SP3,
    );
    expect(proportionate.escalatedShare).toBeLessThan(countOnly.escalatedShare);
    expect(proportionate.removedAtEnd).toBeLessThan(countOnly.removedAtEnd);
  });
});

describe("the comparison a failure what-if makes by default", () => {
  it("is the settings in force with the ladder by count alone, and a valid alternative", () => {
    const s = { ...DEFAULT_SETTINGS, sp2MinFailureShare: 0.2, sp3MinFailureShare: 0.4, suspensionDays: 21 };
    const byCount = ladderByCount(s);
    expect(byCount).toEqual({
      sp2AfterFailures: s.sp2AfterFailures,
      sp3AfterFailures: s.sp3AfterFailures,
      sp2MinFailureShare: 0,
      sp3MinFailureShare: 0,
      suspensionDays: 21,
      cityReserve: s.cityReserve,
    });
    expect(alternativeSanctionsSchema.parse(byCount)).toEqual(byCount);
  });
});
