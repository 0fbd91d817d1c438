// The routing invariants (docs/ARCHITECTURE.md §3), measured from the database itself — used by the tests and
// the benchmark, never from their own bookkeeping.
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { queryCount } from "@/lib/db/sql/decode";
import { AWARDED_OFFER_STATUSES } from "@/lib/domain/routing";

export interface InvariantReport {
  /** Orders with more than one pending-or-accepted offer, or awarded to a vendor other than the one that accepted. */
  doubleAwards: number;
  /** (vendor, day) pairs booked over the vendor's daily capacity by pending and accepted offers. */
  capacityViolations: number;
  /** Orders stuck: SUBMITTED, OFFERED without exactly one live offer, ACCEPTED without its accepted offer, or offers pending past their deadline. */
  lostOrders: number;
  /** Routing decisions that offered to a vendor while an eligible one of the pool (or, from the city-wide reserve, of
   * the rest of the decree) had a lower weighted total: each decision ranks the scope it chose from. */
  fairnessViolations: number;
  /** Budgets whose committed value differs from what their orders hold, or exceeds the pagu. */
  budgetMismatches: number;
  /** (vendor, year) rows of the awards rollup routing reads (VendorYearAward) that differ from the offers themselves. */
  awardRollupMismatches: number;
}

export async function checkInvariants(db: Db, now: Date): Promise<InvariantReport> {
  const double = await queryCount(
    db,
    "checkInvariants.double",
    Prisma.sql`
    SELECT count(*) AS n FROM (
      SELECT o.id FROM "Order" o
      LEFT JOIN "Offer" f ON f."orderId" = o.id AND f.status IN ('PENDING', 'ACCEPTED')
      GROUP BY o.id, o.status, o."vendorId"
      HAVING count(f.id) > 1
          OR (o.status IN ('ACCEPTED', 'DELIVERED') AND (count(f.id) <> 1 OR bool_or(f.status <> 'ACCEPTED') OR bool_or(f."vendorId" <> o."vendorId")))
    ) x`,
  );
  const capacity = await queryCount(
    db,
    "checkInvariants.capacity",
    Prisma.sql`
    SELECT count(*) AS n FROM (
      SELECT f."vendorId", f."deliveryDay" FROM "Offer" f JOIN "Vendor" v ON v.id = f."vendorId"
      WHERE f.status IN ('PENDING', 'ACCEPTED')
      GROUP BY f."vendorId", f."deliveryDay", v."dailyCapacityPax"
      HAVING sum(f.pax) > v."dailyCapacityPax"
    ) x`,
  );
  const lost = await queryCount(
    db,
    "checkInvariants.lost",
    Prisma.sql`
    SELECT count(*) AS n FROM "Order" o
    WHERE o.status = 'SUBMITTED'
       OR (o.status = 'OFFERED' AND (SELECT count(*) FROM "Offer" f WHERE f."orderId" = o.id AND f.status = 'PENDING' AND f."expiresAt" > ${now}) <> 1)
       OR (o.status = 'ACCEPTED' AND NOT EXISTS (SELECT 1 FROM "Offer" f WHERE f."orderId" = o.id AND f.status = 'ACCEPTED'))`,
  );
  const budget = await queryCount(
    db,
    "checkInvariants.budget",
    Prisma.sql`
    SELECT count(*) AS n FROM "Budget" b
    WHERE b.committed > b.pagu OR b.committed <> COALESCE((
      SELECT sum(o.total) FROM "Order" o WHERE o."budgetId" = b.id AND o.status NOT IN ('CANCELLED', 'FAILED')), 0)`,
  );
  const awards = await queryCount(
    db,
    "checkInvariants.awards",
    Prisma.sql`
    SELECT count(*) AS n FROM (
      SELECT "vendorId", extract(year FROM "deliveryDay")::int AS year, sum(value) AS awarded, count(*)::int AS orders,
        max("respondedAt") AS last
      FROM "Offer" WHERE status::text = ANY(${[...AWARDED_OFFER_STATUSES]}::text[]) GROUP BY 1, 2) f
    FULL JOIN "VendorYearAward" r ON r."vendorId" = f."vendorId" AND r.year = f.year
    WHERE f."vendorId" IS NULL AND (r.awarded <> 0 OR r."awardedOrders" <> 0)
       OR r."vendorId" IS NULL
       OR r.awarded <> f.awarded OR r."awardedOrders" <> f.orders OR r."lastAwardAt" IS DISTINCT FROM f.last`,
  );
  // Each decision's ranked candidates are its snapshot of the pool at that moment (taken under the
  // pool's row locks): the chosen vendor must be first, and the ranking ascending in weighted total.
  const decisions = await db.routingDecision.findMany({
    where: { outcome: "OFFERED" },
    select: { chosenVendorId: true, candidates: true },
  });
  let unfair = 0;
  for (const d of decisions) {
    const c = d.candidates as { vendorId: string; awardedValue: number; pendingValue: number; weight: number }[];
    if (c.length === 0 || c[0]!.vendorId !== d.chosenVendorId) {
      unfair++;
      continue;
    }
    const t = (x: (typeof c)[number]) => (x.awardedValue + x.pendingValue) / x.weight;
    if (c.some((x) => t(x) < t(c[0]!) - 1e-6)) unfair++;
  }
  return {
    doubleAwards: double,
    capacityViolations: capacity,
    lostOrders: lost,
    fairnessViolations: unfair,
    budgetMismatches: budget,
    awardRollupMismatches: awards,
  };
}
