// Issue 15: the spread survives failures — the city-wide reserve (cadangan kota) takes the orders an OPD's pool
// cannot, and sanctions are proportionate to a vendor's volume. Each test uses its own fiscal year, so that its
// decree (and so its reserve) holds only the UMKM it creates.
import { describe, expect, it } from "vitest";
import { testDb } from "@/tests/support/integration-setup";
import { expectInvariantsHold } from "@/tests/support/invariants";
import { createCity, orderInput, withSettings, staffActor, vendorActor } from "@/tests/factories/routing";
import { createUser } from "@/tests/factories";
import { fixedClock } from "@/lib/clock";
import { submitOrder } from "@/lib/data/orders/submit-order";
import { acceptOffer } from "@/lib/data/offers/accept-offer";
import { declineOffer } from "@/lib/data/offers/decline-offer";
import { expireDueOffers } from "@/lib/data/offers/expire-offers";
import { confirmDelivery } from "@/lib/data/fulfilment/confirm-delivery";
import { reportFailure } from "@/lib/data/fulfilment/report-failure";
import { decideSanction } from "@/lib/data/sanctions/decide-sanction";
import { publishDecree } from "@/lib/data/decree/publish-decree";
import { getPoolHealth } from "@/lib/data/admin/pool-health/get-pool-health";
import { getResilience, publicResilience } from "@/lib/data/dashboard/get-resilience";
import { getSpread } from "@/lib/data/dashboard/get-spread";
import { parsePeriod } from "@/lib/domain/period";
import { endExpiredSuspensions } from "@/lib/data/sanctions/end-expired-suspensions";
import type { RouteOutcome } from "@/lib/data/routing/route-order";
import { decreeWeights } from "@/lib/domain/routing";

const offered = (r: RouteOutcome | null | undefined) => {
  if (r?.kind !== "OFFERED") throw new Error(`expected an offer, got ${JSON.stringify(r)}`);
  return r;
};

describe("the city-wide reserve", () => {
  it("offers to the least-awarded UMKM of the rest of the decree when the pool is exhausted, and says why", async () => {
    const db = testDb();
    const year = 2031;
    // OPD 0's pool: vendors 0 and 1; each other vendor alone in its own OPD's pool; vendor 3 has weight 2.
    const city = await createCity(db, {
      opds: 4,
      vendors: 5,
      pools: [[0, 1], [2], [3], [4]],
      fiscalYear: year,
      weights: { 3: 2 },
    });
    const clock = fixedClock(`${year}-03-02T01:00:00Z`);
    const at = (d: string) => ({ deliveryAt: new Date(`${year}-03-${d}T04:00:00Z`) });
    const give = async (opd: number, pax: number) => {
      const o = offered(
        (await submitOrder(db, { clock, actor: staffActor(city, opd), input: orderInput({ ...at("20"), pax }) })).route,
      );
      await acceptOffer(db, { clock, actor: vendorActor(city, o.vendorId), offerId: o.offerId });
    };
    await give(1, 15); // vendor 2: 15 × 40.000 = 600.000
    await give(2, 18); // vendor 3: 720.000 / weight 2 = 360.000
    await give(3, 10); // vendor 4: 400.000
    // OPD 0's order: both of its vendors decline.
    const r = await submitOrder(db, { clock, actor: staffActor(city, 0), input: orderInput(at("10")) });
    let route: RouteOutcome = offered(r.route);
    for (let k = 0; k < 2; k++) {
      const o = offered(route);
      expect([city.vendors[0]!.id, city.vendors[1]!.id]).toContain(o.vendorId);
      route = (
        await declineOffer(db, {
          clock,
          actor: vendorActor(city, o.vendorId),
          offerId: o.offerId,
          reason: "Dapur penuh",
        })
      ).route;
    }
    const fromReserve = offered(route);
    expect(fromReserve.scope).toBe("RESERVE");
    expect(fromReserve.vendorId).toBe(city.vendors[3]!.id);
    const decision = await db.routingDecision.findFirstOrThrow({ where: { orderId: r.orderId, round: 3 } });
    expect(decision.scope).toBe("RESERVE");
    expect((decision.exclusions as { reason: string }[]).map((x) => x.reason)).toEqual([
      "DECLINED_THIS_ORDER",
      "DECLINED_THIS_ORDER",
    ]);
    // The reserve's ranking, by value over weight: vendor 3 (360.000), vendor 4 (400.000), vendor 2 (600.000).
    expect((decision.candidates as { vendorId: string }[]).map((c) => c.vendorId)).toEqual([
      city.vendors[3]!.id,
      city.vendors[4]!.id,
      city.vendors[2]!.id,
    ]);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { entityId: r.orderId, action: "order.offered" },
      orderBy: { at: "desc" },
    });
    expect(audit.after).toMatchObject({ scope: "RESERVE", round: 3 });
    const notes = await db.notification.findMany({
      where: { user: { vendorId: city.vendors[3]!.id }, kind: "offer.new", title: { contains: "cadangan kota" } },
    });
    expect(notes.map((n) => n.title)).toEqual([expect.stringContaining(`(cadangan kota)`)]);
    await acceptOffer(db, { clock, actor: vendorActor(city, fromReserve.vendorId), offerId: fromReserve.offerId });
    expect((await db.order.findUniqueOrThrow({ where: { id: r.orderId } })).vendorId).toBe(city.vendors[3]!.id);
    await expectInvariantsHold(db, clock.now());
  });

  it("escalates only when nobody in the city is eligible, with the cause; the setting turns the reserve off", async () => {
    const db = testDb();
    const year = 2032;
    const city = await createCity(db, { opds: 2, vendors: 2, pools: [[0], [1]], fiscalYear: year });
    await createUser(db, { role: "ADMIN" });
    const clock = fixedClock(`${year}-03-02T01:00:00Z`);
    const input = () => orderInput({ deliveryAt: new Date(`${year}-03-10T04:00:00Z`) });
    // Vendor 0 declines, the reserve (vendor 1) lets it expire: nobody left in the city.
    const r = await submitOrder(db, { clock, actor: staffActor(city, 0), input: input() });
    const first = offered(r.route);
    const second = offered(
      (
        await declineOffer(db, {
          clock,
          actor: vendorActor(city, first.vendorId),
          offerId: first.offerId,
          reason: "Tutup",
        })
      ).route,
    );
    expect(second).toMatchObject({ scope: "RESERVE", vendorId: city.vendors[1]!.id });
    clock.advance(121 * 60_000);
    const expired = (await expireDueOffers(db, clock)).find((x) => x.orderId === r.orderId);
    expect(expired?.route).toMatchObject({ kind: "ESCALATED", reason: "NO_ELIGIBLE_IN_CITY" });
    const last = await db.routingDecision.findFirstOrThrow({ where: { orderId: r.orderId, round: 3 } });
    expect(last.scope).toBe("RESERVE");
    expect((last.reserveExclusions as { reason: string }[]).map((x) => x.reason)).toEqual(["EXPIRED_THIS_ORDER"]);
    const adminNotes = await db.notification.findMany({ where: { kind: "order.escalated" } });
    expect(adminNotes.map((n) => n.body)).toContainEqual(expect.stringContaining("maupun cadangan kota"));
    for (const n of adminNotes) expect(n.body).not.toMatch(/[A-Z]{3,}_[A-Z]/);

    // With the reserve off, an exhausted pool escalates as before.
    await withSettings(db, { cityReserve: false }, async () => {
      const s = await submitOrder(db, { clock, actor: staffActor(city, 0), input: input() });
      const o = offered(s.route);
      const d = await declineOffer(db, {
        clock,
        actor: vendorActor(city, o.vendorId),
        offerId: o.offerId,
        reason: "Tutup",
      });
      expect(d.route).toMatchObject({ kind: "ESCALATED", reason: "NO_ELIGIBLE_VENDOR" });
    });
    await expectInvariantsHold(db, clock.now());
    // The dashboards' figures: both orders needed an admin, one of them after the reserve was tried.
    const period = parsePeriod(`year:${year}`)!;
    const res = await getResilience(db, {
      clock,
      period,
      opdId: null,
      spreadOf: getSpread(db, { clock, period, opdId: null }),
    });
    expect(res.total).toEqual({ orders: 2, escalated: 2, reserve: 1 });
    expect(res.months.find((m) => m.month === `${year}-03`)).toMatchObject({ orders: 2, escalated: 2, reserve: 1 });
    expect(res.byOpd).toEqual([
      expect.objectContaining({ opdId: city.opds[0]!.id, orders: 2, escalated: 2, reserve: 1 }),
    ]);
    const forOpd1 = await getResilience(db, { clock, period, opdId: city.opds[1]!.id, spreadOf: { vendors: [] } });
    expect(forOpd1.total).toEqual({ orders: 0, escalated: 0, reserve: 0 });
  });

  it("serves, from the reserve, an order whose pool vendor was suspended, and routes new orders there too", async () => {
    const db = testDb();
    const year = 2033;
    const city = await createCity(db, { opds: 2, vendors: 3, pools: [[0], [1, 2]], fiscalYear: year });
    const admin = await createUser(db, { role: "ADMIN" });
    const clock = fixedClock(`${year}-03-02T01:00:00Z`);
    const r = await submitOrder(db, {
      clock,
      actor: staffActor(city, 0),
      input: orderInput({ deliveryAt: new Date(`${year}-03-10T04:00:00Z`) }),
    });
    const o = offered(r.route);
    expect(o).toMatchObject({ vendorId: city.vendors[0]!.id, scope: "POOL" });
    // Vendor 0 is suspended by hand (an admin confirms an SP2 proposal): its pending offer is withdrawn and re-routed.
    const sanction = await db.sanction.create({
      data: {
        vendorId: city.vendors[0]!.id,
        level: "SP2",
        status: "PROPOSED",
        cause: "Uji",
        proposedAt: clock.now(),
        proposedById: admin.id,
      },
    });
    await decideSanction(db, {
      clock,
      actor: { id: admin.id, role: "ADMIN" },
      sanctionId: sanction.id,
      input: {
        decision: "CONFIRM",
        reason: "Berulang kali gagal",
      },
    });
    const live = await db.offer.findFirstOrThrow({ where: { orderId: r.orderId, status: "PENDING" } });
    expect([city.vendors[1]!.id, city.vendors[2]!.id]).toContain(live.vendorId);
    const next = await submitOrder(db, {
      clock,
      actor: staffActor(city, 0),
      input: orderInput({ deliveryAt: new Date(`${year}-03-11T04:00:00Z`) }),
    });
    const fromReserve = offered(next.route);
    expect(fromReserve.scope).toBe("RESERVE");
    await acceptOffer(db, { clock, actor: vendorActor(city, fromReserve.vendorId), offerId: fromReserve.offerId });
    await acceptOffer(db, { clock, actor: vendorActor(city, live.vendorId), offerId: live.id });
    await expectInvariantsHold(db, clock.now());
    // The dashboards: one UMKM suspended, its effect measured; the public view counts it without naming it.
    const period = parsePeriod(`year:${year}`)!;
    const spread = await getSpread(db, { clock, period, opdId: null });
    const res = await getResilience(db, { clock, period, opdId: null, spreadOf: spread });
    expect(res.sanctionCounts).toMatchObject({ SP2: 1 });
    expect(res.sanctioned.map((x) => x.vendorId)).toContain(city.vendors[0]!.id);
    expect(res.total).toMatchObject({ orders: 2, reserve: 2 });
    expect(publicResilience(res).sanctioned).toEqual([]);
    expect(publicResilience(res).sanctionCounts).toEqual(res.sanctionCounts);
  });
});

describe("the SQL mirror of the weight rule", () => {
  it("mm_decree_weights gives each UMKM of a decree its largest allocation weight, as decreeWeights does", async () => {
    const db = testDb();
    const city = await createCity(db, {
      opds: 3,
      vendors: 4,
      pools: [
        [0, 1],
        [1, 2],
        [2, 3],
      ],
      fiscalYear: 2030,
    });
    // Different weights for one vendor in different pools.
    await db.allocation.updateMany({
      where: { decreeId: city.decreeId, vendorId: city.vendors[1]!.id, opdId: city.opds[0]!.id },
      data: { weight: 3 },
    });
    await db.allocation.updateMany({
      where: { decreeId: city.decreeId, vendorId: city.vendors[2]!.id },
      data: { weight: 2 },
    });
    const allocations = await db.allocation.findMany({
      where: { decreeId: city.decreeId },
      select: { vendorId: true, weight: true },
    });
    const sql = await db.$queryRaw<{ vendorId: string; weight: number }[]>`
      SELECT * FROM "mm_decree_weights"(${city.decreeId}::uuid)`;
    expect(new Map(sql.map((r) => [r.vendorId, r.weight]))).toEqual(decreeWeights(allocations));
    expect(decreeWeights(allocations).get(city.vendors[1]!.id)).toBe(3);
  });
});

describe("proportionate sanctions", () => {
  it(
    "suspends and then proposes removing a habitual failer, while reliable vendors with a rare failure are only warned",
    { timeout: 120_000 },
    async () => {
      const db = testDb();
      const year = 2034;
      const city = await createCity(db, { opds: 1, vendors: 4, pools: [[0, 1, 2, 3]], fiscalYear: year });
      const admin = { id: (await createUser(db, { role: "ADMIN" })).id, role: "ADMIN" as const };
      const clock = fixedClock(`${year}-01-05T01:00:00Z`);
      const failer = city.vendors[0]!.id;
      // Two reliable vendors fail now and then, once they have many orders behind them: one fails twice after 30
      // accepted orders, one once after 20. The failer fails every order it accepts.
      const [twice, once] = [city.vendors[1]!.id, city.vendors[2]!.id];
      const accepted = new Map<string, number>();
      const failed = new Map<string, number>();
      const levels = new Map<string, string[]>();
      for (let day = 6; day < 200; day++) {
        const deliveryAt = new Date(Date.UTC(year, 0, day, 4));
        clock.set(new Date(deliveryAt.getTime() - 26 * 3_600_000));
        await endExpiredSuspensions(db, clock);
        const r = await submitOrder(db, { clock, actor: staffActor(city), input: orderInput({ deliveryAt, pax: 20 }) });
        const o = offered(r.route);
        await acceptOffer(db, { clock, actor: vendorActor(city, o.vendorId), offerId: o.offerId });
        const n = (accepted.get(o.vendorId) ?? 0) + 1;
        accepted.set(o.vendorId, n);
        const f0 = failed.get(o.vendorId) ?? 0;
        clock.set(new Date(deliveryAt.getTime() + 30 * 60_000));
        const fails =
          o.vendorId === failer ||
          (o.vendorId === twice && n >= 30 && f0 < 2 && n % 5 === 0) ||
          (o.vendorId === once && n >= 20 && f0 < 1);
        if (!fails) {
          await confirmDelivery(db, {
            clock,
            actor: staffActor(city),
            orderId: r.orderId,
            input: {
              deliveredAt: deliveryAt,
              quantityReceived: 20,
            },
          });
          continue;
        }
        failed.set(o.vendorId, f0 + 1);
        const f = await reportFailure(db, {
          clock,
          actor: staffActor(city),
          orderId: r.orderId,
          input: {
            type: "NOT_DELIVERED",
            evidence: "Pesanan tidak datang sama sekali",
          },
        });
        if (f.outcome !== "FAILED") throw new Error("expected a failure");
        levels.set(o.vendorId, [...(levels.get(o.vendorId) ?? []), f.sanctionLevel]);
        await decideSanction(db, {
          clock,
          actor: admin,
          sanctionId: f.sanctionId,
          input: { decision: "CONFIRM", reason: "Dikonfirmasi admin" },
        });
      }
      // The failer: warned, suspended (it leaves the pool for the suspension), back, then proposed for removal.
      expect(levels.get(failer)).toEqual(["SP1", "SP2", "SP3"]);
      expect((await db.vendor.findUniqueOrThrow({ where: { id: failer } })).status).toBe("REMOVED");
      // The reliable ones failed once or twice among dozens of deliveries: warnings, still active.
      expect(levels.get(twice)).toEqual(["SP1", "SP1"]);
      expect(levels.get(once)).toEqual(["SP1"]);
      for (const id of [twice, once, city.vendors[3]!.id])
        expect((await db.vendor.findUniqueOrThrow({ where: { id } })).status).toBe("ACTIVE");
      const failedAudit = await db.auditLog.findFirstOrThrow({
        where: { action: "order.failed", after: { path: ["sanction"], equals: "SP3" } },
      });
      expect(failedAudit.after).toMatchObject({ suspendedBefore: true, failuresInWindow: 3 });
      await expectInvariantsHold(db, clock.now());
    },
  );
});

describe("pool health and the decree amendment", () => {
  // Last in the file: publishing the amendment supersedes the other tests' decrees.
  it("prepares an amendment refilling the pool a suspension thinned, tells the admins, and publishes in one step", async () => {
    const db = testDb();
    const year = 2035;
    const city = await createCity(db, {
      opds: 2,
      vendors: 4,
      pools: [
        [0, 1],
        [2, 3],
      ],
      fiscalYear: year,
    });
    const admin = { id: (await createUser(db, { role: "ADMIN" })).id, role: "ADMIN" as const };
    const clock = fixedClock(`${year}-03-02T01:00:00Z`);
    const makan = (h: Awaited<ReturnType<typeof getPoolHealth>>, opd: number) =>
      h.thin.find((x) => x.opdId === city.opds[opd]!.id && x.need === "MAKAN");
    expect(makan(await getPoolHealth(db, { clock, actor: admin }), 0)).toBeUndefined();

    const suspend = async (vendor: number) => {
      const sanction = await db.sanction.create({
        data: {
          vendorId: city.vendors[vendor]!.id,
          level: "SP2",
          status: "PROPOSED",
          cause: "Uji",
          proposedAt: clock.now(),
          proposedById: admin.id,
        },
      });
      return decideSanction(db, {
        clock,
        actor: admin,
        sanctionId: sanction.id,
        input: { decision: "CONFIRM", reason: "Gagal berulang" },
      });
    };
    const first = await suspend(0);
    // OPD 0 now has one eligible UMKM for meals, with the reason for the other.
    const health = await getPoolHealth(db, { clock, actor: admin });
    expect(makan(health, 0)).toMatchObject({
      eligible: 1,
      missing: [{ vendorId: city.vendors[0]!.id, reason: "NOT_ACTIVE" }],
    });
    expect(first.amendmentDraftId).toBeTruthy();
    const draft = await db.decree.findUniqueOrThrow({
      where: { id: first.amendmentDraftId! },
      include: { allocations: true },
    });
    expect(draft).toMatchObject({ status: "DRAFT", autoProposed: true, amendsId: city.decreeId });
    expect(health.draft?.id).toBe(draft.id);
    // The draft keeps every allocation in force and adds an eligible UMKM to OPD 0's pool.
    const inForce = await db.allocation.count({ where: { decreeId: city.decreeId } });
    expect(draft.allocations.length).toBeGreaterThan(inForce);
    const opd0 = draft.allocations.filter((a) => a.opdId === city.opds[0]!.id).map((a) => a.vendorId);
    expect(opd0).toEqual(expect.arrayContaining([city.vendors[0]!.id, city.vendors[1]!.id]));
    expect(opd0.length).toBeGreaterThanOrEqual(3);
    const notes = await db.notification.findMany({
      where: { kind: "decree.amendment", link: `/admin/decrees/${draft.id}` },
    });
    expect(notes.length).toBeGreaterThan(0);
    expect(notes[0]!.title).toContain("Usulan perubahan SK");
    expect(await db.auditLog.count({ where: { action: "decree.amendment_proposed", entityId: draft.id } })).toBe(1);

    // A second suspension refreshes the same draft instead of opening another one.
    const second = await suspend(2);
    expect(second.amendmentDraftId).toBe(draft.id);
    expect(await db.decree.count({ where: { amendsId: city.decreeId, autoProposed: true, status: "DRAFT" } })).toBe(1);
    const refreshed = await db.decree.findUniqueOrThrow({ where: { id: draft.id } });
    expect(refreshed.version).toBe(draft.version + 1);

    // An admin publishes it as it is: in force from tomorrow, and tomorrow no pool of these OPDs is thin for meals.
    await publishDecree(db, { clock, actor: admin, decreeId: draft.id, version: refreshed.version });
    clock.set(`${year}-03-03T01:00:00Z`);
    const after = await getPoolHealth(db, { clock, actor: admin });
    expect(after.decree?.id).toBe(draft.id);
    expect(makan(after, 0)).toBeUndefined();
    expect(makan(after, 1)).toBeUndefined();
  });
});
