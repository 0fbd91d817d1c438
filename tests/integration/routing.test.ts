import { describe, expect, it } from "vitest";
import { testDb } from "@/tests/support/integration-setup";
import { createCity, orderInput, withSettings, staffActor, vendorActor } from "@/tests/factories/routing";
import { fixedClock } from "@/lib/clock";
import { submitOrder } from "@/lib/data/orders/submit-order";
import { getOrderFormContext } from "@/lib/data/orders/get-order-form-context";
import { acceptOffer } from "@/lib/data/offers/accept-offer";
import { declineOffer } from "@/lib/data/offers/decline-offer";
import { expireDueOffers } from "@/lib/data/offers/expire-offers";
import { cancelOrder } from "@/lib/data/orders/cancel-order";
import { assignEscalatedOrder } from "@/lib/data/orders/assign-escalated-order";
import { confirmDelivery } from "@/lib/data/fulfilment/confirm-delivery";
import { reportFailure } from "@/lib/data/fulfilment/report-failure";
import { decideSanction } from "@/lib/data/sanctions/decide-sanction";
import { reinstateVendor } from "@/lib/data/sanctions/reinstate-vendor";
import { endExpiredSuspensions } from "@/lib/data/sanctions/end-expired-suspensions";
import { createUser } from "@/tests/factories";
import { AppError } from "@/lib/errors";

const T0 = "2026-06-01T02:00:00Z";

async function expectCode(p: Promise<unknown>, code: string) {
  await expect(p).rejects.toSatisfy((e) => e instanceof AppError && e.code === code);
}

describe("submitOrder and routing", () => {
  it("offers to the least-awarded vendor of the pool, records why, reserves the budget and audits", async () => {
    const db = testDb();
    const city = await createCity(db, { opds: 1, vendors: 3, pools: [[0, 1, 2]] });
    const clock = fixedClock(T0);
    const r = await submitOrder(db, { clock, actor: staffActor(city), input: orderInput() });
    expect(r.route?.kind).toBe("OFFERED");
    const decision = await db.routingDecision.findFirstOrThrow({ where: { orderId: r.orderId } });
    expect((decision.candidates as unknown[]).length).toBe(3);
    const budget = await db.budget.findUniqueOrThrow({ where: { id: city.opds[0]!.budgetId } });
    expect(budget.committed).toBe(2_000_000n);
    // The next two orders go to the two vendors that have nothing yet, in turn.
    const first = r.route!.kind === "OFFERED" ? r.route!.vendorId : "";
    const r2 = await submitOrder(db, { clock, actor: staffActor(city), input: orderInput() });
    const r3 = await submitOrder(db, { clock, actor: staffActor(city), input: orderInput() });
    const chosen = [
      first,
      r2.route?.kind === "OFFERED" ? r2.route.vendorId : "",
      r3.route?.kind === "OFFERED" ? r3.route.vendorId : "",
    ];
    expect(new Set(chosen).size).toBe(3);
    expect(await db.auditLog.count({ where: { action: "order.submitted" } })).toBe(3);
    expect(await db.auditLog.count({ where: { action: "order.offered" } })).toBe(3);
  });

  it("takes prices, portions and phone numbers as people type them, and stores one form", async () => {
    const db = testDb();
    const city = await createCity(db, { opds: 1, vendors: 1, pools: [[0]] });
    const r = await submitOrder(db, {
      clock: fixedClock(T0),
      actor: staffActor(city),
      input: orderInput({ unitPrice: "Rp 40.000", pax: "1.000", contactPhone: "0813 3111 2222" }),
    });
    const o = await db.order.findUniqueOrThrow({ where: { id: r.orderId } });
    expect(o).toMatchObject({ unitPrice: 40_000n, pax: 1000, total: 40_000_000n, contactPhone: "081331112222" });
  });

  it("repeats an earlier order of the OPD ('Pesan lagi') and offers its places and contacts, never another OPD's", async () => {
    const db = testDb();
    const city = await createCity(db, { opds: 2, vendors: 1, pools: [[0], [0]] });
    const clock = fixedClock(T0);
    const r = await submitOrder(db, {
      clock,
      actor: staffActor(city),
      input: orderInput({
        place: "Aula Kelurahan Wates",
        contactName: "Pak Budi",
        contactPhone: "0813 3111 2222",
        notes: "Halal",
      }),
    });
    const ctx = await getOrderFormContext(db, {
      clock,
      actor: { role: "OPD_STAFF", opdId: city.opds[0]!.id },
      userName: "Bu Sari",
      repeatOrderId: r.orderId,
    });
    expect(ctx.repeatOf).toMatch(/^MM-/);
    expect(ctx.initial).toMatchObject({
      eventName: "Rapat koordinasi",
      deliveryTime: "10:00",
      place: "Aula Kelurahan Wates",
      contactName: "Pak Budi",
      contactPhone: "081331112222",
      pax: 50,
      unitPrice: 40_000,
      category: "MAKAN",
      notes: "Halal",
    });
    expect(ctx.places).toContain("Aula Kelurahan Wates");
    expect(ctx.contacts).toContainEqual({ name: "Pak Budi", phone: "081331112222" });
    // Another OPD cannot start from it; a fresh form has the signed-in user as the contact.
    const other = await getOrderFormContext(db, {
      clock,
      actor: { role: "OPD_STAFF", opdId: city.opds[1]!.id },
      userName: "Bu Sari",
      repeatOrderId: r.orderId,
    });
    expect(other.repeatOf).toBeNull();
    expect(other.initial).toMatchObject({ eventName: "", contactName: "Bu Sari", place: "" });
    expect(other.places).toEqual([]);
  });

  it("is idempotent on the key: same payload returns the first order, a different payload is refused", async () => {
    const db = testDb();
    const city = await createCity(db, { opds: 1, vendors: 2, pools: [[0, 1]] });
    const clock = fixedClock(T0);
    const input = orderInput();
    const [a, b] = await Promise.all([
      submitOrder(db, { clock, actor: staffActor(city), input }),
      submitOrder(db, { clock, actor: staffActor(city), input }),
    ]);
    expect(a.orderId).toBe(b.orderId);
    expect([a.duplicate, b.duplicate].sort()).toEqual([false, true]);
    expect(await db.order.count({ where: { opdId: city.opds[0]!.id } })).toBe(1);
    await expectCode(
      submitOrder(db, { clock, actor: staffActor(city), input: { ...input, pax: 51 } }),
      "IDEMPOTENCY_MISMATCH",
    );
    expect((await db.budget.findUniqueOrThrow({ where: { id: city.opds[0]!.budgetId } })).committed).toBe(2_000_000n);
  });

  it("refuses orders over the price ceiling or the remaining budget, changing nothing", async () => {
    const db = testDb();
    const city = await createCity(db, { opds: 1, vendors: 1, pools: [[0]], budget: 3_000_000 });
    const clock = fixedClock(T0);
    await expectCode(
      submitOrder(db, { clock, actor: staffActor(city), input: orderInput({ unitPrice: 49_001 }) }),
      "PRICE_CEILING_EXCEEDED",
    );
    await submitOrder(db, { clock, actor: staffActor(city), input: orderInput({ pax: 50, unitPrice: 40_000 }) });
    await expectCode(
      submitOrder(db, { clock, actor: staffActor(city), input: orderInput({ pax: 26, unitPrice: 40_000 }) }),
      "BUDGET_EXCEEDED",
    );
    expect(await db.order.count({ where: { opdId: city.opds[0]!.id } })).toBe(1);
    expect((await db.budget.findUniqueOrThrow({ where: { id: city.opds[0]!.budgetId } })).committed).toBe(2_000_000n);
    await expectCode(submitOrder(db, { clock, actor: staffActor(city), input: orderInput({ pax: 0 }) }), "VALIDATION");
  });

  it("cascades on decline and expiry, excluding who said no, and escalates when nobody is left", async () => {
    // The pool alone (the city-wide reserve is tested in city-reserve.test.ts).
    await withSettings(testDb(), { cityReserve: false }, cascadeThenEscalate);
  });
  async function cascadeThenEscalate() {
    const db = testDb();
    const city = await createCity(db, { opds: 1, vendors: 2, pools: [[0, 1]] });
    const clock = fixedClock(T0);
    const r = await submitOrder(db, { clock, actor: staffActor(city), input: orderInput() });
    const first = r.route!.kind === "OFFERED" ? r.route! : null;
    const d = await declineOffer(db, {
      clock,
      actor: vendorActor(city, first!.vendorId),
      offerId: first!.offerId,
      reason: "Dapur penuh hari itu",
    });
    expect(d.route.kind).toBe("OFFERED");
    const second = d.route.kind === "OFFERED" ? d.route : null;
    expect(second!.vendorId).not.toBe(first!.vendorId);
    // The second vendor lets it expire: the sweep finds nobody left and escalates.
    clock.advance(121 * 60_000);
    const expired = (await expireDueOffers(db, clock)).filter((x) => x.orderId === r.orderId);
    expect(expired).toHaveLength(1);
    expect(expired[0]!.route).toMatchObject({ kind: "ESCALATED", reason: "NO_ELIGIBLE_VENDOR" });
    const decisions = await db.routingDecision.findMany({ where: { orderId: r.orderId }, orderBy: { round: "asc" } });
    expect(decisions.map((x) => x.outcome)).toEqual(["OFFERED", "OFFERED", "ESCALATED:NO_ELIGIBLE_VENDOR"]);
    const reasons = (decisions[2]!.exclusions as { reason: string }[]).map((e) => e.reason).sort();
    expect(reasons).toEqual(["DECLINED_THIS_ORDER", "EXPIRED_THIS_ORDER"]);
    // An admin assigns it by hand with a reason; the vendor accepts.
    const admin = await createUser(db, { role: "ADMIN" });
    const a = await assignEscalatedOrder(db, {
      clock,
      actor: { id: admin.id, role: "ADMIN" },
      orderId: r.orderId,
      vendorId: first!.vendorId,
      reason: "Sudah dikonfirmasi lewat telepon",
    });
    await acceptOffer(db, { clock, actor: vendorActor(city, first!.vendorId), offerId: a.offerId });
    expect((await db.order.findUniqueOrThrow({ where: { id: r.orderId } })).status).toBe("ACCEPTED");
  }

  it("accepts once (a double tap is harmless), refuses answers after the deadline or by another vendor", async () => {
    const db = testDb();
    const city = await createCity(db, { opds: 1, vendors: 2, pools: [[0, 1]] });
    const clock = fixedClock(T0);
    const r = await submitOrder(db, { clock, actor: staffActor(city), input: orderInput() });
    const o = r.route!.kind === "OFFERED" ? r.route! : null;
    const other = city.vendors.find((v) => v.id !== o!.vendorId)!;
    await expectCode(acceptOffer(db, { clock, actor: vendorActor(city, other.id), offerId: o!.offerId }), "NOT_FOUND");
    const [x, y] = await Promise.all([
      acceptOffer(db, { clock, actor: vendorActor(city, o!.vendorId), offerId: o!.offerId }),
      acceptOffer(db, { clock, actor: vendorActor(city, o!.vendorId), offerId: o!.offerId }),
    ]);
    expect([x.alreadyAccepted, y.alreadyAccepted].sort()).toEqual([false, true]);
    await expectCode(
      declineOffer(db, {
        clock,
        actor: vendorActor(city, o!.vendorId),
        offerId: o!.offerId,
        reason: "berubah pikiran",
      }),
      "INVALID_STATE",
    );
    const r2 = await submitOrder(db, { clock, actor: staffActor(city), input: orderInput() });
    const o2 = r2.route!.kind === "OFFERED" ? r2.route! : null;
    clock.advance(3 * 3600_000);
    await expectCode(
      acceptOffer(db, { clock, actor: vendorActor(city, o2!.vendorId), offerId: o2!.offerId }),
      "OFFER_EXPIRED",
    );
  });

  it("never books a vendor over its daily capacity", async () => {
    const db = testDb();
    const city = await createCity(db, { opds: 1, vendors: 1, pools: [[0]], capacity: 120 });
    const clock = fixedClock(T0);
    const a = await submitOrder(db, { clock, actor: staffActor(city), input: orderInput({ pax: 100 }) });
    expect(a.route?.kind).toBe("OFFERED");
    const b = await submitOrder(db, { clock, actor: staffActor(city), input: orderInput({ pax: 30 }) });
    // The pool's only vendor is full that day: the order goes to the city-wide reserve (the other tests' UMKM of
    // the same decree) or, with nobody there, to an admin — never over the vendor's capacity.
    if (b.route?.kind === "OFFERED") expect(b.route).toMatchObject({ scope: "RESERVE" });
    else expect(b.route).toMatchObject({ kind: "ESCALATED", reason: "NO_ELIGIBLE_IN_CITY" });
    expect(b.route?.kind === "OFFERED" && b.route.vendorId).not.toBe(city.vendors[0]!.id);
    const c = await submitOrder(db, { clock, actor: staffActor(city), input: orderInput({ pax: 20 }) });
    expect(c.route?.kind).toBe("OFFERED");
  });

  it("sends e-purchasing orders only to TAYANG vendors", async () => {
    const db = testDb();
    const city = await createCity(db, { opds: 1, vendors: 2, pools: [[0, 1]] });
    await db.vendor.update({
      where: { id: city.vendors[1]!.id },
      data: { ekatalogStatus: "TAYANG", ekProductLive: true, ekatalogUrl: "https://katalog.example/x" },
    });
    const clock = fixedClock(T0);
    for (let i = 0; i < 3; i++) {
      const r = await submitOrder(db, {
        clock,
        actor: staffActor(city),
        input: orderInput({ method: "E_PURCHASING" }),
      });
      expect(r.route).toMatchObject({ kind: "OFFERED", vendorId: city.vendors[1]!.id });
    }
  });

  it("cancelling withdraws the offer and releases the budget", async () => {
    const db = testDb();
    const city = await createCity(db, { opds: 1, vendors: 1, pools: [[0]] });
    const clock = fixedClock(T0);
    const r = await submitOrder(db, { clock, actor: staffActor(city), input: orderInput() });
    await expectCode(
      cancelOrder(db, { clock, actor: staffActor(city), orderId: r.orderId, reason: "x" }),
      "VALIDATION",
    );
    await cancelOrder(db, { clock, actor: staffActor(city), orderId: r.orderId, reason: "Acara ditunda pimpinan" });
    expect((await db.order.findUniqueOrThrow({ where: { id: r.orderId } })).status).toBe("CANCELLED");
    expect(await db.offer.count({ where: { orderId: r.orderId, status: "WITHDRAWN" } })).toBe(1);
    expect((await db.budget.findUniqueOrThrow({ where: { id: city.opds[0]!.budgetId } })).committed).toBe(0n);
  });
});

describe("fulfilment and sanctions", () => {
  it("delivers on time; very late counts as a failure; failures climb SP1 → SP2 and SP2 suspends", async () => {
    const db = testDb();
    const city = await createCity(db, { opds: 1, vendors: 2, pools: [[0, 1]] });
    const admin = await createUser(db, { role: "ADMIN" });
    const adminActor = { id: admin.id, role: "ADMIN" as const };
    const clock = fixedClock(T0);
    const place = async (deliveryAt: string) => {
      const r = await submitOrder(db, {
        clock,
        actor: staffActor(city),
        input: orderInput({ deliveryAt: new Date(deliveryAt) }),
      });
      const o = r.route!.kind === "OFFERED" ? r.route! : null;
      await acceptOffer(db, { clock, actor: vendorActor(city, o!.vendorId), offerId: o!.offerId });
      return { orderId: r.orderId, vendorId: o!.vendorId };
    };
    const ok = await place("2026-06-01T05:00:00Z");
    clock.set("2026-06-01T05:10:00Z");
    expect(
      await confirmDelivery(db, {
        clock,
        actor: staffActor(city),
        orderId: ok.orderId,
        input: {
          deliveredAt: "2026-06-01T05:10:00Z",
          quantityReceived: 50,
          rating: 5,
        },
      }),
    ).toEqual({ outcome: "DELIVERED", lateMinutes: 10 });

    // Same vendor fails twice (very late, then not delivered): SP1, then SP2.
    clock.set(T0);
    const a = await place("2026-06-01T06:00:00Z");
    clock.set("2026-06-01T08:00:00Z");
    const f1 = await confirmDelivery(db, {
      clock,
      actor: staffActor(city),
      orderId: a.orderId,
      input: {
        deliveredAt: "2026-06-01T07:30:00Z",
        quantityReceived: 50,
      },
    });
    expect(f1).toMatchObject({ outcome: "FAILED", failureType: "VERY_LATE", sanctionLevel: "SP1", rerouted: null });
    expect((await db.order.findUniqueOrThrow({ where: { id: a.orderId } })).status).toBe("FAILED");

    // Force the failing vendor to be chosen again by giving the other one a higher total.
    let b = await place("2026-06-05T06:00:00Z");
    while (b.vendorId !== a.vendorId) b = await place("2026-06-05T06:00:00Z");
    clock.set("2026-06-02T02:00:00Z"); // days before delivery: time to re-route
    const f2 = await reportFailure(db, {
      clock,
      actor: staffActor(city),
      orderId: b.orderId,
      input: {
        type: "VENDOR_CANCELLED",
        evidence: "UMKM mengabarkan tidak sanggup",
      },
    });
    expect(f2).toMatchObject({ outcome: "FAILED", sanctionLevel: "SP2" });
    expect(f2.outcome === "FAILED" && f2.rerouted?.kind).toBe("OFFERED");
    const reroutedTo = f2.outcome === "FAILED" && f2.rerouted?.kind === "OFFERED" ? f2.rerouted.vendorId : null;
    expect(reroutedTo).not.toBe(a.vendorId);

    // Admin confirms SP2: the vendor is suspended and leaves the pool.
    const sanction = await db.sanction.findFirstOrThrow({
      where: { vendorId: a.vendorId, level: "SP2", status: "PROPOSED" },
    });
    await decideSanction(db, {
      clock,
      actor: adminActor,
      sanctionId: sanction.id,
      input: { decision: "CONFIRM", reason: "Dua kali gagal kirim" },
    });
    expect((await db.vendor.findUniqueOrThrow({ where: { id: a.vendorId } })).status).toBe("SUSPENDED");
    for (let i = 0; i < 3; i++) {
      const r = await submitOrder(db, {
        clock,
        actor: staffActor(city),
        input: orderInput({ deliveryAt: new Date("2026-06-09T03:00:00Z") }),
      });
      expect(r.route!.kind === "OFFERED" && r.route!.vendorId).not.toBe(a.vendorId);
    }
    await reinstateVendor(db, {
      clock,
      actor: adminActor,
      vendorId: a.vendorId,
      reason: "Sudah klarifikasi dan berbenah",
    });
    expect((await db.vendor.findUniqueOrThrow({ where: { id: a.vendorId } })).status).toBe("ACTIVE");
    expect(
      await db.auditLog.count({
        where: { action: { in: ["sanction.confirmed", "vendor.reinstated", "order.failed", "order.delivered"] } },
      }),
    ).toBe(5);
  });
});

describe("deciding a sanction", () => {
  it("confirming a suspension withdraws every pending offer of the vendor, audited, and routes each order again", async () => {
    const db = testDb();
    const city = await createCity(db, { opds: 1, vendors: 3, pools: [[0, 1, 2]] });
    const admin = await createUser(db, { role: "ADMIN" });
    const clock = fixedClock(T0);
    // Six orders over three vendors: two pending offers each.
    const placed = [];
    for (let i = 0; i < 6; i++)
      placed.push(await submitOrder(db, { clock, actor: staffActor(city), input: orderInput() }));
    const target = city.vendors[0]!.id;
    const hers = placed.filter((r) => r.route?.kind === "OFFERED" && r.route.vendorId === target);
    expect(hers).toHaveLength(2);
    const propose = (level: "SP1" | "SP2") =>
      db.sanction.create({
        data: {
          vendorId: target,
          level,
          status: "PROPOSED",
          cause: "Uji",
          proposedAt: clock.now(),
          proposedById: admin.id,
        },
      });
    // A dismissal changes the proposal only (with its audit row and the vendor's notice).
    const dismissed = await propose("SP2");
    expect(
      await decideSanction(db, {
        clock,
        actor: { id: admin.id, role: "ADMIN" },
        sanctionId: dismissed.id,
        input: {
          decision: "DISMISS",
          reason: "Bukan kesalahan UMKM",
        },
      }),
    ).toMatchObject({ status: "OVERRIDDEN", withdrawn: 0 });
    expect((await db.vendor.findUniqueOrThrow({ where: { id: target } })).status).toBe("ACTIVE");
    expect(await db.offer.count({ where: { vendorId: target, status: "PENDING" } })).toBe(2);
    await expectCode(
      decideSanction(db, {
        clock,
        actor: { id: admin.id, role: "ADMIN" },
        sanctionId: dismissed.id,
        input: {
          decision: "CONFIRM",
          reason: "Diputuskan ulang",
        },
      }),
      "INVALID_STATE",
    );

    const sp2 = await propose("SP2");
    const decided = await decideSanction(db, {
      clock,
      actor: { id: admin.id, role: "ADMIN" },
      sanctionId: sp2.id,
      input: {
        decision: "CONFIRM",
        reason: "Berulang kali gagal",
      },
    });
    expect(decided).toMatchObject({ status: "CONFIRMED", level: "SP2", withdrawn: 2 });
    expect(await db.offer.count({ where: { vendorId: target, status: "PENDING" } })).toBe(0);
    const withdrawn = await db.offer.findMany({ where: { vendorId: target, status: "WITHDRAWN" } });
    expect(withdrawn.map((o) => o.reason)).toEqual(["UMKM dikenai sanksi", "UMKM dikenai sanksi"]);
    expect(
      await db.auditLog.count({ where: { action: "offer.withdrawn", entityId: { in: withdrawn.map((o) => o.id) } } }),
    ).toBe(2);
    for (const r of hers) {
      const live = await db.offer.findFirstOrThrow({ where: { orderId: r.orderId, status: "PENDING" } });
      expect(live.vendorId).not.toBe(target);
      expect((await db.order.findUniqueOrThrow({ where: { id: r.orderId } })).status).toBe("OFFERED");
    }
    const after = await db.sanction.findUniqueOrThrow({ where: { id: sp2.id } });
    expect(after).toMatchObject({ status: "CONFIRMED", decidedById: admin.id, decisionReason: "Berulang kali gagal" });
    expect(after.endsAt!.getTime() - after.startsAt!.getTime()).toBeGreaterThan(0);
    expect(
      await db.notification.count({
        where: { kind: "sanction.decided", channel: "IN_APP", user: { vendorId: target } },
      }),
    ).toBe(2);
    expect(await db.auditLog.count({ where: { entityId: { in: [dismissed.id, sp2.id] } } })).toBe(2);
    // Back in the pools (and out of the other tests' way: they share this database).
    await reinstateVendor(db, {
      clock,
      actor: { id: admin.id, role: "ADMIN" },
      vendorId: target,
      reason: "Sudah klarifikasi dan berbenah",
    });
  });
});

describe("suspensions end on time", () => {
  it("reinstates a vendor when its SP2 period is over, and not before", async () => {
    const db = testDb();
    const city = await createCity(db, { opds: 1, vendors: 1, pools: [[0]] });
    const vendorId = city.vendors[0]!.id;
    const admin = await createUser(db, { role: "ADMIN" });
    const clock = fixedClock(T0);
    const proposal = await db.sanction.create({
      data: { vendorId, level: "SP2", status: "PROPOSED", cause: "uji", proposedAt: clock.now() },
    });
    await decideSanction(db, {
      clock,
      actor: { id: admin.id, role: "ADMIN" },
      sanctionId: proposal.id,
      input: {
        decision: "CONFIRM",
        reason: "Dua kali gagal",
      },
    });
    expect((await db.vendor.findUniqueOrThrow({ where: { id: vendorId } })).status).toBe("SUSPENDED");
    clock.advance(29 * 86_400_000);
    expect(await endExpiredSuspensions(db, clock)).toBe(0);
    clock.advance(2 * 86_400_000);
    expect(await endExpiredSuspensions(db, clock)).toBe(1);
    expect((await db.vendor.findUniqueOrThrow({ where: { id: vendorId } })).status).toBe("ACTIVE");
    expect(await db.auditLog.count({ where: { action: "vendor.reinstated", entityId: vendorId } })).toBe(1);
  });
});
