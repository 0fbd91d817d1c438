import { beforeAll, describe, expect, it } from "vitest";
import { testDb } from "@/tests/support/integration-setup";
import { fixedClock } from "@/lib/clock";
import { seedDemo } from "@/prisma/seed/seed-demo";
import { getOpdHome } from "@/lib/data/home/get-opd-home";
import { getVendorHome } from "@/lib/data/home/get-vendor-home";
import { getAdminHome } from "@/lib/data/home/get-admin-home";
import { getMayorHome } from "@/lib/data/home/get-mayor-home";
import { checkHealth } from "@/lib/data/system/check-health";
import { createPrisma } from "@/lib/db/client";
import { giniOf } from "@/lib/domain/fairness";
import { fiscalYearOf, fiscalYearRange } from "@/lib/format";

const clock = fixedClock("2026-11-28T03:00:00Z");

beforeAll(async () => {
  await seedDemo(testDb(), clock);
});

describe("role homes read real data, scoped to the caller", () => {
  it("OPD home shows only its own orders and its budget left", async () => {
    const db = testDb();
    const opd = await db.opd.findUniqueOrThrow({ where: { code: "DISKOMINFO" } });
    const home = await getOpdHome(db, { clock, actor: { role: "OPD_STAFF", opdId: opd.id } });
    expect(home.opd.code).toBe("DISKOMINFO");
    expect(home.budgets).toHaveLength(2);
    for (const b of home.budgets) expect(b.left).toBe(b.pagu - b.committed);
    const own = await db.order.findMany({ where: { opdId: opd.id }, select: { number: true } });
    const ownNumbers = new Set(own.map((o) => o.number));
    expect(home.recentOrders.length).toBeGreaterThan(0);
    for (const o of home.recentOrders) expect(ownNumbers.has(o.number)).toBe(true);
  });

  it("vendor home shows only its own live offers and deliveries", async () => {
    const db = testDb();
    const offer = await db.offer.findFirstOrThrow({ where: { status: "PENDING" }, include: { vendor: true } });
    const home = await getVendorHome(db, { clock, actor: { role: "VENDOR", vendorId: offer.vendorId } });
    expect(home.vendor.code).toBe(offer.vendor.code);
    expect(home.pendingOffers.map((o) => o.offerId)).toContain(offer.id);
    const ownOffers = new Set((await db.offer.findMany({ where: { vendorId: offer.vendorId } })).map((o) => o.id));
    for (const o of home.pendingOffers) expect(ownOffers.has(o.offerId)).toBe(true);
    for (const o of home.upcoming) {
      const order = await db.order.findUniqueOrThrow({ where: { number: o.orderNumber } });
      expect(order.vendorId).toBe(offer.vendorId);
    }
  });

  it("vendor home reads exactly what the rows say, for every UMKM", async () => {
    const db = testDb();
    const now = clock.now();
    const { start, end } = fiscalYearRange(fiscalYearOf(now));
    const vendors = await db.vendor.findMany({ select: { id: true, code: true, name: true, status: true } });
    let withOffers = 0;
    let withUpcoming = 0;
    let sanctioned = 0;
    for (const v of vendors) {
      const home = await getVendorHome(db, { clock, actor: { role: "VENDOR", vendorId: v.id } });
      const offers = await db.offer.findMany({
        where: { vendorId: v.id, status: "PENDING", expiresAt: { gt: now } },
        orderBy: [{ expiresAt: "asc" }, { id: "asc" }],
        include: { order: { include: { opd: true } } },
      });
      const upcoming = await db.order.findMany({
        where: { vendorId: v.id, status: "ACCEPTED", deliveryAt: { gte: new Date(now.getTime() - 6 * 3600_000) } },
        orderBy: [{ deliveryAt: "asc" }, { number: "asc" }],
        take: 10,
        include: { opd: true },
      });
      const year = await db.order.aggregate({
        where: { vendorId: v.id, status: { in: ["ACCEPTED", "DELIVERED"] }, deliveryAt: { gte: start, lt: end } },
        _sum: { total: true },
        _count: true,
      });
      const sanction = await db.sanction.findFirst({
        where: { vendorId: v.id, status: "CONFIRMED", OR: [{ endsAt: null }, { endsAt: { gt: now } }] },
        orderBy: { proposedAt: "desc" },
      });
      const users = await db.user.findMany({ where: { vendorId: v.id } });
      const contact = await db.vendor.findUniqueOrThrow({
        where: { id: v.id },
        select: { whatsapp: true, email: true },
      });
      expect(home).toEqual({
        vendor: { code: v.code, name: v.name, status: v.status },
        firstSteps: {
          passwordChanged: users.some((u) => u.passwordChangedAt !== null),
          activeMenuItems: await db.vendorMenuItem.count({ where: { vendorId: v.id, active: true } }),
          whatsapp: contact.whatsapp,
          email: contact.email ?? users.find((u) => u.email)?.email ?? null,
          daysOff: await db.vendorUnavailableDay.count({ where: { vendorId: v.id } }),
        },
        pendingOffers: offers.map((f) => ({
          offerId: f.id,
          orderNumber: f.order.number,
          opdName: f.order.opd.name,
          eventName: f.order.eventName,
          deliveryAt: f.order.deliveryAt,
          place: f.order.place,
          contactName: f.order.contactName,
          contactPhone: f.order.contactPhone,
          notes: f.order.notes,
          pax: f.order.pax,
          category: f.order.category,
          value: Number(f.value),
          expiresAt: f.expiresAt,
        })),
        upcoming: upcoming.map((o) => ({
          orderNumber: o.number,
          opdName: o.opd.name,
          eventName: o.eventName,
          deliveryAt: o.deliveryAt,
          place: o.place,
          pax: o.pax,
          category: o.category,
          total: Number(o.total),
        })),
        yearValue: Number(year._sum.total ?? 0),
        yearOrders: year._count,
        activeSanction: sanction && { level: sanction.level, endsAt: sanction.endsAt, cause: sanction.cause },
      });
      withOffers += Number(offers.length > 0);
      withUpcoming += Number(upcoming.length > 0);
      sanctioned += Number(sanction !== null);
    }
    // The demo city exercises every part of the page.
    expect(withOffers).toBeGreaterThan(0);
    expect(withUpcoming).toBeGreaterThan(0);
    expect(sanctioned).toBeGreaterThan(0);
  });

  it("vendor home leaves out deliveries more than six hours past and sanctions that have ended", async () => {
    const db = testDb();
    const now = clock.now();
    // An accepted order (its status kept: the database refuses a transition the state machine does not allow).
    const order = await db.order.findFirstOrThrow({ where: { status: "ACCEPTED", vendorId: { not: null } } });
    const vendorId = order.vendorId!;
    const offers = await db.offer.count({ where: { orderId: order.id } });
    const rollback = new Error("rollback");
    await expect(
      db.$transaction(async (tx) => {
        await tx.order.update({
          where: { id: order.id },
          data: { deliveryAt: new Date(now.getTime() - 7 * 3600_000) },
        });
        await tx.sanction.create({
          data: {
            vendorId,
            level: "SP2",
            status: "CONFIRMED",
            cause: "Sanksi yang sudah selesai",
            startsAt: new Date(now.getTime() - 8 * 86_400_000),
            endsAt: new Date(now.getTime() - 3600_000),
            proposedAt: new Date(now.getTime() - 60_000),
          },
        });
        let home = await getVendorHome(tx, { clock, actor: { role: "VENDOR", vendorId: vendorId } });
        expect(home.upcoming.map((o) => o.orderNumber)).not.toContain(order.number);
        expect(home.activeSanction?.cause).not.toBe("Sanksi yang sudah selesai");
        await tx.order.update({
          where: { id: order.id },
          data: { deliveryAt: new Date(now.getTime() - 5 * 3600_000) },
        });
        home = await getVendorHome(tx, { clock, actor: { role: "VENDOR", vendorId: vendorId } });
        expect(home.upcoming.map((o) => o.orderNumber)).toContain(order.number);
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    expect(await db.offer.count({ where: { orderId: order.id } })).toBe(offers);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).deliveryAt).toEqual(order.deliveryAt);
  });

  it("admin home counts e-Katalog progress, escalations and sanction proposals", async () => {
    const db = testDb();
    const home = await getAdminHome(db, { clock, actor: { id: null, role: "ADMIN" } });
    expect(home.ekatalog.BELUM + home.ekatalog.PROSES + home.ekatalog.TAYANG).toBe(23);
    expect(home.ekatalog.TAYANG).toBe(await db.vendor.count({ where: { ekatalogStatus: "TAYANG" } }));
    expect(home.escalations.length).toBe(Math.min(10, await db.order.count({ where: { status: "ESCALATED" } })));
    expect(home.sanctionProposals.length).toBeGreaterThan(0);
    expect(home.decree?.opds).toBe(26);
    expect(home.documentsExpiringSoon).toBeGreaterThan(0);
  });

  it("mayor home's Gini matches one computed independently from the orders", async () => {
    const db = testDb();
    const home = await getMayorHome(db, { clock, actor: { id: null, role: "MAYOR" } });
    const decree = await db.decree.findFirstOrThrow({ where: { status: "IN_FORCE" } });
    const vendorIds = (await db.allocation.findMany({ where: { decreeId: decree.id }, distinct: ["vendorId"] })).map(
      (a) => a.vendorId,
    );
    const values = await Promise.all(
      vendorIds.map(async (id) => {
        const s = await db.order.aggregate({
          where: { vendorId: id, status: { in: ["ACCEPTED", "DELIVERED"] }, fiscalYear: 2026 },
          _sum: { total: true },
        });
        return Number(s._sum.total ?? 0n);
      }),
    );
    expect(home.distribution.gini).toBeCloseTo(giniOf(values), 10);
    expect(home.allocatedVendors).toBe(23);
    expect(home.paidVendors + home.unpaidVendors.length).toBe(23);
    const delivered = await db.order.aggregate({
      where: { status: "DELIVERED", fiscalYear: 2026 },
      _sum: { total: true },
    });
    expect(home.spend).toBe(Number(delivered._sum.total));
    expect(home.reading).toMatch(/merata|cukup_merata|terkonsentrasi/);
  });
});

describe("health", () => {
  it("is ok when the database answers and down when it does not", async () => {
    expect(await checkHealth(testDb())).toEqual({ status: "ok", db: "ok" });
    const dead = createPrisma("postgresql://nobody:x@127.0.0.1:1/none", 1);
    expect(await checkHealth(dead, 1500)).toEqual({ status: "degraded", db: "down" });
    await dead.$disconnect();
  });
});
