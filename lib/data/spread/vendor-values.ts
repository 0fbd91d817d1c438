// Awarded value per UMKM in a fiscal year, over every UMKM the decree in force allocates (plus any other
// vendor awarded something that year), so UMKM with nothing count as zeros. Shared by the mayor's
// figures and each vendor's place in the spread.
import type { Tx } from "@/lib/db/client";
import { findDecreeInForce } from "@/lib/data/decree/find-decree-in-force";
import { spendByVendor } from "@/lib/data/dashboard/spend-by-vendor";
import { wibDay } from "@/lib/format";

export interface VendorValues {
  /** vendorId → awarded value (accepted + delivered orders delivered in the year). */
  values: Map<string, number>;
  /** Value of the year's accepted, not yet delivered orders. */
  committed: number;
  /** Value of the year's delivered orders. */
  delivered: number;
  allocatedIds: Set<string>;
}

/** From the SpendDaily rollup (kept current by the orders' own trigger), not from every order of the year. */
export async function vendorValuesOfYear(tx: Tx, fiscalYear: number, today: Date): Promise<VendorValues> {
  const decree = await findDecreeInForce(tx, wibDay(today));
  const [allocated, spend] = await Promise.all([
    decree
      ? tx.allocation.findMany({ where: { decreeId: decree.id }, distinct: ["vendorId"], select: { vendorId: true } })
      : Promise.resolve([]),
    spendByVendor(tx, { from: `${fiscalYear}-01-01`, to: `${fiscalYear}-12-31` }),
  ]);
  const values = new Map<string, number>(allocated.map((a) => [a.vendorId, 0]));
  let committed = 0;
  let delivered = 0;
  for (const s of spend) {
    values.set(s.vendorId, (values.get(s.vendorId) ?? 0) + s.awardedValue);
    committed += s.awardedValue - s.deliveredValue;
    delivered += s.deliveredValue;
  }
  return { values, committed, delivered, allocatedIds: new Set(allocated.map((a) => a.vendorId)) };
}
