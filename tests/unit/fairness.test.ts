import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { distributionOf, giniOf, hhiOf, readGini, topShareOf, zeroOrderStats } from "@/lib/domain/fairness";

describe("giniOf", () => {
  it("is 0 for a perfectly even spread and for nothing at all", () => {
    expect(giniOf([5, 5, 5, 5])).toBe(0);
    expect(giniOf([])).toBe(0);
    expect(giniOf([0, 0, 0])).toBe(0);
  });
  it("is (n-1)/n when one vendor has everything", () => {
    expect(giniOf([0, 0, 0, 10])).toBeCloseTo(0.75, 12);
  });
  it("matches a hand computation: [1,2,3,4] → Σ|xi−xj| = 20, 2n²μ = 80 → 0.25", () => {
    expect(giniOf([4, 1, 3, 2])).toBeCloseTo(0.25, 12);
  });
  it("matches the definition on random data", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 40 }), (xs) => {
        const n = xs.length;
        const total = xs.reduce((s, v) => s + v, 0);
        let pairs = 0;
        for (const a of xs) for (const b of xs) pairs += Math.abs(a - b);
        const expected = total === 0 ? 0 : pairs / (2 * n * n * (total / n));
        expect(giniOf(xs)).toBeCloseTo(expected, 9);
      }),
    );
  });
  it("refuses negative values", () => {
    expect(() => giniOf([-1, 2])).toThrow(RangeError);
  });
});

describe("other metrics", () => {
  it("HHI is the sum of squared shares: [1,1,2] → 0.375", () => {
    expect(hhiOf([1, 1, 2])).toBeCloseTo(0.375, 12);
    expect(hhiOf([7])).toBe(1);
    expect(hhiOf([0, 0])).toBe(0);
  });
  it("top-3 share: [5,4,3,2,1] → 12/15", () => {
    expect(topShareOf([1, 5, 2, 4, 3])).toBeCloseTo(0.8, 12);
    expect(topShareOf([1, 1], 3)).toBe(1);
  });
  it("counts vendors with nothing", () => {
    expect(zeroOrderStats([0, 3, 0, 1])).toEqual({ count: 2, share: 0.5 });
    expect(zeroOrderStats([])).toEqual({ count: 0, share: 0 });
  });
  it("bundles everything in distributionOf", () => {
    const d = distributionOf([0, 10, 30]);
    expect(d.vendors).toBe(3);
    expect(d.total).toBe(40);
    expect(d.zero.count).toBe(1);
    expect(d.top3Share).toBe(1);
  });
  it("reads a Gini in plain words at documented thresholds", () => {
    expect(readGini(0)).toBe("merata");
    expect(readGini(0.2499)).toBe("merata");
    expect(readGini(0.25)).toBe("cukup_merata");
    expect(readGini(0.4499)).toBe("cukup_merata");
    expect(readGini(0.45)).toBe("terkonsentrasi");
  });
});
