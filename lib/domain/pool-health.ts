// Pool health (issue 15): which OPDs' pools have fewer than two UMKM able to take an order of a kind — a menu
// category, or e-purchasing (TAYANG only) — and why each of the others cannot; and the decree amendment that
// refills every thin pool with eligible UMKM not yet in it, the least-awarded first. Eligibility is routing's own
// rule (exclusionReason), asked of a day-independent order: nobody has declined it and no day is full.
import { exclusionReason, type ExclusionReason, type PoolVendor } from "@/lib/domain/routing";
import type { EkatalogStatus, MenuCategory, VendorStatus } from "@/lib/generated/prisma/enums";

/** A kind of order a pool must be able to serve: a menu category, or e-purchasing (any category, TAYANG only). */
export type PoolNeed = MenuCategory | "E_PURCHASING";

/** Fewer eligible UMKM than this for a need makes a pool thin (docs/ARCHITECTURE.md §3: "below two"). */
export const MIN_ELIGIBLE_PER_POOL = 2;

export interface HealthVendor {
  id: string;
  code: string;
  name: string;
  status: VendorStatus;
  /** Under a confirmed SP2/SP3 sanction in force now. */
  suspended: boolean;
  categories: readonly MenuCategory[];
  ekatalogStatus: EkatalogStatus;
  /** Value awarded this fiscal year, for choosing who refills a pool. */
  awardedValue: number;
  /** Its largest allocation weight in the decree (1 when it has none). */
  weight: number;
}

export interface ThinPool {
  opdId: string;
  need: PoolNeed;
  eligible: number;
  /** The pool's UMKM that cannot take this kind of order, and why. */
  missing: { vendorId: string; reason: ExclusionReason }[];
}

/** Why `v` cannot take an order of this kind, or null when it can — routing's rule, for any day. */
export function needExclusion(v: HealthVendor, need: PoolNeed, ePurchasingRequiresTayang: boolean) {
  const probe: PoolVendor = {
    vendorId: v.id,
    code: v.code,
    name: v.name,
    weight: v.weight,
    status: v.status,
    suspended: v.suspended,
    categories: v.categories,
    unavailableOnDay: false,
    ekatalogStatus: v.ekatalogStatus,
    capacityPax: 0,
    bookedPax: 0,
    awardedValue: 0n,
    pendingValue: 0n,
    awardedOrders: 0,
    lastAwardAt: null,
    priorOutcome: null,
  };
  if (need === "E_PURCHASING") {
    // Any category the vendor offers will do; what matters is that it is listed.
    const category = v.categories[0] ?? "MAKAN";
    return exclusionReason({ orderId: "", category, pax: 0, method: "E_PURCHASING" }, probe, ePurchasingRequiresTayang);
  }
  return exclusionReason({ orderId: "", category: need, pax: 0, method: "PENGADAAN_LANGSUNG" }, probe, true);
}

/**
 * The thin pools of a decree: for every OPD the decree covers (`opdIds`, pools possibly empty) and every need,
 * fewer than MIN_ELIGIBLE_PER_POOL eligible UMKM. Sorted by OPD then need as given.
 */
export function thinPools(
  opdIds: readonly string[],
  pools: ReadonlyMap<string, readonly string[]>,
  vendors: ReadonlyMap<string, HealthVendor>,
  needs: readonly PoolNeed[],
  ePurchasingRequiresTayang: boolean,
): ThinPool[] {
  const thin: ThinPool[] = [];
  for (const opdId of opdIds) {
    const pool = (pools.get(opdId) ?? []).map((id) => vendors.get(id)).filter((v) => v !== undefined);
    for (const need of needs) {
      const missing: ThinPool["missing"] = [];
      let eligible = 0;
      for (const v of pool) {
        const reason = needExclusion(v, need, ePurchasingRequiresTayang);
        if (reason) missing.push({ vendorId: v.id, reason });
        else eligible++;
      }
      if (eligible < MIN_ELIGIBLE_PER_POOL) thin.push({ opdId, need, eligible, missing });
    }
  }
  return thin;
}

export interface Amendment {
  /** Allocations to add: each refills a thin pool. */
  additions: { opdId: string; vendorId: string; need: PoolNeed }[];
  /** Thin pools nobody in the city can refill (no eligible UMKM left outside them). */
  unfilled: ThinPool[];
}

/**
 * The amendment that lifts every thin pool to MIN_ELIGIBLE_PER_POOL eligible UMKM, adding UMKM not yet in it. The
 * candidates are ranked like routing — least awarded value over weight — counting the pools each was already added
 * to in this amendment first, so no single UMKM absorbs every gap. A vendor added for one need that also serves
 * another need of the same pool counts for both.
 */
export function proposeAmendment(
  thin: readonly ThinPool[],
  pools: ReadonlyMap<string, readonly string[]>,
  vendors: ReadonlyMap<string, HealthVendor>,
  ePurchasingRequiresTayang: boolean,
): Amendment {
  const added = new Map<string, number>();
  const poolOf = new Map([...pools].map(([opdId, ids]) => [opdId, new Set(ids)]));
  const additions: Amendment["additions"] = [];
  const unfilled: ThinPool[] = [];
  const roster = [...vendors.values()];
  for (const gap of thin) {
    const members = poolOf.get(gap.opdId) ?? new Set<string>();
    poolOf.set(gap.opdId, members);
    // Count again: an addition for an earlier need of this pool may already serve this one.
    let eligible = [...members].filter((id) => {
      const v = vendors.get(id);
      return v && needExclusion(v, gap.need, ePurchasingRequiresTayang) === null;
    }).length;
    const candidates = roster
      .filter((v) => !members.has(v.id) && needExclusion(v, gap.need, ePurchasingRequiresTayang) === null)
      .sort(
        (a, b) =>
          (added.get(a.id) ?? 0) - (added.get(b.id) ?? 0) ||
          a.awardedValue / a.weight - b.awardedValue / b.weight ||
          a.code.localeCompare(b.code),
      );
    for (const v of candidates) {
      if (eligible >= MIN_ELIGIBLE_PER_POOL) break;
      members.add(v.id);
      added.set(v.id, (added.get(v.id) ?? 0) + 1);
      additions.push({ opdId: gap.opdId, vendorId: v.id, need: gap.need });
      eligible++;
    }
    if (eligible < MIN_ELIGIBLE_PER_POOL) unfilled.push({ ...gap, eligible });
  }
  return { additions, unfilled };
}

/** Why a UMKM of the decree cannot be offered some orders, or any (issue 17, item 8). */
export type OfferGap = "NO_MENU" | "NO_PRICED_CATEGORY" | "NOT_TAYANG";

/**
 * The decree's active UMKM that routing cannot offer every kind of order to: no menu at all or no category with a
 * price ceiling this year (nothing can be offered to them), or not TAYANG on e-Katalog while e-purchasing requires it
 * (no e-purchasing order). Suspended and removed UMKM are the sanction queue's, not listed here.
 */
export function offerGaps(
  vendors: Iterable<Pick<HealthVendor, "id" | "status" | "suspended" | "categories" | "ekatalogStatus">>,
  allocated: ReadonlySet<string>,
  needs: readonly PoolNeed[],
  ePurchasingRequiresTayang: boolean,
): { vendorId: string; gap: OfferGap }[] {
  const priced = needs.filter((n): n is MenuCategory => n !== "E_PURCHASING");
  const out: { vendorId: string; gap: OfferGap }[] = [];
  for (const v of vendors) {
    if (!allocated.has(v.id) || v.status !== "ACTIVE" || v.suspended) continue;
    if (v.categories.length === 0) out.push({ vendorId: v.id, gap: "NO_MENU" });
    else if (!v.categories.some((c) => priced.includes(c))) out.push({ vendorId: v.id, gap: "NO_PRICED_CATEGORY" });
    else if (ePurchasingRequiresTayang && v.ekatalogStatus !== "TAYANG")
      out.push({ vendorId: v.id, gap: "NOT_TAYANG" });
  }
  return out;
}
