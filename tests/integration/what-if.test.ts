import { beforeAll, describe, expect, it } from "vitest";
import { testDb } from "@/tests/support/integration-setup";
import { fixedClock } from "@/lib/clock";
import { seedDemo } from "@/prisma/seed/seed-demo";
import { createDecreeDraft } from "@/lib/data/decree/create-decree-draft";
import { saveAllocations } from "@/lib/data/decree/save-allocations";
import { whatIf } from "@/lib/data/admin/what-if";
import { whatIfWithFailures } from "@/lib/data/admin/what-if-with-failures";
import { findDecreeInForce } from "@/lib/data/decree/find-decree-in-force";

const clock = fixedClock("2026-11-28T03:00:00Z");
const admin = { id: "00000000-0000-4000-8000-0000000000ad", role: "ADMIN" as const };

beforeAll(async () => {
  await seedDemo(testDb(), clock);
});

describe("what-if on a draft decree", () => {
  it("matches the decree in force for an identical draft, and shows the concentration a narrow draft causes", async () => {
    const db = testDb();
    const same = await createDecreeDraft(db, {
      clock: clock,
      actor: admin,
      input: { number: "SK/WHATIF/1", title: "Simulasi sama", effectiveFrom: "2027-01-01" },
      copyFromInForce: true,
    });
    const a = await whatIf(db, { clock, actor: admin, decreeId: same.id, source: { months: 6 } });
    expect(a.orders).toBeGreaterThan(20);
    expect(a.inForce).not.toBeNull();
    expect(a.draft.distribution).toEqual(a.inForce!.result.distribution);
    expect(a.vendors.every((v) => v.diff === 0)).toBe(true);

    // Every OPD served by one and the same UMKM: far more concentrated, most UMKM get nothing.
    const narrow = await createDecreeDraft(db, {
      clock: clock,
      actor: admin,
      input: { number: "SK/WHATIF/2", title: "Simulasi sempit", effectiveFrom: "2027-01-01" },
      copyFromInForce: true,
    });
    const one = await db.vendor.findFirstOrThrow({ where: { code: "UMKM-01" } });
    const opds = await db.opd.findMany({ select: { id: true } });
    await saveAllocations(db, {
      actor: admin,
      decreeId: narrow.id,
      cells: opds.map((o) => `${o.id}:${one.id}`),
      version: "1",
    });
    const b = await whatIf(db, { clock, actor: admin, decreeId: narrow.id, source: { months: 6 } });
    expect(b.draft.distribution.gini).toBeGreaterThan(b.inForce!.result.distribution.gini);
    expect(b.draft.distribution.zero.count).toBeGreaterThan(b.inForce!.result.distribution.zero.count);
    expect(b.vendors.find((v) => v.id === one.id)!.diff).toBeGreaterThan(0);
    // Value moves, it does not appear from nowhere: what is not served is counted as such.
    const total = (k: "current" | "draft") => b.vendors.reduce((s, v) => s + v[k], 0);
    expect(total("draft")).toBeLessThanOrEqual(total("current") + 1);
    expect(b.draft.unserved).toBeGreaterThanOrEqual(0);
    // An UMKM of the draft that routing cannot offer anything says why beside its figures.
    const menu = await db.vendorMenuItem.findMany({ where: { vendorId: one.id, active: true }, select: { id: true } });
    await db.vendorMenuItem.updateMany({ where: { vendorId: one.id }, data: { active: false } });
    const gap = await whatIf(db, { clock, actor: admin, decreeId: narrow.id, source: { months: 6 } });
    expect(gap.vendors.find((v) => v.id === one.id)).toMatchObject({ gap: "NO_MENU", draft: 0 });
    await db.vendorMenuItem.updateMany({ where: { id: { in: menu.map((m) => m.id) } }, data: { active: true } });

    // Without relying on history: a synthetic year for the draft's first fiscal year.
    const syn = await whatIf(db, { clock, actor: admin, decreeId: narrow.id, source: { synthetic: true } });
    expect(syn.syntheticYear).toBe(2027);
    expect(syn.orders).toBe(26 * 4 * 12);
    expect(syn.draft.distribution.gini).toBeGreaterThan(syn.inForce!.result.distribution.gini);
  });
});

describe("what-if with failures", () => {
  it("replays with the declines, lapses and failures observed, under the settings in force and under others", async () => {
    const db = testDb();
    const decree = (await findDecreeInForce(db, "2026-11-28"))!;
    const r = await whatIfWithFailures(db, { clock, actor: admin, decreeId: decree.id, months: 12, alternative: null });
    expect(r.orders).toBeGreaterThan(20);
    // The observed rates are the seeded history's own.
    const since = new Date(clock.now().getTime() - 12 * 30.4375 * 86_400_000);
    const offers = await db.offer.groupBy({
      by: ["status"],
      where: { offeredAt: { gte: since, lt: clock.now() } },
      _count: true,
    });
    const n = (s: string) => offers.find((o) => o.status === s)?._count ?? 0;
    const answered = n("ACCEPTED") + n("DECLINED") + n("EXPIRED") + n("FAILED");
    expect(r.observed.offers).toBe(answered);
    expect(r.observed.declineRate).toBeCloseTo(n("DECLINED") / answered, 6);
    expect(r.observed.expiryRate).toBeCloseTo(n("EXPIRED") / answered, 6);
    // By default the comparison is the ladder by count alone.
    expect(r.alternativeSettings).toMatchObject({ sp2MinFailureShare: 0, sp3MinFailureShare: 0 });
    for (const x of [r.current, r.alternative]) {
      expect(x.orders).toBe(r.orders);
      expect(x.escalatedShare).toBeGreaterThanOrEqual(0);
      expect(x.escalatedShare).toBeLessThanOrEqual(1);
      expect(x.distribution.gini).toBeGreaterThanOrEqual(0);
    }
    // An explicit comparison is followed: without the reserve and with harsh counts, never fewer escalations.
    const harsh = await whatIfWithFailures(db, {
      clock,
      actor: admin,
      decreeId: decree.id,
      months: 12,
      alternative: {
        sp2AfterFailures: 2,
        sp3AfterFailures: 3,
        sp2MinFailureShare: 0,
        sp3MinFailureShare: 0,
        suspensionDays: 365,
        cityReserve: false,
      },
    });
    expect(harsh.alternativeSettings.cityReserve).toBe(false);
    expect(harsh.alternative.escalated).toBeGreaterThanOrEqual(harsh.current.escalated);
  });
});
