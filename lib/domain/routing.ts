// The routing rule (docs/ARCHITECTURE.md §3), as pure functions: who in the decree's pool is eligible for an
// order, why the others are not, and in which order the eligible ones are asked.
import { offerTiming, type QuietHours } from "@/lib/domain/quiet-hours";
import type {
  EkatalogStatus,
  MenuCategory,
  OfferStatus,
  ProcurementMethod,
  VendorStatus,
} from "@/lib/generated/prisma/enums";

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
  /** Fiscal-year value of its awarded offers (AWARDED_OFFER_STATUSES: accepted, including ones it later failed). */
  awardedValue: bigint;
  /** Value held by its pending offers. */
  pendingValue: bigint;
  awardedOrders: number;
  lastAwardAt: Date | null;
  /** How this vendor's earlier offer for this same order ended, if it had one. */
  priorOutcome: PriorOutcome | null;
}

/**
 * What counts as awarded to a UMKM: an offer it accepted — delivered or not yet, or accepted and then failed (a failure
 * does not give the value back to the pool's standing; the sanction is the consequence). Mirrored in SQL by
 * `mm_pool_standings` / `mm_batch_standings` and the VendorYearAward rollup's trigger (status IN ('ACCEPTED',
 * 'FAILED')); tests/integration/batch-standings.test.ts and checkInvariants compare the SQL with this list.
 */
export const AWARDED_OFFER_STATUSES = ["ACCEPTED", "FAILED"] as const satisfies readonly OfferStatus[];

/** How a vendor's earlier offer for the same order ended, when routing asks the pool again. */
export const PRIOR_OUTCOMES = ["DECLINED", "EXPIRED", "FAILED", "WITHDRAWN"] as const satisfies readonly OfferStatus[];
export type PriorOutcome = (typeof PRIOR_OUTCOMES)[number];

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

/** The least time a vendor is given to answer an order placed at short notice. */
export const MIN_ANSWER_MINUTES = 15;

/**
 * The earliest delivery time an order placed at `now` can still be offered for, with at least MIN_ANSWER_MINUTES for
 * the vendor to answer before the lead time: later than this, routing can ask someone; earlier, it could only go to
 * an admin (TOO_LATE). Rounded up to the next quarter hour, as people write times.
 */
export function earliestRoutableDelivery(now: Date, minLeadMinutes: number): Date {
  const quarter = 15 * 60_000;
  const t = now.getTime() + (minLeadMinutes + MIN_ANSWER_MINUTES) * 60_000;
  return new Date(Math.ceil(t / quarter) * quarter);
}

/** Why an order went to the admins instead of a vendor. */
export const ESCALATION_REASONS = [
  "NO_DECREE",
  "EMPTY_POOL",
  "NO_ELIGIBLE_VENDOR",
  "NO_ELIGIBLE_IN_CITY",
  "TOO_LATE",
] as const;
export type EscalationReason = (typeof ESCALATION_REASONS)[number];

/** Where an offer's vendor came from: the OPD's own pool, or the decree's city-wide reserve (cadangan kota). */
export type RouteScope = "POOL" | "RESERVE";

export type Ranked = ReturnType<typeof rankPool>;

/** What routing decided for an order, before it is written. `reserve` is the reserve's ranking when it was consulted. */
export type RoutePlan =
  | {
      kind: "OFFER";
      scope: RouteScope;
      pool: Ranked;
      reserve: Ranked | null;
      chosen: RankedCandidate;
      expiresAt: Date;
      /** When the offer reaches the vendor's phone: now, or the end of the quiet hours (lib/domain/quiet-hours.ts). */
      sendAt: Date;
    }
  | { kind: "ESCALATE"; reason: EscalationReason; pool: Ranked; reserve: Ranked | null };

/** The plan cannot be made without the reserve's standings: read them (under the decree's locks) and plan again. */
export const NEEDS_RESERVE = { kind: "NEEDS_RESERVE" } as const;

const NOBODY: Ranked = { candidates: [], exclusions: [] };

/**
 * The routing rule for one order (docs/ARCHITECTURE.md §3 steps 1–4): the least-loaded eligible vendor of the OPD's pool;
 * when nobody in the pool is eligible (or the OPD has no pool), the least-loaded eligible UMKM among the rest of
 * the decree's UMKM — the city-wide reserve, ranked by the same rule — unless the setting turns it off; an admin
 * only when nobody in the city can take it, or it is too late to ask anyone.
 *
 * `reserve` is the standing of every other UMKM of the decree (each weighted by its largest allocation weight),
 * or `undefined` when not read yet: then a plan that needs it answers NEEDS_RESERVE.
 */
export function planRoute(
  order: OrderToRoute & { deliveryAt: Date },
  decreeId: string | null,
  pool: readonly PoolVendor[],
  reserve: readonly PoolVendor[] | undefined,
  now: Date,
  settings: {
    ePurchasingRequiresTayang: boolean;
    cityReserve: boolean;
    responseWindowMinutes: number;
    minLeadMinutes: number;
  } & Partial<QuietHours>,
): RoutePlan | typeof NEEDS_RESERVE {
  if (!decreeId) return { kind: "ESCALATE", reason: "NO_DECREE", pool: NOBODY, reserve: null };
  const ranked = rankPool(order, pool, settings.ePurchasingRequiresTayang);
  const timing = offerTiming(
    now,
    order.deliveryAt,
    {
      ...settings,
      quietHoursStart: settings.quietHoursStart ?? "00:00",
      quietHoursEnd: settings.quietHoursEnd ?? "00:00",
    },
    MIN_ANSWER_MINUTES,
  );
  const expiresAt = timing?.expiresAt ?? null;
  const sendAt = timing?.sendAt ?? now;
  const first = ranked.candidates[0];
  if (first) {
    if (!expiresAt) return { kind: "ESCALATE", reason: "TOO_LATE", pool: ranked, reserve: null };
    return { kind: "OFFER", scope: "POOL", pool: ranked, reserve: null, chosen: first, expiresAt, sendAt };
  }
  if (!settings.cityReserve)
    return {
      kind: "ESCALATE",
      reason: pool.length === 0 ? "EMPTY_POOL" : "NO_ELIGIBLE_VENDOR",
      pool: ranked,
      reserve: null,
    };
  if (!expiresAt) return { kind: "ESCALATE", reason: "TOO_LATE", pool: ranked, reserve: null };
  if (reserve === undefined) return NEEDS_RESERVE;
  const fromReserve = rankPool(order, reserve, settings.ePurchasingRequiresTayang);
  const chosen = fromReserve.candidates[0];
  if (!chosen) return { kind: "ESCALATE", reason: "NO_ELIGIBLE_IN_CITY", pool: ranked, reserve: fromReserve };
  return { kind: "OFFER", scope: "RESERVE", pool: ranked, reserve: fromReserve, chosen, expiresAt, sendAt };
}

/** The ranking a plan chose from (the reserve's when it went there), as recorded with the decision. */
export function decisionCandidates(plan: RoutePlan): RankedCandidate[] {
  if (plan.kind === "OFFER") return plan.scope === "RESERVE" ? plan.reserve!.candidates : plan.pool.candidates;
  return plan.reserve?.candidates ?? plan.pool.candidates;
}

/**
 * Each UMKM of the decree once, with its largest allocation weight. A vendor's standing is city-wide (its value
 * awarded by every OPD), so it is divided by one weight wherever it is ranked — in any pool and in the reserve —
 * not by a different weight in each pool, which no city-wide total could satisfy at once. (fairness.py measures
 * the spread with the same weights.)
 */
export function decreeWeights(allocations: readonly { vendorId: string; weight: number }[]): Map<string, number> {
  const weights = new Map<string, number>();
  for (const a of allocations) {
    const w = weights.get(a.vendorId);
    weights.set(a.vendorId, w === undefined ? a.weight : Math.max(w, a.weight));
  }
  return weights;
}

/** The reserve for a pool: every other UMKM of the decree, with its weight (decreeWeights). */
export function reserveOf(weights: ReadonlyMap<string, number>, poolVendorIds: Iterable<string>): Map<string, number> {
  const reserve = new Map(weights);
  for (const id of poolVendorIds) reserve.delete(id);
  return reserve;
}

/** The escalation cause a decision's outcome records ("ESCALATED:<reason>"); decisions before the causes were kept say NO_ELIGIBLE_VENDOR. */
export function escalationReasonOf(outcome: string | null | undefined): EscalationReason {
  const reason = outcome?.startsWith("ESCALATED:") ? outcome.slice("ESCALATED:".length) : "";
  return (ESCALATION_REASONS as readonly string[]).includes(reason)
    ? (reason as EscalationReason)
    : "NO_ELIGIBLE_VENDOR";
}
