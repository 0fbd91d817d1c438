// The routing rule (DESIGN.md §3), as pure functions: who in the decree's pool is eligible for an
// order, why the others are not, and in which order the eligible ones are asked.
import type { EkatalogStatus, MenuCategory, ProcurementMethod, VendorStatus } from "@/lib/generated/prisma/enums";

export const EXCLUSION_REASONS = [
  "NOT_ACTIVE",
  "SUSPENDED",
  "CATEGORY_NOT_OFFERED",
  "UNAVAILABLE_DAY",
  "NO_CAPACITY",
  "DECLINED_THIS_ORDER",
  "EXPIRED_THIS_ORDER",
  "FAILED_THIS_ORDER",
  "NOT_TAYANG",
] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

/** One vendor of the pool, with its standing at the moment of the decision. */
export interface PoolVendor {
  vendorId: string;
  code: string;
  name: string;
  weight: number;
  status: VendorStatus;
  /** Under a confirmed SP2/SP3 sanction in force now. */
  suspended: boolean;
  categories: readonly MenuCategory[];
  unavailableOnDay: boolean;
  ekatalogStatus: EkatalogStatus;
  capacityPax: number;
  /** Pax already held that day by its pending and accepted offers. */
  bookedPax: number;
  /** Fiscal-year value of offers it accepted (including ones it later failed). */
  awardedValue: bigint;
  /** Value held by its pending offers. */
  pendingValue: bigint;
  awardedOrders: number;
  lastAwardAt: Date | null;
  /** How this vendor's earlier offer for this same order ended, if it had one. */
  priorOutcome: "DECLINED" | "EXPIRED" | "FAILED" | "WITHDRAWN" | null;
}

export interface OrderToRoute {
  orderId: string;
  category: MenuCategory;
  pax: number;
  method: ProcurementMethod;
}

export interface RankedCandidate {
  vendorId: string;
  code: string;
  name: string;
  rank: number;
  weight: number;
  awardedValue: number;
  pendingValue: number;
  /** (awarded + pending) / weight, in rupiah. */
  weightedTotal: number;
  awardedOrders: number;
  lastAwardAt: string | null;
}

export interface Exclusion {
  vendorId: string;
  code: string;
  name: string;
  reason: ExclusionReason;
}

export function exclusionReason(
  order: OrderToRoute,
  v: PoolVendor,
  ePurchasingRequiresTayang: boolean,
): ExclusionReason | null {
  if (v.priorOutcome === "DECLINED") return "DECLINED_THIS_ORDER";
  if (v.priorOutcome === "EXPIRED") return "EXPIRED_THIS_ORDER";
  if (v.priorOutcome === "FAILED") return "FAILED_THIS_ORDER";
  if (v.status !== "ACTIVE") return "NOT_ACTIVE";
  if (v.suspended) return "SUSPENDED";
  if (!v.categories.includes(order.category)) return "CATEGORY_NOT_OFFERED";
  if (v.unavailableOnDay) return "UNAVAILABLE_DAY";
  if (v.bookedPax + order.pax > v.capacityPax) return "NO_CAPACITY";
  if (ePurchasingRequiresTayang && order.method === "E_PURCHASING" && v.ekatalogStatus !== "TAYANG")
    return "NOT_TAYANG";
  return null;
}

/** FNV-1a over "orderId|vendorId": the last, stable tie-break. */
export function stableHash(orderId: string, vendorId: string): number {
  let h = 0x811c9dc5;
  const s = `${orderId}|${vendorId}`;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * Negative when `a` should be asked before `b`: least (awarded + pending) / weight, compared exactly
 * as cross-products of integers; then fewer awarded orders; then longest since last award (never first);
 * then the stable hash.
 */
export function compareStanding(a: PoolVendor, b: PoolVendor, orderId: string): number {
  const lhs = (a.awardedValue + a.pendingValue) * BigInt(b.weight);
  const rhs = (b.awardedValue + b.pendingValue) * BigInt(a.weight);
  if (lhs !== rhs) return lhs < rhs ? -1 : 1;
  if (a.awardedOrders !== b.awardedOrders) return a.awardedOrders - b.awardedOrders;
  const at = a.lastAwardAt?.getTime() ?? -Infinity;
  const bt = b.lastAwardAt?.getTime() ?? -Infinity;
  if (at !== bt) return at < bt ? -1 : 1;
  const ha = stableHash(orderId, a.vendorId);
  const hb = stableHash(orderId, b.vendorId);
  if (ha !== hb) return ha - hb;
  return a.vendorId < b.vendorId ? -1 : a.vendorId > b.vendorId ? 1 : 0;
}

export function rankPool(
  order: OrderToRoute,
  pool: readonly PoolVendor[],
  ePurchasingRequiresTayang: boolean,
): { candidates: RankedCandidate[]; exclusions: Exclusion[] } {
  const eligible: PoolVendor[] = [];
  const exclusions: Exclusion[] = [];
  for (const v of pool) {
    const reason = exclusionReason(order, v, ePurchasingRequiresTayang);
    if (reason) exclusions.push({ vendorId: v.vendorId, code: v.code, name: v.name, reason });
    else eligible.push(v);
  }
  eligible.sort((a, b) => compareStanding(a, b, order.orderId));
  const candidates = eligible.map((v, i) => ({
    vendorId: v.vendorId,
    code: v.code,
    name: v.name,
    rank: i + 1,
    weight: v.weight,
    awardedValue: Number(v.awardedValue),
    pendingValue: Number(v.pendingValue),
    weightedTotal: Number(v.awardedValue + v.pendingValue) / v.weight,
    awardedOrders: v.awardedOrders,
    lastAwardAt: v.lastAwardAt?.toISOString() ?? null,
  }));
  return { candidates, exclusions };
}

/**
 * When an offer made `now` must be answered: after the response window, but never later than the
 * minimum lead time before delivery. Null when that moment has already passed (too late to offer).
 */
export function offerDeadline(
  now: Date,
  deliveryAt: Date,
  responseWindowMinutes: number,
  minLeadMinutes: number,
): Date | null {
  const byWindow = now.getTime() + responseWindowMinutes * 60_000;
  const byLead = deliveryAt.getTime() - minLeadMinutes * 60_000;
  const deadline = Math.min(byWindow, byLead);
  return deadline > now.getTime() ? new Date(deadline) : null;
}
