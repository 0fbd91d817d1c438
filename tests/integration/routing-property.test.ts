// Property test of the routing invariants on real PostgreSQL: random decrees (pools, weights, capacities),
// random orders and random vendor answers, run through the use cases; the invariants must always hold.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { testDb } from "@/tests/support/integration-setup";
import { createCity, orderInput } from "@/tests/factories/routing";
import { fixedClock } from "@/lib/clock";
import { submitOrder } from "@/lib/data/orders/submit-order";
import { acceptOffer } from "@/lib/data/offers/accept-offer";
import { declineOffer } from "@/lib/data/offers/decline-offer";
import { expireDueOffers } from "@/lib/data/offers/expire-offers";
import { expectInvariantsHold } from "@/tests/support/invariants";
import type { RouteOutcome } from "@/lib/data/routing/route-order";

const scenario = fc.record({
  vendors: fc.integer({ min: 1, max: 5 }),
  opds: fc.integer({ min: 1, max: 3 }),
  poolSeeds: fc.array(fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), { minLength: 3, maxLength: 3 }),
  capacity: fc.integer({ min: 40, max: 300 }),
  weights: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 5, maxLength: 5 }),
  orders: fc.array(
    fc.record({
      opd: fc.nat(),
      pax: fc.integer({ min: 10, max: 120 }),
      day: fc.integer({ min: 0, max: 1 }),
      answer: fc.constantFrom("ACCEPT", "DECLINE", "EXPIRE"),
    }),
    { minLength: 3, maxLength: 18 },
  ),
  answers: fc.array(fc.constantFrom("ACCEPT", "DECLINE", "EXPIRE"), { minLength: 8, maxLength: 8 }),
});

describe("routing invariants over random decrees, orders and answers", () => {
  it(
    "never double-awards, overbooks, loses an order, skips a cheaper vendor or mis-books a budget",
    { timeout: 240_000 },
    async () => {
      const db = testDb();
      await fc.assert(
        fc.asyncProperty(scenario, async (s) => {
          const pools = Array.from({ length: s.opds }, (_, i) => [
            ...new Set(s.poolSeeds[i]!.map((k) => k % s.vendors)),
          ]);
          const weights = Object.fromEntries(Array.from({ length: s.vendors }, (_, i) => [String(i), s.weights[i]!]));
          const city = await createCity(db, {
            opds: s.opds,
            vendors: s.vendors,
            pools,
            capacity: s.capacity,
            weights,
            budget: 40_000_000,
          });
          const clock = fixedClock("2026-07-01T01:00:00Z");
          const days = ["2026-07-03T03:00:00Z", "2026-07-04T03:00:00Z"];
          // Any UMKM of the decree may be offered an order (the city-wide reserve): its user is looked up.
          const userOf = {
            get: async (vendorId: string) =>
              (await db.user.findFirstOrThrow({ where: { vendorId }, select: { id: true } })).id,
          };
          let k = 0;
          const respond = async (route: RouteOutcome | null, first: string) => {
            let r = route;
            let choice = first;
            while (r && r.kind === "OFFERED") {
              const actor = { id: await userOf.get(r.vendorId), role: "VENDOR" as const, vendorId: r.vendorId };
              if (choice === "EXPIRE") return;
              if (choice === "ACCEPT") return void (await acceptOffer(db, { clock, actor, offerId: r.offerId }));
              r = (await declineOffer(db, { clock, actor, offerId: r.offerId, reason: "Tidak sanggup" })).route;
              choice = s.answers[k++ % s.answers.length]!;
            }
          };
          for (const o of s.orders) {
            const opd = city.opds[o.opd % s.opds]!;
            try {
              const r = await submitOrder(db, {
                clock,
                actor: { id: opd.staffId, role: "OPD_STAFF", opdId: opd.id },
                input: orderInput({ deliveryAt: new Date(days[o.day]!), pax: o.pax }),
              });
              await respond(r.route, o.answer);
            } catch (e) {
              if (!(e instanceof Error && e.message === "BUDGET_EXCEEDED")) throw e;
            }
          }
          for (let step = 0; step < 12; step++) {
            clock.advance(121 * 60_000);
            const expired = await expireDueOffers(db, clock);
            for (const e of expired) await respond(e.route, s.answers[k++ % s.answers.length]!);
            if (expired.length === 0) break;
          }
          await expectInvariantsHold(db, clock.now());
        }),
        { numRuns: 12 },
      );
      // The runs share one decree, so the later runs' exhausted pools went to the city-wide reserve.
      expect(await db.routingDecision.count({ where: { scope: "RESERVE" } })).toBeGreaterThan(0);
    },
  );
});
