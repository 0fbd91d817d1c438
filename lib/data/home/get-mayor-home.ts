import type { Tx } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import { fiscalYearOf, fiscalYearRange, wibDay } from "@/lib/format";
import { AWARDED_STATUSES, rp } from "@/lib/data/money";
import { findDecreeInForce } from "@/lib/data/decree/find-decree-in-force";
import { distributionOf, readGini, type Distribution, type EvennessReading } from "@/lib/domain/fairness";

export interface MayorHome {
  fiscalYear: number;
  /** Value of delivered orders this fiscal year. */
  spend: number;
  /** Value accepted but not yet delivered. */
  committed: number;
  pagu: number;
  allocatedVendors: number;
  paidVendors: number;
  distribution: Distribution;
  reading: EvennessReading;
  unpaidVendors: { code: string; name: string }[];
  topVendors: { code: string; name: string; value: number }[];
}

/**
 * The mayor's at-a-glance numbers. The spread is measured over every UMKM the decree in force
 * allocates (plus any other vendor that was awarded something this year), so UMKM with nothing
 * count as zeros in the Gini instead of disappearing from it.
 */
export async function getMayorHome(tx: Tx, clock: Clock): Promise<MayorHome> {
  const now = clock.now();
  const fiscalYear = fiscalYearOf(now);
  const { start, end } = fiscalYearRange(fiscalYear);
  const decree = await findDecreeInForce(tx, wibDay(now));
  const [allocated, awarded, delivered, pagu] = await Promise.all([
    decree
      ? tx.allocation.findMany({ where: { decreeId: decree.id }, distinct: ["vendorId"], select: { vendorId: true } })
      : Promise.resolve([]),
    tx.order.groupBy({
      by: ["vendorId", "status"],
      where: { status: { in: [...AWARDED_STATUSES] }, deliveryAt: { gte: start, lt: end }, vendorId: { not: null } },
      _sum: { total: true },
    }),
    tx.order.aggregate({ where: { status: "DELIVERED", deliveryAt: { gte: start, lt: end } }, _sum: { total: true } }),
    tx.budget.aggregate({ where: { fiscalYear }, _sum: { pagu: true } }),
  ]);
  const valueByVendor = new Map<string, number>(allocated.map((a) => [a.vendorId, 0]));
  let committed = 0;
  for (const g of awarded) {
    if (!g.vendorId) continue;
    const v = rp(g._sum.total);
    valueByVendor.set(g.vendorId, (valueByVendor.get(g.vendorId) ?? 0) + v);
    if (g.status === "ACCEPTED") committed += v;
  }
  const vendors = await tx.vendor.findMany({
    where: { id: { in: [...valueByVendor.keys()] } },
    select: { id: true, code: true, name: true },
    orderBy: { code: "asc" },
  });
  const rows = vendors.map((v) => ({ code: v.code, name: v.name, value: valueByVendor.get(v.id) ?? 0 }));
  const distribution = distributionOf(rows.map((r) => r.value));
  const allocatedIds = new Set(allocated.map((a) => a.vendorId));
  return {
    fiscalYear,
    spend: rp(delivered._sum.total),
    committed,
    pagu: rp(pagu._sum.pagu),
    allocatedVendors: allocatedIds.size,
    paidVendors: vendors.filter((v) => allocatedIds.has(v.id) && (valueByVendor.get(v.id) ?? 0) > 0).length,
    distribution,
    reading: readGini(distribution.gini),
    unpaidVendors: rows.filter((r) => r.value === 0).map(({ code, name }) => ({ code, name })),
    topVendors: [...rows].sort((a, b) => b.value - a.value).slice(0, 5),
  };
}
