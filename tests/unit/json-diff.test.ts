import { describe, expect, it } from "vitest";
import { jsonDiff } from "@/lib/domain/json-diff";

describe("audit diff", () => {
  it("lists changed, added and removed fields, skipping equal ones", () => {
    expect(
      jsonDiff(
        { status: "PENDING", level: "SP1", same: 1 },
        { status: "CONFIRMED", level: "SP1", same: 1, reason: "x" },
      ),
    ).toEqual([
      { key: "status", before: "PENDING", after: "CONFIRMED" },
      { key: "reason", before: null, after: "x" },
    ]);
    expect(jsonDiff({ day: "2026-06-20" }, null)).toEqual([{ key: "day", before: "2026-06-20", after: null }]);
  });
  it("shows nested values as JSON and wraps non-objects", () => {
    expect(jsonDiff(null, { at: { a: [1, 2] } })).toEqual([{ key: "at", before: null, after: '{"a":[1,2]}' }]);
    expect(jsonDiff(3, 4)).toEqual([{ key: "value", before: "3", after: "4" }]);
    expect(jsonDiff(undefined, undefined)).toEqual([]);
  });
});
