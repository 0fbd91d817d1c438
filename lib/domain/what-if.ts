// What-if: replay a set of orders through the routing rule under a decree's allocations, in memory, and
// measure the spread. Every order goes to the first-ranked eligible UMKM of its OPD's pool (nobody declines
// or fails), with each vendor's capacity per day and its days off — the rule in lib/domain/routing.ts,
// applied exactly; only the history starts from zero at the beginning of the replay.
import { distributionOf, type Distribution } from "@/lib/domain/fairness";
import { rankPool, type PoolVendor } from "@/lib/domain/routing";
import type { EkatalogStatus, MenuCategory, ProcurementMethod, VendorStatus } from "@/lib/generated/prisma/enums";

export interface ReplayOrder {
  id: string;
  opdId: string;
  category: MenuCategory;
  method: ProcurementMethod;
  pax: number;
  total: number;
  /** WIB day, "YYYY-MM-DD". */
  day: string;
}

export interface ReplayVendor {
  id: string;
  code: string;
  name: string;
  status: VendorStatus;
  suspended: boolean;
  categories: readonly MenuCategory[];
  capacityPax: number;
  ekatalogStatus: EkatalogStatus;
  unavailableDays: ReadonlySet<string>;
}

/** opdId → its pool: vendorId and weight. */
export type Allocations = ReadonlyMap<string, readonly { vendorId: string; weight: number }[]>;

export interface ReplayResult {
  /** vendorId → value awarded in the replay. */
  values: Map<string, number>;
  orders: number;
  /** Orders no UMKM of the pool could take (they would be escalated). */
  unserved: number;
  distribution: Distribution;
}

/**
 * Replays `orders` (in the given order) under `allocations`. The spread is measured over `scope` — every
 * vendor that should count (for a comparison, the same scope for both decrees), zeros included.
 */
export function replay(
  orders: readonly ReplayOrder[],
  allocations: Allocations,
  vendors: ReadonlyMap<string, ReplayVendor>,
  scope: readonly string[],
  ePurchasingRequiresTayang: boolean,
): ReplayResult {
  const awarded = new Map<string, bigint>();
  const counts = new Map<string, number>();
  const last = new Map<string, number>();
  const dayLoad = new Map<string, number>();
  let unserved = 0;
  orders.forEach((o, index) => {
    const pool: PoolVendor[] = [];
    for (const a of allocations.get(o.opdId) ?? []) {
      const v = vendors.get(a.vendorId);
      if (!v) continue;
      pool.push({
        vendorId: v.id,
        code: v.code,
        name: v.name,
        weight: a.weight,
        status: v.status,
        suspended: v.suspended,
        categories: v.categories,
        unavailableOnDay: v.unavailableDays.has(o.day),
        ekatalogStatus: v.ekatalogStatus,
        capacityPax: v.capacityPax,
        bookedPax: dayLoad.get(`${v.id}|${o.day}`) ?? 0,
        awardedValue: awarded.get(v.id) ?? 0n,
        pendingValue: 0n,
        awardedOrders: counts.get(v.id) ?? 0,
        lastAwardAt: last.has(v.id) ? new Date(last.get(v.id)!) : null,
        priorOutcome: null,
      });
    }
    const chosen = rankPool(
      { orderId: o.id, category: o.category, pax: o.pax, method: o.method },
      pool,
      ePurchasingRequiresTayang,
    ).candidates[0];
    if (!chosen) {
      unserved += 1;
      return;
    }
    awarded.set(chosen.vendorId, (awarded.get(chosen.vendorId) ?? 0n) + BigInt(o.total));
    counts.set(chosen.vendorId, (counts.get(chosen.vendorId) ?? 0) + 1);
    last.set(chosen.vendorId, index);
    const key = `${chosen.vendorId}|${o.day}`;
    dayLoad.set(key, (dayLoad.get(key) ?? 0) + o.pax);
  });
  const values = new Map(scope.map((id) => [id, Number(awarded.get(id) ?? 0n)]));
  return { values, orders: orders.length, unserved, distribution: distributionOf([...values.values()]) };
}
