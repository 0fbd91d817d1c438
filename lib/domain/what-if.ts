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

/** A deterministic pseudo-random sequence (mulberry32), so a synthetic year is the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A synthetic fiscal year of orders for a city without enough history: each OPD orders `perMonth` times a
 * month on working days, 10–100 portions, mostly meals, at the given prices per portion.
 */
export function syntheticYear(
  opdIds: readonly string[],
  year: number,
  perMonth: number,
  pricePerPax: Partial<Record<MenuCategory, number>>,
  seed = 2026,
): ReplayOrder[] {
  const next = random(seed);
  const orders: ReplayOrder[] = [];
  const categories: MenuCategory[] = ["MAKAN", "MAKAN", "MAKAN", "KUDAPAN", "KUDAPAN"];
  for (let month = 0; month < 12; month++) {
    for (const opdId of opdIds) {
      for (let k = 0; k < perMonth; k++) {
        const date = new Date(Date.UTC(year, month, 1 + Math.floor(next() * 28)));
        // Saturday/Sunday → the Monday after.
        const dow = date.getUTCDay();
        if (dow === 0 || dow === 6) date.setUTCDate(date.getUTCDate() + (dow === 6 ? 2 : 1));
        const category = categories[Math.floor(next() * categories.length)] ?? "MAKAN";
        const price = pricePerPax[category] ?? pricePerPax.MAKAN ?? 35_000;
        const pax = 10 + Math.floor(next() * 91);
        orders.push({
          id: `syn-${year}-${month}-${opdId}-${k}`,
          opdId,
          category,
          method: "PENGADAAN_LANGSUNG",
          pax,
          total: pax * price,
          day: date.toISOString().slice(0, 10),
        });
      }
    }
  }
  return orders.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.id < b.id ? -1 : 1));
}
