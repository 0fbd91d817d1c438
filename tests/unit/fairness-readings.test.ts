import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { equivalentVendors, evenTopShare, hhiOf, topShareOf } from "@/lib/domain/fairness";

describe("the concentration figures in plain words", () => {
  it("reads an HHI as the number of UMKM receiving equal shares that would give it", () => {
    expect(equivalentVendors(hhiOf([5, 5, 5, 5]))).toBeCloseTo(4);
    expect(equivalentVendors(hhiOf([100, 0, 0, 0]))).toBeCloseTo(1);
    expect(equivalentVendors(0)).toBeNull();
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 60 }), (values) => {
        const e = equivalentVendors(hhiOf(values));
        if (values.every((v) => v === 0)) {
          // Not `return expect(…)`: fast-check reads a returned false as a failure (it failed on [0]).
          expect(e).toBeNull();
          return;
        }
        // Never more UMKM than received something, never fewer than one.
        expect(e!).toBeGreaterThanOrEqual(1 - 1e-9);
        expect(e!).toBeLessThanOrEqual(values.filter((v) => v > 0).length + 1e-9);
      }),
    );
  });

  it("compares the top three's share with what they would hold if the money were even", () => {
    expect(evenTopShare(23)).toBeCloseTo(3 / 23);
    expect(evenTopShare(2)).toBe(1);
    expect(evenTopShare(0)).toBe(0);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 60 }), (values) => {
        expect(topShareOf(values, 3)).toBeGreaterThanOrEqual(evenTopShare(values.length) - 1e-9);
      }),
    );
  });
});
