import type { Tx } from "@/lib/db/client";
import { requireOneOf } from "@/lib/data/authorise";
import type { Actor } from "@/lib/data/audit";
import type { Clock } from "@/lib/clock";
import { fiscalYearOf } from "@/lib/format";
import { rp } from "@/lib/domain/money";
import { vendorValuesOfYear } from "@/lib/data/spread/vendor-values";
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
/** The mayor's home: the year's spread at a glance (the mayor's office and the admins). */
export async function getMayorHome(tx: Tx, opts: { clock: Clock; actor: Actor }): Promise<MayorHome> {
  requireOneOf(opts.actor, "MAYOR", "ADMIN");
  const { clock } = opts;
  const now = clock.now();
  const fiscalYear = fiscalYearOf(now);
  const [{ values: valueByVendor, committed, delivered, allocatedIds, names }, pagu] = await Promise.all([
    vendorValuesOfYear(tx, { clock, fiscalYear }),
    tx.budget.aggregate({ where: { fiscalYear }, _sum: { pagu: true } }),
  ]);
  const vendors = [...names].map(([id, v]) => ({ id, ...v })).sort((a, b) => a.code.localeCompare(b.code));
  const rows = vendors.map((v) => ({ code: v.code, name: v.name, value: valueByVendor.get(v.id) ?? 0 }));
  const distribution = distributionOf(rows.map((r) => r.value));
  return {
    fiscalYear,
    spend: delivered,
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
