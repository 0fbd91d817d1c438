// Awarded and delivered value per UMKM over a period (city-wide or one OPD), read from the rollups that a
// trigger keeps current with every order change (SpendMonthly for whole months, SpendDaily for the days of a
// partial month at either end) — so the figures are never stale and the query touches months × pairs, not
// every order. `spendByVendorFromOrders` is the same figure straight from the
// orders: the floor the dashboard benchmark compares against, and the check of the rollup in tests.
import { z } from "zod";
import type { Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { queryRows } from "@/lib/db/sql/decode";

export interface SpendScope {
  /** Inclusive WIB days, "YYYY-MM-DD". */
  from: string;
  to: string;
  opdId?: string;
}

export interface VendorSpend {
  vendorId: string;
  awardedValue: number;
  awardedCount: number;
  deliveredValue: number;
  deliveredCount: number;
}

/** A per-UMKM row of spendByVendorSql (and of the same figure from the orders), decoded. */
const spendRow = z
  .object({
    vendorId: z.string(),
    awardedValue: z.bigint(),
    awardedCount: z.bigint(),
    deliveredValue: z.bigint(),
    deliveredCount: z.bigint(),
  })
  .transform((r): VendorSpend => ({
    vendorId: r.vendorId,
    awardedValue: Number(r.awardedValue),
    awardedCount: Number(r.awardedCount),
    deliveredValue: Number(r.deliveredValue),
    deliveredCount: Number(r.deliveredCount),
  }));

const opdFilter = (column: Prisma.Sql, opdId?: string) =>
  opdId ? Prisma.sql`AND ${column} = ${opdId}::uuid` : Prisma.empty;

const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * The rollup rows covering the inclusive WIB days [from, to] (optionally one OPD's), as a subquery with the
 * columns day (a month's rows carry its first day), opdId, vendorId and the four measures: whole months from
 * SpendMonthly, the days of a partial month at either end from SpendDaily.
 */
export function spendSpanSql(from: string, to: string, opdId?: string): Prisma.Sql {
  const cols = Prisma.sql`"opdId", "vendorId", "awardedValue", "awardedCount", "deliveredValue", "deliveredCount"`;
  const opd = opdFilter(Prisma.sql`"opdId"`, opdId);
  const daily = (a: string, b: string) =>
    Prisma.sql`SELECT day, ${cols} FROM "SpendDaily" WHERE day BETWEEN ${a}::date AND ${b}::date ${opd}`;
  // The first whole month starts on `from` or on the next 1st; the last ends on `to` or before its month.
  const firstFull = from.endsWith("-01") ? from : `${addDays(`${from.slice(0, 7)}-01`, 32).slice(0, 7)}-01`;
  const afterTo = addDays(to, 1);
  const lastFullEnd = afterTo.endsWith("-01") ? to : addDays(`${to.slice(0, 7)}-01`, -1);
  if (firstFull > lastFullEnd) return Prisma.sql`(${daily(from, to)})`;
  const parts = [
    Prisma.sql`SELECT month AS day, ${cols} FROM "SpendMonthly" WHERE month BETWEEN ${firstFull}::date AND ${`${lastFullEnd.slice(0, 7)}-01`}::date ${opd}`,
  ];
  if (from < firstFull) parts.push(daily(from, addDays(firstFull, -1)));
  if (lastFullEnd < to) parts.push(daily(addDays(lastFullEnd, 1), to));
  return Prisma.sql`(${Prisma.join(parts, " UNION ALL ")})`;
}

/** The per-UMKM sums over a scope as one SELECT (vendors with at least one award), for use inside larger queries. */
export function spendByVendorSql(scope: SpendScope): Prisma.Sql {
  return Prisma.sql`
    SELECT s."vendorId", sum(s."awardedValue")::bigint AS "awardedValue", sum(s."awardedCount")::bigint AS "awardedCount",
           sum(s."deliveredValue")::bigint AS "deliveredValue", sum(s."deliveredCount")::bigint AS "deliveredCount"
    FROM ${spendSpanSql(scope.from, scope.to, scope.opdId)} s
    GROUP BY s."vendorId"
    HAVING sum(s."awardedCount") > 0`;
}

export async function spendByVendor(tx: Tx, scope: SpendScope): Promise<VendorSpend[]> {
  return queryRows(tx, "spend by vendor", spendRow, Prisma.sql`${spendByVendorSql(scope)} ORDER BY 1`);
}

export async function spendByVendorFromOrders(tx: Tx, scope: SpendScope): Promise<VendorSpend[]> {
  return queryRows(
    tx,
    "spend by vendor from orders",
    spendRow,
    Prisma.sql`
    SELECT o."vendorId", sum(o.total)::bigint AS "awardedValue", count(*)::bigint AS "awardedCount",
           COALESCE(sum(o.total) FILTER (WHERE o.status = 'DELIVERED'), 0)::bigint AS "deliveredValue",
           count(*) FILTER (WHERE o.status = 'DELIVERED')::bigint AS "deliveredCount"
    FROM "Order" o
    WHERE o."vendorId" IS NOT NULL AND o.status IN ('ACCEPTED', 'DELIVERED')
      AND o."deliveryDay" BETWEEN ${scope.from}::date AND ${scope.to}::date ${opdFilter(Prisma.sql`o."opdId"`, scope.opdId)}
    GROUP BY o."vendorId"
    ORDER BY o."vendorId"`,
  );
}
