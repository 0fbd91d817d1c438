// Awarded value per UMKM in a fiscal year, over every UMKM the decree in force allocates (plus any other
// vendor awarded something that year), so UMKM with nothing count as zeros. Shared by the mayor's
// figures and each vendor's place in the spread.
import type { Tx } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import { getSpread } from "@/lib/data/dashboard/get-spread";
import { parsePeriod } from "@/lib/domain/period";

export interface VendorValues {
  /** vendorId → awarded value (accepted + delivered orders delivered in the year). */
  values: Map<string, number>;
  /** Value of the year's accepted, not yet delivered orders. */
  committed: number;
  /** Value of the year's delivered orders. */
  delivered: number;
  allocatedIds: Set<string>;
  names: Map<string, { code: string; name: string }>;
}

/** The fiscal year's spread (getSpread, from the rollups) as a map, with the year's committed and delivered value. */
export async function vendorValuesOfYear(tx: Tx, opts: { clock: Clock; fiscalYear: number }): Promise<VendorValues> {
  const { clock, fiscalYear } = opts;
  const spread = await getSpread(tx, { clock, period: parsePeriod(`year:${fiscalYear}`)! });
  const values = new Map<string, number>();
  let committed = 0;
  let delivered = 0;
  for (const v of spread.vendors) {
    values.set(v.id, v.awarded);
    committed += v.awarded - v.delivered;
    delivered += v.delivered;
  }
  return {
    values,
    committed,
    delivered,
    allocatedIds: new Set(spread.vendors.filter((v) => v.allocated).map((v) => v.id)),
    names: new Map(spread.vendors.map((v) => [v.id, { code: v.code, name: v.name }])),
  };
}
