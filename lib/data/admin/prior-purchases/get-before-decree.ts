// The concentration before the decree, for the dashboard's before/after comparison (a part of getDashboard, which
// authorises its reader): the latest imported year's value per supplier, measured with the same metrics as the spread.
import type { Tx } from "@/lib/db/client";
import { distributionOf, readGini, type Distribution, type EvennessReading } from "@/lib/domain/fairness";

export interface BeforeDecree {
  fiscalYear: number;
  total: number;
  distribution: Distribution;
  reading: EvennessReading;
  top: { name: string; value: number }[];
}

/**
 * The concentration of the latest imported year before `beforeYear` (city-wide or one OPD): the value per
 * supplier, measured with the same metrics as the spread after the decree. Null when nothing was imported.
 */
export async function getBeforeDecree(
  tx: Tx,
  opts: { beforeYear: number; opdId: string | null },
): Promise<BeforeDecree | null> {
  const { beforeYear, opdId } = opts;
  const latest = await tx.priorPurchase.findFirst({
    where: { fiscalYear: { lt: beforeYear } },
    orderBy: { fiscalYear: "desc" },
    select: { fiscalYear: true },
  });
  if (!latest) return null;
  const groups = await tx.priorPurchase.groupBy({
    by: ["supplierKey"],
    where: { fiscalYear: latest.fiscalYear, ...(opdId ? { opdId } : {}) },
    _sum: { amount: true },
    _min: { supplierName: true },
  });
  const rows = groups
    .map((g) => ({ name: g._min.supplierName ?? g.supplierKey, value: Number(g._sum.amount ?? 0) }))
    .sort((a, b) => b.value - a.value);
  const distribution = distributionOf(rows.map((r) => r.value));
  return {
    fiscalYear: latest.fiscalYear,
    total: distribution.total,
    distribution,
    reading: readGini(distribution.gini),
    top: rows.slice(0, 5),
  };
}
