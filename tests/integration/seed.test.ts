import { describe, expect, it } from "vitest";
import { testDb } from "@/tests/support/integration-setup";
import { fixedClock } from "@/lib/clock";
import { seedDemo } from "@/prisma/seed/seed-demo";
import { verifyPassword } from "@/lib/auth/password";
import { DEMO_PASSWORD } from "@/prisma/seed/mojokerto";

const clock = fixedClock("2026-11-28T03:00:00Z");

describe("demo seed", () => {
  it("seeds Mojokerto once and is a no-op the second time", async () => {
    const db = testDb();
    const first = await seedDemo(db, clock);
    expect(first.seeded).toBe(true);
    const counts = async () => ({
      opds: await db.opd.count(),
      vendors: await db.vendor.count(),
      users: await db.user.count(),
      orders: await db.order.count(),
      offers: await db.offer.count(),
    });
    const before = await counts();
    expect(before.opds).toBe(26);
    expect(before.vendors).toBe(23);
    expect(before.users).toBe(2 + 26 + 23);
    const second = await seedDemo(db, clock);
    expect(second.seeded).toBe(false);
    expect(await counts()).toEqual(before);
  });

  it("allocates 3–5 UMKM to every OPD under a decree in force, and puts every UMKM in some pool", async () => {
    const db = testDb();
    const decree = await db.decree.findFirstOrThrow({ where: { status: "IN_FORCE" } });
    const perOpd = await db.allocation.groupBy({ by: ["opdId"], where: { decreeId: decree.id }, _count: true });
    expect(perOpd).toHaveLength(26);
    for (const g of perOpd) {
      expect(g._count).toBeGreaterThanOrEqual(3);
      expect(g._count).toBeLessThanOrEqual(5);
    }
    const vendorsInPools = await db.allocation.findMany({ where: { decreeId: decree.id }, distinct: ["vendorId"] });
    expect(vendorsInPools).toHaveLength(23);
  });

  it("has past orders in every lasting state, each consistent with its offers and budget", async () => {
    const db = testDb();
    const statuses = (await db.order.groupBy({ by: ["status"], _count: true })).map((g) => g.status).sort();
    expect(statuses).toEqual(["ACCEPTED", "CANCELLED", "DELIVERED", "ESCALATED", "FAILED", "OFFERED"]);
    // Awarded orders name their vendor, and that vendor accepted an offer for them.
    const awarded = await db.order.findMany({
      where: { status: { in: ["ACCEPTED", "DELIVERED", "FAILED"] } },
      include: { offers: true },
    });
    for (const o of awarded) {
      expect(o.vendorId).not.toBeNull();
      const won = o.offers.filter((f) => f.status === (o.status === "FAILED" ? "FAILED" : "ACCEPTED"));
      expect(won.map((f) => f.vendorId)).toEqual([o.vendorId]);
    }
    // Offered orders have exactly one pending offer that has not expired.
    const offered = await db.order.findMany({
      where: { status: "OFFERED" },
      include: { offers: { where: { status: "PENDING" } } },
    });
    for (const o of offered) {
      expect(o.offers).toHaveLength(1);
      expect(o.offers[0]!.expiresAt.getTime()).toBeGreaterThan(clock.now().getTime());
    }
    // Every order sits within its ceiling, and every budget's committed value is what its orders hold.
    const ceilings = await db.priceCeiling.findMany();
    for (const o of await db.order.findMany()) {
      const c = ceilings.find((x) => x.category === o.category && x.fiscalYear === o.fiscalYear)!;
      expect(o.unitPrice).toBeLessThanOrEqual(c.maxPerPax);
    }
    for (const b of await db.budget.findMany()) {
      const sum = await db.order.aggregate({
        where: { budgetId: b.id, status: { notIn: ["CANCELLED", "FAILED"] } },
        _sum: { total: true },
      });
      expect(b.committed).toBe(sum._sum.total ?? 0n);
      expect(b.committed).toBeLessThanOrEqual(b.pagu);
    }
  });

  it("never awards a suspended vendor an order after its suspension began", async () => {
    const db = testDb();
    const s = await db.sanction.findFirstOrThrow({ where: { status: "CONFIRMED", level: "SP2" } });
    const vendor = await db.vendor.findUniqueOrThrow({ where: { id: s.vendorId } });
    expect(vendor.status).toBe("SUSPENDED");
    const after = await db.offer.count({ where: { vendorId: vendor.id, offeredAt: { gte: s.startsAt! } } });
    expect(after).toBe(0);
  });

  it("routes with the routing rule itself: each decision's candidates in its order, the first one offered", async () => {
    const db = testDb();
    const decisions = await db.routingDecision.findMany({ select: { chosenVendorId: true, candidates: true } });
    expect(decisions.length).toBeGreaterThan(100);
    type Candidate = {
      vendorId: string;
      rank: number;
      weightedTotal: number;
      awardedOrders: number;
      pendingValue: number;
    };
    let ties = 0;
    for (const d of decisions) {
      const c = d.candidates as Candidate[];
      // Written by rankPool (lib/domain/routing.ts): its full record, ranks 1…n in order.
      expect(c.map((x) => x.rank)).toEqual(c.map((_, i) => i + 1));
      for (const x of c) expect(x).toHaveProperty("pendingValue");
      for (let i = 1; i < c.length; i++) {
        expect(c[i - 1]!.weightedTotal).toBeLessThanOrEqual(c[i]!.weightedTotal);
        if (c[i - 1]!.weightedTotal === c[i]!.weightedTotal) {
          ties++;
          expect(c[i - 1]!.awardedOrders).toBeLessThanOrEqual(c[i]!.awardedOrders);
        }
      }
      expect(d.chosenVendorId).toBe(c[0]?.vendorId ?? null);
    }
    expect(ties).toBeGreaterThan(0);
  });

  it("gives every demo account the documented password", async () => {
    const db = testDb();
    for (const username of ["admin", "walikota", "opd-diskominfo", "umkm-01", "umkm-23"]) {
      const u = await db.user.findUniqueOrThrow({ where: { username } });
      expect(u.isDemo).toBe(true);
      expect(await verifyPassword(u.passwordHash, DEMO_PASSWORD)).toBe(true);
    }
  });
});
