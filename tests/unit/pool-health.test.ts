// Pool health and the amendment that refills thin pools (lib/domain/pool-health.ts).
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  MIN_ELIGIBLE_PER_POOL,
  needExclusion,
  proposeAmendment,
  thinPools,
  type HealthVendor,
  type PoolNeed,
} from "@/lib/domain/pool-health";

function vendor(id: string, over: Partial<HealthVendor> = {}): HealthVendor {
  return {
    id,
    code: id.toUpperCase(),
    name: `UMKM ${id}`,
    status: "ACTIVE",
    suspended: false,
    categories: ["MAKAN", "KUDAPAN"],
    ekatalogStatus: "TAYANG",
    awardedValue: 0,
    weight: 1,
    ...over,
  };
}
const NEEDS: PoolNeed[] = ["KUDAPAN", "MAKAN", "E_PURCHASING"];

describe("pool health", () => {
  it("lists the needs a pool serves with fewer than two eligible UMKM, with each other vendor's reason", () => {
    const vendors = new Map(
      [
        vendor("a"),
        vendor("b", { suspended: true }),
        vendor("c", { categories: ["KUDAPAN"], ekatalogStatus: "PROSES" }),
        vendor("d", { status: "REMOVED" }),
      ].map((v) => [v.id, v]),
    );
    const pools = new Map([
      ["opd1", ["a", "b", "c"]],
      ["opd2", ["a", "d"]],
    ]);
    const thin = thinPools(["opd1", "opd2", "opd3"], pools, vendors, NEEDS, true);
    expect(thin).toEqual([
      {
        opdId: "opd1",
        need: "MAKAN",
        eligible: 1,
        missing: [
          { vendorId: "b", reason: "SUSPENDED" },
          { vendorId: "c", reason: "CATEGORY_NOT_OFFERED" },
        ],
      },
      {
        opdId: "opd1",
        need: "E_PURCHASING",
        eligible: 1,
        missing: [
          { vendorId: "b", reason: "SUSPENDED" },
          { vendorId: "c", reason: "NOT_TAYANG" },
        ],
      },
      { opdId: "opd2", need: "KUDAPAN", eligible: 1, missing: [{ vendorId: "d", reason: "NOT_ACTIVE" }] },
      { opdId: "opd2", need: "MAKAN", eligible: 1, missing: [{ vendorId: "d", reason: "NOT_ACTIVE" }] },
      { opdId: "opd2", need: "E_PURCHASING", eligible: 1, missing: [{ vendorId: "d", reason: "NOT_ACTIVE" }] },
      { opdId: "opd3", need: "KUDAPAN", eligible: 0, missing: [] },
      { opdId: "opd3", need: "MAKAN", eligible: 0, missing: [] },
      { opdId: "opd3", need: "E_PURCHASING", eligible: 0, missing: [] },
    ]);
    // E-purchasing without the TAYANG rule needs no listing.
    expect(needExclusion(vendor("x", { ekatalogStatus: "BELUM" }), "E_PURCHASING", false)).toBeNull();
  });

  it("refills each thin pool with eligible UMKM not in it, least-awarded first, spreading the additions", () => {
    const vendors = new Map(
      [
        vendor("a"),
        vendor("b", { status: "SUSPENDED" }),
        vendor("x", { awardedValue: 9_000_000 }),
        vendor("y", { awardedValue: 1_000_000 }),
        vendor("z", { awardedValue: 4_000_000, weight: 2 }), // 2.000.000 per weight
        vendor("k", { categories: ["KUDAPAN"], awardedValue: 0 }),
      ].map((v) => [v.id, v]),
    );
    const pools = new Map([
      ["opd1", ["a", "b"]],
      ["opd2", ["a", "b"]],
    ]);
    const thin = thinPools(["opd1", "opd2"], pools, vendors, ["MAKAN"], true);
    const { additions, unfilled } = proposeAmendment(thin, pools, vendors, true);
    // opd1 gets the least-awarded MAKAN vendor (y); opd2 the next one (z), not y again.
    expect(additions).toEqual([
      { opdId: "opd1", vendorId: "y", need: "MAKAN" },
      { opdId: "opd2", vendorId: "z", need: "MAKAN" },
    ]);
    expect(unfilled).toEqual([]);
  });

  it("reports pools nobody can refill", () => {
    const vendors = new Map([vendor("a", { categories: ["KUDAPAN"] })].map((v) => [v.id, v]));
    const pools = new Map([["opd1", ["a"]]]);
    const thin = thinPools(["opd1"], pools, vendors, ["MAKAN"], true);
    expect(proposeAmendment(thin, pools, vendors, true)).toEqual({
      additions: [],
      unfilled: [
        { opdId: "opd1", need: "MAKAN", eligible: 0, missing: [{ vendorId: "a", reason: "CATEGORY_NOT_OFFERED" }] },
      ],
    });
  });

  it("leaves no pool thin that the city's eligible UMKM could fill (property)", () => {
    const v = fc.record({
      active: fc.boolean(),
      makan: fc.boolean(),
      tayang: fc.boolean(),
      awarded: fc.integer({ min: 0, max: 1_000_000 }),
    });
    fc.assert(
      fc.property(
        fc.array(v, { minLength: 1, maxLength: 8 }),
        fc.array(fc.array(fc.nat(), { maxLength: 4 }), { minLength: 1, maxLength: 4 }),
        (vs, seeds) => {
          const vendors = new Map(
            vs.map((x, i) => [
              `v${i}`,
              vendor(`v${i}`, {
                status: x.active ? "ACTIVE" : "REMOVED",
                categories: x.makan ? ["MAKAN"] : ["KUDAPAN"],
                ekatalogStatus: x.tayang ? "TAYANG" : "PROSES",
                awardedValue: x.awarded,
              }),
            ]),
          );
          const pools = new Map(seeds.map((s, o) => [`o${o}`, [...new Set(s.map((k) => `v${k % vs.length}`))]]));
          const opds = [...pools.keys()];
          const thin = thinPools(opds, pools, vendors, NEEDS, true);
          const { additions } = proposeAmendment(thin, pools, vendors, true);
          const after = new Map([...pools].map(([o, ids]) => [o, [...ids]]));
          for (const a of additions) {
            expect(after.get(a.opdId)).not.toContain(a.vendorId);
            after.get(a.opdId)!.push(a.vendorId);
          }
          // After the amendment a need is thin only where the whole city has fewer eligible UMKM than required.
          for (const x of thinPools(opds, after, vendors, NEEDS, true)) {
            const cityWide = [...vendors.values()].filter((w) => needExclusion(w, x.need, true) === null).length;
            expect(cityWide).toBeLessThan(MIN_ELIGIBLE_PER_POOL);
          }
        },
      ),
    );
  });
});
