// The invariants of docs/ARCHITECTURE.md §3 under concurrency: 20 clients place 220 orders over OPDs whose pools
// share vendors, while vendors accept (sometimes twice at once), decline and let offers lapse.
import { describe, expect, it } from "vitest";
import { testDb } from "@/tests/support/integration-setup";
import { createCity, orderInput } from "@/tests/factories/routing";
import { fixedClock } from "@/lib/clock";
import { submitOrder } from "@/lib/data/orders/submit-order";
import { acceptOffer } from "@/lib/data/offers/accept-offer";
import { declineOffer } from "@/lib/data/offers/decline-offer";
import { expireDueOffers } from "@/lib/data/offers/expire-offers";
import { expectInvariantsHold } from "@/tests/support/invariants";
import { prng } from "@/prisma/seed/seed-demo";
import { AppError } from "@/lib/errors";
import type { RouteOutcome } from "@/lib/data/routing/route-order";

const orderScope = (city: { opds: { id: string }[] }) => ({ opdId: { in: city.opds.map((o) => o.id) } });

describe("routing under concurrency", () => {
  it(
    "keeps every invariant with 20 concurrent clients, shared vendors, concurrent accepts and declines",
    { timeout: 180_000 },
    async () => {
      const db = testDb();
      // 6 OPDs, 8 vendors; every pool overlaps with others; capacity is tight enough to matter.
      const city = await createCity(db, {
        opds: 6,
        vendors: 8,
        capacity: 400,
        pools: [
          [0, 1, 2],
          [1, 2, 3, 4],
          [3, 4, 5],
          [5, 6, 7, 0],
          [2, 4, 6],
          [0, 3, 7],
        ],
        weights: { 2: 2 },
      });
      const clock = fixedClock("2026-03-02T01:00:00Z");
      const days = ["2026-03-04T03:00:00Z", "2026-03-05T03:00:00Z", "2026-03-06T04:00:00Z"];
      const vendorUser = new Map(city.vendors.map((v) => [v.id, v.userId]));
      let rejected = 0;

      const respond = async (route: RouteOutcome | null, rnd: ReturnType<typeof prng>) => {
        let r = route;
        while (r && r.kind === "OFFERED") {
          const actor = { id: vendorUser.get(r.vendorId)!, role: "VENDOR" as const, vendorId: r.vendorId };
          const roll = rnd.next();
          try {
            if (roll < 0.55) {
              // Sometimes a double tap: two accepts at once.
              if (rnd.chance(0.3))
                await Promise.all([
                  acceptOffer(db, { clock, actor, offerId: r.offerId }),
                  acceptOffer(db, { clock, actor, offerId: r.offerId }),
                ]);
              else await acceptOffer(db, { clock, actor, offerId: r.offerId });
              return;
            }
            if (roll < 0.85) {
              r = (await declineOffer(db, { clock, actor, offerId: r.offerId, reason: "Tidak sanggup hari itu" }))
                .route;
              continue;
            }
            return; // let it expire
          } catch (e) {
            if (e instanceof AppError && (e.code === "INVALID_STATE" || e.code === "OFFER_EXPIRED")) return;
            throw e;
          }
        }
      };

      const clients = Array.from({ length: 20 }, (_, c) => async () => {
        const rnd = prng(1000 + c);
        for (let k = 0; k < 11; k++) {
          const opd = city.opds[(c + k) % city.opds.length]!;
          try {
            const r = await submitOrder(db, {
              clock,
              actor: { id: opd.staffId, role: "OPD_STAFF", opdId: opd.id },
              input: orderInput({
                deliveryAt: new Date(rnd.pick(days)),
                pax: rnd.int(2, 12) * 10,
                unitPrice: rnd.int(30, 48) * 1000,
              }),
            });
            await respond(r.route, rnd);
          } catch (e) {
            if (e instanceof AppError && e.code === "BUDGET_EXCEEDED") {
              rejected++;
              continue;
            }
            throw e;
          }
        }
      });
      await Promise.all(clients.map((run) => run()));

      await expectInvariantsHold(db, clock.now());

      // Everything left pending lapses; the sweep re-routes (twice, concurrently, as two app instances would).
      const rnd = prng(7);
      for (let step = 0; step < 10; step++) {
        clock.advance(121 * 60_000);
        const [a, b] = await Promise.all([expireDueOffers(db, clock), expireDueOffers(db, clock)]);
        for (const e of [...a, ...b]) await respond(e.route, rnd);
        if (a.length + b.length === 0) break;
      }
      await expectInvariantsHold(db, clock.now());

      const orders = await db.order.count({ where: { opdId: { in: city.opds.map((o) => o.id) } } });
      expect(orders + rejected).toBe(220);
      const byStatus = await db.order.groupBy({
        by: ["status"],
        where: { opdId: { in: city.opds.map((o) => o.id) } },
        _count: true,
      });
      const statuses = Object.fromEntries(byStatus.map((g) => [g.status, g._count]));
      // Every order ended somewhere definite: accepted, offered (still answerable) or escalated.
      expect((statuses.ACCEPTED ?? 0) + (statuses.OFFERED ?? 0) + (statuses.ESCALATED ?? 0)).toBe(orders);
      expect(statuses.ACCEPTED ?? 0).toBeGreaterThan(100);
      // Exhausted pools were served by the city-wide reserve, under the same concurrency.
      expect(
        await db.routingDecision.count({ where: { scope: "RESERVE", outcome: "OFFERED", order: orderScope(city) } }),
      ).toBeGreaterThan(0);
      // Declines really happened concurrently with everything else.
      expect(
        await db.offer.count({ where: { status: "DECLINED", vendorId: { in: city.vendors.map((v) => v.id) } } }),
      ).toBeGreaterThan(30);
    },
  );

  it(
    "spreads evenly when nobody declines: every pool's awarded totals stay within one order of each other",
    { timeout: 120_000 },
    async () => {
      const db = testDb();
      const city = await createCity(db, {
        opds: 3,
        vendors: 6,
        pools: [
          [0, 1],
          [2, 3],
          [4, 5],
        ],
        capacity: 100_000,
      });
      const clock = fixedClock("2026-04-01T01:00:00Z");
      const vendorUser = new Map(city.vendors.map((v) => [v.id, v.userId]));
      const maxOrderValue = 48_000 * 100;
      await Promise.all(
        Array.from({ length: 12 }, (_, c) => async () => {
          const rnd = prng(c);
          for (let k = 0; k < 10; k++) {
            const opd = city.opds[(c + k) % 3]!;
            const r = await submitOrder(db, {
              clock,
              actor: { id: opd.staffId, role: "OPD_STAFF", opdId: opd.id },
              input: orderInput({
                deliveryAt: new Date("2026-04-10T03:00:00Z"),
                pax: rnd.int(1, 10) * 10,
                unitPrice: 48_000,
              }),
            });
            if (r.route?.kind === "OFFERED")
              await acceptOffer(db, {
                clock,
                actor: { id: vendorUser.get(r.route.vendorId)!, role: "VENDOR", vendorId: r.route.vendorId },
                offerId: r.route.offerId,
              });
          }
        }).map((f) => f()),
      );
      for (const pair of [
        [0, 1],
        [2, 3],
        [4, 5],
      ]) {
        const totals = await Promise.all(
          pair.map(async (i) =>
            Number(
              (
                await db.offer.aggregate({
                  where: { vendorId: city.vendors[i]!.id, status: "ACCEPTED" },
                  _sum: { value: true },
                })
              )._sum.value ?? 0n,
            ),
          ),
        );
        expect(Math.abs(totals[0]! - totals[1]!)).toBeLessThanOrEqual(maxOrderValue);
      }
    },
  );
});
