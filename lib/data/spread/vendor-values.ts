// Awarded value per UMKM in a fiscal year, over every UMKM the decree in force allocates (plus any other
// vendor awarded something that year), so UMKM with nothing count as zeros. Shared by the mayor's
// figures and each vendor's place in the spread.
import type { Tx } from "@/lib/db/client";
import { findDecreeInForce } from "@/lib/data/decree/find-decree-in-force";
import { AWARDED_STATUSES, rp } from "@/lib/data/money";
import { fiscalYearRange, wibDay } from "@/lib/format";

export interface VendorValues {
  /** vendorId → awarded value (accepted + delivered orders delivered in the year). */
  values: Map<string, number>;
  /** Value of the year's accepted, not yet delivered orders. */
  committed: number;
  allocatedIds: Set<string>;
}

export async function vendorValuesOfYear(tx: Tx, fiscalYear: number, today: Date): Promise<VendorValues> {
  const { start, end } = fiscalYearRange(fiscalYear);
  const decree = await findDecreeInForce(tx, wibDay(today));
  const [allocated, awarded] = await Promise.all([
    decree
      ? tx.allocation.findMany({ where: { decreeId: decree.id }, distinct: ["vendorId"], select: { vendorId: true } })
      : Promise.resolve([]),
    tx.order.groupBy({
      by: ["vendorId", "status"],
      where: { status: { in: [...AWARDED_STATUSES] }, deliveryAt: { gte: start, lt: end }, vendorId: { not: null } },
      _sum: { total: true },
    }),
  ]);
  const values = new Map<string, number>(allocated.map((a) => [a.vendorId, 0]));
  let committed = 0;
  for (const g of awarded) {
    if (!g.vendorId) continue;
    const v = rp(g._sum.total);
    values.set(g.vendorId, (values.get(g.vendorId) ?? 0) + v);
    if (g.status === "ACCEPTED") committed += v;
  }
  return { values, committed, allocatedIds: new Set(allocated.map((a) => a.vendorId)) };
}
