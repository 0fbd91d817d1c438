// The decree's rules (lib/domain/decree.ts), once and pure: what a draft changes, thin pools and idle UMKM, and how
// publishing supersedes the decrees covering its first day.
import { describe, expect, it } from "vitest";
import { allocationDiff, cellKey, gridGaps, planSupersession, splitCell } from "@/lib/domain/decree";
import { MIN_ELIGIBLE_PER_POOL } from "@/lib/domain/pool-health";

describe("decree rules", () => {
  it("reads and writes a grid cell", () => {
    expect(cellKey("o1", "v1")).toBe("o1:v1");
    expect(splitCell("o1:v1")).toEqual({ opdId: "o1", vendorId: "v1" });
  });

  it("names what a draft adds and removes against the decree in force, nothing when they agree", () => {
    expect(allocationDiff(["a:1", "a:2", "b:1"], ["a:1", "b:2"])).toEqual({
      added: [
        { opdId: "a", vendorId: "2" },
        { opdId: "b", vendorId: "1" },
      ],
      removed: [{ opdId: "b", vendorId: "2" }],
    });
    expect(allocationDiff(["a:1"], ["a:1"])).toEqual({ added: [], removed: [] });
  });

  it("finds agencies with fewer UMKM than a pool needs and active UMKM no agency has", () => {
    expect(MIN_ELIGIBLE_PER_POOL).toBe(2);
    const g = gridGaps(
      [{ id: "a" }, { id: "b" }, { id: "c" }],
      [
        { id: "1", status: "ACTIVE" },
        { id: "2", status: "ACTIVE" },
        { id: "3", status: "ACTIVE" },
        { id: "4", status: "SUSPENDED" },
      ],
      ["a:1", "a:2", "b:1"],
    );
    expect(g.thinOpds).toEqual(["b", "c"]);
    expect(g.idleVendors).toEqual(["3"]);
    expect(g.rowCounts).toEqual({ a: 2, b: 1 });
    expect(g.columnCounts).toEqual({ "1": 2, "2": 1 });
  });

  it("ends every decree covering the new one's first day the day before, and refuses to cut one starting later", () => {
    const day = (s: string) => new Date(`${s}T00:00:00Z`);
    const old = [
      { id: "x", number: "SK 1", effectiveFrom: day("2026-01-01") },
      { id: "y", number: "SK 2", effectiveFrom: day("2026-06-01") },
    ];
    const plan = planSupersession(day("2027-01-01"), old);
    expect(plan).toEqual({ ok: true, lastDay: day("2026-12-31"), supersede: old });
    expect(planSupersession(day("2026-06-01"), old)).toEqual({ ok: false, startsLater: "SK 2" });
    expect(planSupersession(day("2026-03-01"), [])).toEqual({ ok: true, lastDay: day("2026-02-28"), supersede: [] });
  });
});
