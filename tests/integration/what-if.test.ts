import { beforeAll, describe, expect, it } from "vitest";
import { testDb } from "@/tests/support/integration-setup";
import { fixedClock } from "@/lib/clock";
import { seedDemo } from "@/prisma/seed/seed-demo";
import { createDecreeDraft, saveAllocations } from "@/lib/data/admin/decrees";
import { whatIf } from "@/lib/data/admin/what-if";

const clock = fixedClock("2026-11-28T03:00:00Z");
const admin = { id: "00000000-0000-4000-8000-0000000000ad", role: "ADMIN" as const };

beforeAll(async () => {
  await seedDemo(testDb(), clock);
});

describe("what-if on a draft decree", () => {
  it("matches the decree in force for an identical draft, and shows the concentration a narrow draft causes", async () => {
    const db = testDb();
    const same = await createDecreeDraft(
      db,
      clock,
      admin,
      { number: "SK/WHATIF/1", title: "Simulasi sama", effectiveFrom: "2027-01-01" },
      true,
    );
    const a = await whatIf(db, clock, same.id, { months: 6 });
    expect(a.orders).toBeGreaterThan(20);
    expect(a.inForce).not.toBeNull();
    expect(a.draft.distribution).toEqual(a.inForce!.result.distribution);
    expect(a.vendors.every((v) => v.diff === 0)).toBe(true);

    // Every OPD served by one and the same UMKM: far more concentrated, most UMKM get nothing.
    const narrow = await createDecreeDraft(
      db,
      clock,
      admin,
      { number: "SK/WHATIF/2", title: "Simulasi sempit", effectiveFrom: "2027-01-01" },
      true,
    );
    const one = await db.vendor.findFirstOrThrow({ where: { code: "UMKM-01" } });
    const opds = await db.opd.findMany({ select: { id: true } });
    await saveAllocations(
      db,
      clock,
      admin,
      narrow.id,
      opds.map((o) => `${o.id}:${one.id}`),
      "1",
    );
    const b = await whatIf(db, clock, narrow.id, { months: 6 });
    expect(b.draft.distribution.gini).toBeGreaterThan(b.inForce!.result.distribution.gini);
    expect(b.draft.distribution.zero.count).toBeGreaterThan(b.inForce!.result.distribution.zero.count);
    expect(b.vendors.find((v) => v.id === one.id)!.diff).toBeGreaterThan(0);
    // Value moves, it does not appear from nowhere: what is not served is counted as such.
    const total = (k: "current" | "draft") => b.vendors.reduce((s, v) => s + v[k], 0);
    expect(total("draft")).toBeLessThanOrEqual(total("current") + 1);
    expect(b.draft.unserved).toBeGreaterThanOrEqual(0);

    // Without relying on history: a synthetic year for the draft's first fiscal year.
    const syn = await whatIf(db, clock, narrow.id, { synthetic: true });
    expect(syn.syntheticYear).toBe(2027);
    expect(syn.orders).toBe(26 * 4 * 12);
    expect(syn.draft.distribution.gini).toBeGreaterThan(syn.inForce!.result.distribution.gini);
  });
});
