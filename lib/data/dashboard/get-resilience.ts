// How the spread holds up under failures (issue 15), for the mayor's dashboard and the public page: the share of
// orders that needed an admin (ever escalated) and of those served by the city-wide reserve — per month of the
// period's fiscal year and per OPD over the period — and the sanctions in force now with their effect on the
// spread (the Gini of the period's spread with and without the sanctioned UMKM). Read-only; orders by delivery
// day, cancelled ones left out, from the RoutingDaily rollup.
import type { Tx } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import type { Spread } from "@/lib/data/dashboard/get-spread";
import { giniOf } from "@/lib/domain/fairness";
import { monthsOf, type Period } from "@/lib/domain/period";
import { dayAsDate } from "@/lib/format";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SanctionLevel } from "@/lib/generated/prisma/enums";
import { SUSPENDING_LEVELS } from "@/lib/domain/sanctions";
import { z } from "zod";
import { queryRows } from "@/lib/db/sql/decode";
import { bool, instant, int, row, text, uuid } from "@/lib/db/sql/columns";

export interface OrderCounts {
  orders: number;
  /** Orders that went to an admin at least once (no eligible UMKM in the city, or too late). */
  escalated: number;
  /** Orders offered from the city-wide reserve at least once (their own pool was exhausted). */
  reserve: number;
}

export interface Resilience {
  months: ({ month: string } & OrderCounts)[];
  byOpd: ({ opdId: string; code: string; name: string } & OrderCounts)[];
  total: OrderCounts;
  /** How many UMKM are suspended (SP2) and removed (SP3) now. */
  sanctionCounts: { SP2: number; SP3: number };
  /** UMKM under a suspension (confirmed SP2) or removal (confirmed SP3) in force now (empty on the public page). */
  sanctioned: {
    vendorId: string;
    code: string;
    name: string;
    level: SanctionLevel;
    since: Date | null;
    until: Date | null;
  }[];
  /** The period's Gini, and the same over the spread's UMKM without the sanctioned ones. */
  gini: number;
  giniWithoutSanctioned: number;
}

/**
 * The counts, in one statement over the RoutingDaily rollup (kept by a trigger on "Order"): rows grouped by
 * delivery month and OPD, each flagged whether it lies in the period. The fiscal year's months and the period
 * may differ (a custom range), so both spans are read.
 */
export function resilienceCountsSql(fy: number, period: Period, opdId: string | null): Prisma.Sql {
  const lo = period.from < `${fy}-01-01` ? period.from : `${fy}-01-01`;
  const hi = period.to > `${fy}-12-31` ? period.to : `${fy}-12-31`;
  return Prisma.sql`
    SELECT to_char(r.day, 'YYYY-MM') AS month, r."opdId",
           (r.day BETWEEN ${dayAsDate(period.from)}::date AND ${dayAsDate(period.to)}::date) AS "inPeriod",
           sum(r.orders)::int AS orders, sum(r.escalated)::int AS escalated, sum(r.reserve)::int AS reserve
    FROM "RoutingDaily" r
    WHERE r.day BETWEEN ${dayAsDate(lo)}::date AND ${dayAsDate(hi)}::date
      ${opdId ? Prisma.sql`AND r."opdId" = ${opdId}::uuid` : Prisma.empty}
    GROUP BY 1, 2, 3`;
}

const getResilienceSanctionedRow = row({
  vendorId: uuid,
  code: text,
  name: text,
  level: z.enum(SUSPENDING_LEVELS),
  since: instant.nullable(),
  until: instant.nullable(),
});

const getResilienceCountsRow = row({
  month: text,
  opdId: uuid,
  inPeriod: bool,
  orders: int,
  escalated: int,
  reserve: int,
});

export async function getResilience(
  tx: Tx,
  opts: {
    clock: Clock;
    period: Period;
    opdId: string | null;
    spreadOf: Pick<Spread, "vendors"> | PromiseLike<Pick<Spread, "vendors">>;
  },
): Promise<Resilience> {
  const { clock, period, opdId, spreadOf } = opts;
  const now = clock.now();
  const fy = Number(period.to.slice(0, 4));
  const [rows, opds, sanctioned] = await Promise.all([
    queryRows(tx, "getResilience.counts", getResilienceCountsRow, resilienceCountsSql(fy, period, opdId)),
    tx.opd.findMany({ orderBy: { code: "asc" }, select: { id: true, code: true, name: true } }),
    // "In force" as routing reads it (mm_pool_standings): confirmed SP2/SP3, started, not ended.
    queryRows(
      tx,
      "getResilience.sanctioned",
      getResilienceSanctionedRow,
      Prisma.sql`
      SELECT DISTINCT ON (v.id) v.id AS "vendorId", v.code, v.name, s.level, s."startsAt" AS since, s."endsAt" AS until
      FROM "Sanction" s JOIN "Vendor" v ON v.id = s."vendorId"
      WHERE s.status = 'CONFIRMED' AND s.level = ANY(${[...SUSPENDING_LEVELS]}::"SanctionLevel"[])
        AND (s."startsAt" IS NULL OR s."startsAt" <= ${now}) AND (s."endsAt" IS NULL OR s."endsAt" > ${now})
      ORDER BY v.id, s.level DESC, s."startsAt" DESC`,
    ),
  ]);
  const spread = await spreadOf;
  const sum = (rs: typeof rows): OrderCounts => ({
    orders: rs.reduce((a, r) => a + r.orders, 0),
    escalated: rs.reduce((a, r) => a + r.escalated, 0),
    reserve: rs.reduce((a, r) => a + r.reserve, 0),
  });
  const inPeriod = rows.filter((r) => r.inPeriod);
  const out = new Set(sanctioned.map((s) => s.vendorId));
  return {
    months: monthsOf(fy).map((m) => {
      const month = m.from.slice(0, 7);
      return { month, ...sum(rows.filter((r) => r.month === month)) };
    }),
    byOpd: opds
      .map((o) => ({ opdId: o.id, code: o.code, name: o.name, ...sum(inPeriod.filter((r) => r.opdId === o.id)) }))
      .filter((o) => o.orders > 0),
    total: sum(inPeriod),
    sanctionCounts: {
      SP2: sanctioned.filter((x) => x.level === "SP2").length,
      SP3: sanctioned.filter((x) => x.level === "SP3").length,
    },
    sanctioned: sanctioned.sort((a, b) => a.code.localeCompare(b.code)),
    gini: giniOf(spread.vendors.map((v) => v.awarded)),
    giniWithoutSanctioned: giniOf(spread.vendors.filter((v) => !out.has(v.id)).map((v) => v.awarded)),
  };
}

/** What the public page shows: the counts and the effect, not which UMKM are sanctioned. */
export function publicResilience(r: Resilience): Resilience {
  return { ...r, sanctioned: [] };
}
