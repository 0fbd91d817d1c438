// The spread of awarded value over UMKM for a period, city-wide or for one OPD: every UMKM the decree in force
// (on the period's last day, or today) allocates — the OPD's pool for one OPD — plus any other UMKM awarded
// something, zeros included. Metrics from lib/domain/fairness over the spend rollups.
import type { Tx } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import { decreeInForceSql } from "@/lib/db/sql/decree";
import { spendByVendorSql } from "@/lib/db/sql/spend";
import { Prisma } from "@/lib/generated/prisma/client";
import { queryRows } from "@/lib/db/sql/decode";
import { bool, int8, row, rupiah, text, uuid } from "@/lib/db/sql/columns";
import { distributionOf, readGini, type Distribution, type EvennessReading } from "@/lib/domain/fairness";
import { lorenzPoints, type Period } from "@/lib/domain/period";
import { dayAsDate, wibDay } from "@/lib/format";

export interface Spread {
  period: Period;
  opdId: string | null;
  awarded: number;
  delivered: number;
  distribution: Distribution;
  reading: EvennessReading;
  lorenz: { vendors: number; value: number }[];
  vendors: {
    id: string;
    code: string;
    name: string;
    /** Named by the decree in force (for the OPD, when one); else only awarded something in the period. */
    allocated: boolean;
    awarded: number;
    delivered: number;
    orders: number;
  }[];
  unpaid: { id: string; code: string; name: string }[];
}

const getSpreadRow = row({
  id: uuid,
  code: text,
  name: text,
  allocated: bool,
  awarded: rupiah,
  delivered: rupiah,
  orders: int8,
});

export async function getSpread(
  tx: Tx,
  opts: { clock: Clock; period: Period; opdId?: string | null },
): Promise<Spread> {
  const { clock, period, opdId = null } = opts;
  const today = wibDay(clock.now());
  const scope = { from: period.from, to: period.to, ...(opdId ? { opdId } : {}) };
  // One round trip: the UMKM the decree in force allocates (to the OPD, if one) and every UMKM awarded
  // something in the scope, with their sums.
  const rows = await queryRows(
    tx,
    "getSpread",
    getSpreadRow,
    Prisma.sql`
    WITH d AS (${decreeInForceSql(dayAsDate(period.to < today ? period.to : today))}),
    s AS (${spendByVendorSql(scope)}),
    al AS (SELECT DISTINCT a."vendorId" FROM "Allocation" a WHERE a."decreeId" = (SELECT id FROM d)
           ${opdId ? Prisma.sql`AND a."opdId" = ${opdId}::uuid` : Prisma.empty})
    SELECT v.id, v.code, v.name, v.id IN (SELECT "vendorId" FROM al) AS allocated, COALESCE(s."awardedValue", 0)::bigint AS awarded,
           COALESCE(s."deliveredValue", 0)::bigint AS delivered, COALESCE(s."awardedCount", 0)::bigint AS orders
    FROM "Vendor" v LEFT JOIN s ON s."vendorId" = v.id
    WHERE v.id IN (SELECT "vendorId" FROM al) OR s."vendorId" IS NOT NULL`,
  );
  const vendors = rows
    .map((r) => ({ ...r, orders: Number(r.orders) }))
    .sort((a, b) => b.awarded - a.awarded || a.code.localeCompare(b.code));
  const values = vendors.map((v) => v.awarded);
  const distribution = distributionOf(values);
  return {
    period,
    opdId,
    awarded: distribution.total,
    delivered: vendors.reduce((sum, v) => sum + v.delivered, 0),
    distribution,
    reading: readGini(distribution.gini),
    lorenz: lorenzPoints(values),
    vendors,
    unpaid: vendors.filter((v) => v.awarded === 0).map(({ id, code, name }) => ({ id, code, name })),
  };
}
