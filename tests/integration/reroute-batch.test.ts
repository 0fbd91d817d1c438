// Orders that must be routed again and come together — declines arriving at once, offers lapsing in the same sweep —
// are routed again together (lib/data/routing/route-order.ts rerouteOrdersInTx): the result must be what routing
// them one by one would give, each double answer refused, every change audited.
import { describe, expect, it } from "vitest";
import { testDb } from "@/tests/support/integration-setup";
import { createCity, orderInput, staffActor, vendorActor } from "@/tests/factories/routing";
import { fixedClock } from "@/lib/clock";
import { submitOrder } from "@/lib/data/orders/submit-order";
import { declineOffer } from "@/lib/data/offers/decline-offer";
import { expireDueOffers } from "@/lib/data/offers/expire-offers";
import { checkInvariants } from "@/lib/data/routing/check-invariants";
import { AppError } from "@/lib/errors";

const T0 = "2026-06-01T02:00:00Z";

describe("re-routes together", () => {
  it("routes declines and expiries that come together again together, as if one by one", async () => {
    const db = testDb();
    const city = await createCity(db, { opds: 1, vendors: 5, pools: [[0, 1, 2, 3, 4]] });
    const clock = fixedClock(T0);
    const routed = await Promise.all(
      Array.from({ length: 4 }, () =>
        submitOrder(db, { clock, actor: staffActor(city), input: orderInput({ pax: 50 }) }),
      ),
    );
    const offers = routed.map((r) => (r.route?.kind === "OFFERED" ? r.route : null)!);
    // Two declines and a double tap of one of them arrive together: both orders go to other vendors — the two
    // declines do not both land on the one vendor left without an offer — and the double tap is refused.
    const [a, b] = offers as [(typeof offers)[0], (typeof offers)[0]];
    const answers = await Promise.allSettled([
      declineOffer(db, { clock, actor: vendorActor(city, a.vendorId), offerId: a.offerId, reason: "Dapur penuh" }),
      declineOffer(db, { clock, actor: vendorActor(city, b.vendorId), offerId: b.offerId, reason: "Bahan habis" }),
      declineOffer(db, { clock, actor: vendorActor(city, b.vendorId), offerId: b.offerId, reason: "Bahan habis" }),
    ]);
    expect(answers.map((x) => x.status)).toEqual(["fulfilled", "fulfilled", "rejected"]);
    expect(((answers[2] as PromiseRejectedResult).reason as AppError).code).toBe("INVALID_STATE");
    const again = answers.slice(0, 2).map((x) => (x as PromiseFulfilledResult<{ route: { vendorId?: string } }>).value);
    const newVendors = again.map((x) => x.route.vendorId);
    expect(newVendors[0]).not.toBe(a.vendorId);
    expect(newVendors[1]).not.toBe(b.vendorId);
    expect(new Set(newVendors).size).toBe(2);
    expect(await db.auditLog.count({ where: { action: "offer.declined" } })).toBe(2);
    // The remaining offers lapse together: each order goes to someone who has not said no to it.
    clock.advance(3 * 3600_000 - 60_000);
    const pending = await db.offer.count({ where: { status: "PENDING" } });
    expect(pending).toBe(4);
    const lapsed = await expireDueOffers(db, fixedClock(new Date(clock.now().getTime() + 120_000)));
    expect(lapsed).toHaveLength(4);
    for (const e of lapsed) {
      expect(e.route.kind).toBe("OFFERED");
      const offered = await db.offer.findMany({ where: { orderId: e.orderId }, select: { vendorId: true } });
      expect(new Set(offered.map((o) => o.vendorId)).size).toBe(offered.length);
    }
    expect(await db.auditLog.count({ where: { action: "offer.expired" } })).toBe(4);
    expect(await checkInvariants(db, clock.now())).toMatchObject({
      doubleAwards: 0,
      capacityViolations: 0,
      lostOrders: 0,
      fairnessViolations: 0,
    });
  });
});
