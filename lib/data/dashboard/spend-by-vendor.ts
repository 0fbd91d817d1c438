// Awarded and delivered value per UMKM over a period (city-wide or one OPD), read from the SpendDaily rollup
// that a trigger keeps current with every order change — so the figures are never stale and the query
// touches days × pairs, not every order. `spendByVendorFromOrders` is the same figure straight from the
// orders: the floor the dashboard benchmark compares against, and the check of the rollup in tests.
import type { Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";

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

type Row = {
  vendorId: string;
  awardedValue: bigint;
  awardedCount: bigint;
  deliveredValue: bigint;
  deliveredCount: bigint;
};

const toSpend = (r: Row): VendorSpend => ({
  vendorId: r.vendorId,
  awardedValue: Number(r.awardedValue),
  awardedCount: Number(r.awardedCount),
  deliveredValue: Number(r.deliveredValue),
  deliveredCount: Number(r.deliveredCount),
});

const opdFilter = (column: Prisma.Sql, opdId?: string) =>
  opdId ? Prisma.sql`AND ${column} = ${opdId}::uuid` : Prisma.empty;

export async function spendByVendor(tx: Tx, scope: SpendScope): Promise<VendorSpend[]> {
  const rows = await tx.$queryRaw<Row[]>`
    SELECT s."vendorId", sum(s."awardedValue")::bigint AS "awardedValue", sum(s."awardedCount")::bigint AS "awardedCount",
           sum(s."deliveredValue")::bigint AS "deliveredValue", sum(s."deliveredCount")::bigint AS "deliveredCount"
    FROM "SpendDaily" s
    WHERE s.day BETWEEN ${scope.from}::date AND ${scope.to}::date ${opdFilter(Prisma.sql`s."opdId"`, scope.opdId)}
    GROUP BY s."vendorId"
    HAVING sum(s."awardedCount") > 0
    ORDER BY s."vendorId"`;
  return rows.map(toSpend);
}

export async function spendByVendorFromOrders(tx: Tx, scope: SpendScope): Promise<VendorSpend[]> {
  const rows = await tx.$queryRaw<Row[]>`
    SELECT o."vendorId", sum(o.total)::bigint AS "awardedValue", count(*)::bigint AS "awardedCount",
           COALESCE(sum(o.total) FILTER (WHERE o.status = 'DELIVERED'), 0)::bigint AS "deliveredValue",
           count(*) FILTER (WHERE o.status = 'DELIVERED')::bigint AS "deliveredCount"
    FROM "Order" o
    WHERE o."vendorId" IS NOT NULL AND o.status IN ('ACCEPTED', 'DELIVERED')
      AND o."deliveryDay" BETWEEN ${scope.from}::date AND ${scope.to}::date ${opdFilter(Prisma.sql`o."opdId"`, scope.opdId)}
    GROUP BY o."vendorId"
    ORDER BY o."vendorId"`;
  return rows.map(toSpend);
}
