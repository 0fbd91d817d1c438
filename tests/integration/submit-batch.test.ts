// Submissions that arrive together are routed together (lib/data/orders/submit-order.ts): the result must be
// exactly what routing them one by one would give. Acceptances that arrive together are written together
// (lib/data/offers/accept-offer.ts, decline-offer.ts): each must get the answer it would get alone.
import { describe, expect, it } from "vitest";
import { testDb } from "@/tests/support/integration-setup";
import { createCity, orderInput, staffActor, vendorActor } from "@/tests/factories/routing";
import { fixedClock } from "@/lib/clock";
import { submitOrder } from "@/lib/data/orders/submit-order";
import { acceptOffer } from "@/lib/data/offers/accept-offer";
import { cancelOrder } from "@/lib/data/orders/cancel-order";
import { checkInvariants } from "@/lib/data/routing/check-invariants";
import { AppError } from "@/lib/errors";

const T0 = "2026-06-01T02:00:00Z";

describe("submissions routed together", () => {
  it("spreads a burst over the pool as if the orders had come one by one", async () => {
    const db = testDb();
    const city = await createCity(db, {
      opds: 2,
      vendors: 4,
      pools: [
        [0, 1, 2, 3],
        [0, 1, 2, 3],
      ],
    });
    const clock = fixedClock(T0);
    // Eight equal orders at once from two agencies sharing the pool: each UMKM gets exactly two.
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        submitOrder(db, { clock, actor: staffActor(city, i % 2), input: orderInput({ pax: 50 }) }),
      ),
    );
    const chosen = results.map((r) => (r.route?.kind === "OFFERED" ? r.route.vendorId : "none"));
    const perVendor = city.vendors.map((v) => chosen.filter((c) => c === v.id).length);
    expect(perVendor).toEqual([2, 2, 2, 2]);
    // Each recorded decision saw the offers chosen before it: its first candidate is the least loaded.
    const decisions = await db.routingDecision.findMany({ orderBy: { decidedAt: "asc" } });
    expect(decisions).toHaveLength(8);
    const seen = decisions.map(
      (d) => (d.candidates as { pendingValue: number }[]).reduce((s, c) => s + c.pendingValue, 0) / 2_000_000,
    );
    expect([...seen].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(await checkInvariants(db, clock.now())).toMatchObject({
      doubleAwards: 0,
      capacityViolations: 0,
      lostOrders: 0,
      fairnessViolations: 0,
      budgetMismatches: 0,
      awardRollupMismatches: 0,
    });
    const numbers = results.map((r) => r.number);
    expect(new Set(numbers).size).toBe(8);
    expect(await db.auditLog.count({ where: { action: "order.submitted" } })).toBe(8);
  });

  it("answers a double click in the same burst with the first order, and refuses what the budget cannot hold", async () => {
    const db = testDb();
    // The double click charges a line with room to spare; the other two share a line with room for exactly one
    // order of Rp 2,000,000 (on one line, which of the three distinct orders fits would depend on timing).
    const city = await createCity(db, { opds: 1, vendors: 3, pools: [[0, 1, 2]], budget: 2_000_000 });
    const spare = await db.budget.create({
      data: {
        opdId: city.opds[0]!.id,
        fiscalYear: 2026,
        accountCode: "5.1.02.01.01.0053",
        accountName: "Belanja Makanan dan Minuman Kegiatan",
        pagu: 100_000_000n,
      },
    });
    const clock = fixedClock(T0);
    const same = orderInput({ accountCode: spare.accountCode });
    const outcomes = await Promise.allSettled([
      submitOrder(db, { clock, actor: staffActor(city), input: same }),
      submitOrder(db, { clock, actor: staffActor(city), input: same }),
      submitOrder(db, { clock, actor: staffActor(city), input: orderInput() }),
      submitOrder(db, { clock, actor: staffActor(city), input: orderInput() }),
    ]);
    const [a, b, c, d] = outcomes;
    expect(a.status).toBe("fulfilled");
    expect(b.status).toBe("fulfilled");
    if (a.status !== "fulfilled" || b.status !== "fulfilled") return;
    expect(b.value.orderId).toBe(a.value.orderId);
    expect([a.value.duplicate, b.value.duplicate].sort()).toEqual([false, true]);
    // Of the other two, one fits and one is refused with how much is left.
    const rest = [c, d];
    expect(rest.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const refused = rest.find((o) => o.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(AppError);
    expect((refused.reason as AppError).code).toBe("BUDGET_EXCEEDED");
    expect((refused.reason as AppError).details).toMatchObject({ remaining: 0, total: 2_000_000 });
    expect(await db.order.count({ where: { opdId: city.opds[0]!.id } })).toBe(2);
    const tight = await db.budget.findUniqueOrThrow({ where: { id: city.opds[0]!.budgetId } });
    expect(tight.committed).toBe(2_000_000n);
    expect((await db.budget.findUniqueOrThrow({ where: { id: spare.id } })).committed).toBe(2_000_000n);
    expect((await checkInvariants(db, clock.now())).budgetMismatches).toBe(0);
  });

  it("writes acceptances that arrive together in one go, each with its own answer, audit row and notification", async () => {
    const db = testDb();
    const city = await createCity(db, { opds: 1, vendors: 4, pools: [[0, 1, 2, 3]] });
    const clock = fixedClock(T0);
    const routed = await Promise.all(
      Array.from({ length: 4 }, () =>
        submitOrder(db, { clock, actor: staffActor(city), input: orderInput({ pax: 50 }) }),
      ),
    );
    const offers = routed.map((r) => (r.route?.kind === "OFFERED" ? r.route : null)!);
    expect(new Set(offers.map((o) => o.vendorId)).size).toBe(4);
    const [a, b, c, d] = offers as [(typeof offers)[0], (typeof offers)[0], (typeof offers)[0], (typeof offers)[0]];
    // Arriving together: two valid acceptances, a double tap of one of them, another vendor's offer (not its own),
    // and an offer withdrawn just before (its order cancelled): each gets its own answer, none fails the others.
    await cancelOrder(db, { clock, actor: staffActor(city), orderId: routed[3]!.orderId, reason: "Acara dibatalkan" });
    const answers = await Promise.allSettled([
      acceptOffer(db, { clock, actor: vendorActor(city, a.vendorId), offerId: a.offerId }),
      acceptOffer(db, { clock, actor: vendorActor(city, b.vendorId), offerId: b.offerId }),
      acceptOffer(db, { clock, actor: vendorActor(city, b.vendorId), offerId: b.offerId }),
      acceptOffer(db, { clock, actor: vendorActor(city, a.vendorId), offerId: c.offerId }),
      acceptOffer(db, { clock, actor: vendorActor(city, d.vendorId), offerId: d.offerId }),
    ]);
    const value = (i: number) => (answers[i]!.status === "fulfilled" ? answers[i]!.value : answers[i]!.reason);
    expect(value(0)).toEqual({ orderId: routed[0]!.orderId, alreadyAccepted: false });
    expect([value(1).alreadyAccepted, value(2).alreadyAccepted].sort()).toEqual([false, true]);
    expect((value(3) as AppError).code).toBe("NOT_FOUND");
    expect((value(4) as AppError).code).toBe("INVALID_STATE");
    const accepted = await db.order.findMany({ where: { status: "ACCEPTED" }, select: { id: true, vendorId: true } });
    expect(accepted.map((o) => o.id).sort()).toEqual([routed[0]!.orderId, routed[1]!.orderId].sort());
    expect(await db.offer.count({ where: { status: "ACCEPTED" } })).toBe(2);
    expect(await db.auditLog.count({ where: { action: "offer.accepted" } })).toBe(2);
    expect(await db.notification.count({ where: { kind: "order.accepted", channel: "IN_APP" } })).toBe(2);
    expect(await db.offer.findUniqueOrThrow({ where: { id: c.offerId } })).toMatchObject({ status: "PENDING" });
    expect(await checkInvariants(db, clock.now())).toMatchObject({ doubleAwards: 0, lostOrders: 0 });
  });
});
