import { describe, expect, it } from "vitest";
import { lorenzPoints, monthOf, monthsOf, parsePeriod } from "@/lib/domain/period";

describe("reporting periods", () => {
  it("parses months, quarters, years and custom ranges into inclusive WIB days", () => {
    expect(parsePeriod("month:2028-02")).toMatchObject({ from: "2028-02-01", to: "2028-02-29" });
    expect(parsePeriod("month:2026-02")).toMatchObject({ from: "2026-02-01", to: "2026-02-28" });
    expect(parsePeriod("quarter:2026-Q4")).toMatchObject({ from: "2026-10-01", to: "2026-12-31" });
    expect(parsePeriod("year:2026")).toMatchObject({ kind: "year", from: "2026-01-01", to: "2026-12-31" });
    expect(parsePeriod("custom:2026-01-05..2026-02-10")).toMatchObject({ from: "2026-01-05", to: "2026-02-10" });
    for (const bad of [
      "month:2026-13",
      "quarter:2026-Q5",
      "custom:2026-02-10..2026-01-05",
      "custom:2026-02-30..2026-03-01",
      "x",
    ]) {
      expect(parsePeriod(bad)).toBeNull();
    }
    expect(monthOf("2026-11-28").key).toBe("month:2026-11");
    expect(monthsOf(2026).map((p) => p.from)[11]).toBe("2026-12-01");
  });

  it("draws the Lorenz curve from (0,0) to (1,1), on the diagonal when even", () => {
    expect(lorenzPoints([5, 5])).toEqual([
      { vendors: 0, value: 0 },
      { vendors: 0.5, value: 0.5 },
      { vendors: 1, value: 1 },
    ]);
    expect(lorenzPoints([0, 0, 10]).map((p) => p.value)).toEqual([0, 0, 0, 1]);
  });
});
