// What-if: replay a set of orders through the routing rule under a decree's allocations, in memory, and
// measure the spread. Every order goes where planRoute (lib/domain/routing.ts) sends it — the OPD's pool, then the
// city-wide reserve — with each vendor's capacity per day and its days off; only the history starts from zero at
// the beginning of the replay. `replay` has nobody decline or fail; `simulate` adds declines, lapses and failures
// at given rates and applies the sanction ladder to them, to compare decrees and sanction settings.
import type { z } from "zod";
import { distributionOf, type Distribution } from "@/lib/domain/fairness";
import { decreeWeights, planRoute, reserveOf, type PoolVendor } from "@/lib/domain/routing";
import { sanctionLevelFor } from "@/lib/domain/sanctions";
import { DEFAULT_SETTINGS, settingsSchema, type RoutingSettings } from "@/lib/domain/settings";
import type {
  EkatalogStatus,
  MenuCategory,
  ProcurementMethod,
  SanctionLevel,
  VendorStatus,
} from "@/lib/generated/prisma/enums";

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
  /** Orders nobody could take, in the pool or the city-wide reserve (they would be escalated). */
  unserved: number;
  distribution: Distribution;
}

/**
 * Replays `orders` (in the given order) under `allocations`, nobody declining or failing: the routing rule exactly
 * (simulate with no failures). The spread is measured over `scope` — every vendor that should count (for a
 * comparison, the same scope for both decrees), zeros included.
 */
export function replay(
  orders: readonly ReplayOrder[],
  allocations: Allocations,
  vendors: ReadonlyMap<string, ReplayVendor>,
  scope: readonly string[],
  ePurchasingRequiresTayang: boolean,
  cityReserve = true,
): ReplayResult {
  const r = simulateOnce(
    orders,
    allocations,
    vendors,
    scope,
    { ...DEFAULT_SETTINGS, ePurchasingRequiresTayang, cityReserve },
    { declineRate: 0, expiryRate: 0, failureRate: 0 },
    2026,
  );
  return {
    values: r.values,
    orders: orders.length,
    unserved: r.escalated,
    distribution: distributionOf([...r.values.values()]),
  };
}

/** How vendors answer and deliver in a simulation: shares of offers declined and let expire, of accepted orders failed. */
export interface Behaviour {
  declineRate: number;
  expiryRate: number;
  failureRate: number;
}

/** The settings a simulation follows: routing's (the reserve, e-purchasing) and the sanction ladder. */
export type SimulationSettings = Pick<
  RoutingSettings,
  | "ePurchasingRequiresTayang"
  | "cityReserve"
  | "sanctionWindowDays"
  | "sp2AfterFailures"
  | "sp3AfterFailures"
  | "sp2MinFailureShare"
  | "sp3MinFailureShare"
  | "suspensionDays"
>;

export interface SimulationResult {
  distribution: Distribution;
  orders: number;
  /** Orders that would go to an admin (nobody in the city eligible). */
  escalated: number;
  escalatedShare: number;
  /** Orders the city-wide reserve would serve. */
  reserve: number;
  failures: number;
  sanctions: Record<SanctionLevel, number>;
  /** UMKM suspended and removed when the replay ends. */
  suspendedAtEnd: number;
  removedAtEnd: number;
  /** Runs averaged (each with its own random answers). */
  runs: number;
}

const DAY_MS = 86_400_000;
const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;

/**
 * Replays `orders` under `allocations` as the product would route them — planRoute, pool then city-wide reserve,
 * each vendor weighted by its largest weight in the decree — with vendors that decline, let offers lapse and fail
 * at the given rates (random, but the same for the same seed), and the sanction ladder applied to every failure at
 * once (an admin confirming immediately; SP2 suspends for the set days, SP3 removes). Failed orders count as awarded,
 * as in the benchmark. The spread is measured over `scope`; the metrics are averaged over `runs` seeds.
 */
export function simulate(
  orders: readonly ReplayOrder[],
  allocations: Allocations,
  vendors: ReadonlyMap<string, ReplayVendor>,
  scope: readonly string[],
  settings: SimulationSettings,
  behaviour: Behaviour,
  runs = 5,
): SimulationResult {
  const results = Array.from({ length: runs }, (_, k) =>
    simulateOnce(orders, allocations, vendors, scope, settings, behaviour, 2026 + k),
  );
  const mean = (f: (r: (typeof results)[number]) => number) => results.reduce((a, r) => a + f(r), 0) / runs;
  const values = scope.map((id) => mean((r) => r.values.get(id) ?? 0));
  const escalated = mean((r) => r.escalated);
  return {
    distribution: distributionOf(values),
    orders: orders.length,
    escalated,
    escalatedShare: orders.length > 0 ? escalated / orders.length : 0,
    reserve: mean((r) => r.reserve),
    failures: mean((r) => r.failures),
    sanctions: {
      SP1: mean((r) => r.sanctions.SP1),
      SP2: mean((r) => r.sanctions.SP2),
      SP3: mean((r) => r.sanctions.SP3),
    },
    suspendedAtEnd: mean((r) => r.suspendedAtEnd),
    removedAtEnd: mean((r) => r.removedAtEnd),
    runs,
  };
}

function simulateOnce(
  orders: readonly ReplayOrder[],
  allocations: Allocations,
  vendors: ReadonlyMap<string, ReplayVendor>,
  scope: readonly string[],
  settings: SimulationSettings,
  behaviour: Behaviour,
  seed: number,
) {
  const next = random(seed);
  const weights = decreeWeights([...allocations.values()].flat());
  const awarded = new Map<string, bigint>();
  const counts = new Map<string, number>();
  const last = new Map<string, number>();
  const dayLoad = new Map<string, number>();
  /** Per vendor: the days of its accepted orders and of its failures, its suspension, its removal. */
  const accepted = new Map<string, number[]>();
  const failed = new Map<string, number[]>();
  const suspendedFrom = new Map<string, number>();
  const suspendedUntil = new Map<string, number>();
  const removed = new Set<string>();
  const sanctions: Record<SanctionLevel, number> = { SP1: 0, SP2: 0, SP3: 0 };
  let escalated = 0;
  let reserve = 0;
  let failures = 0;
  // planRoute's deadline: the offer is made the day before delivery, with an hour to answer.
  const timing = { responseWindowMinutes: 60, minLeadMinutes: 0 };
  orders.forEach((o, index) => {
    const today = dayNumber(o.day);
    const deliveryAt = new Date(today * DAY_MS + 12 * 3_600_000);
    const now = new Date(deliveryAt.getTime() - DAY_MS);
    const refused = new Set<string>();
    const standing = (id: string): PoolVendor | null => {
      const v = vendors.get(id);
      if (!v) return null;
      return {
        vendorId: v.id,
        code: v.code,
        name: v.name,
        weight: weights.get(id) ?? 1,
        status: removed.has(id) ? "REMOVED" : v.status,
        suspended: v.suspended || (suspendedUntil.get(id) ?? -Infinity) > today,
        categories: v.categories,
        unavailableOnDay: v.unavailableDays.has(o.day),
        ekatalogStatus: v.ekatalogStatus,
        capacityPax: v.capacityPax,
        bookedPax: dayLoad.get(`${id}|${o.day}`) ?? 0,
        awardedValue: awarded.get(id) ?? 0n,
        pendingValue: 0n,
        awardedOrders: counts.get(id) ?? 0,
        lastAwardAt: last.has(id) ? new Date(last.get(id)!) : null,
        priorOutcome: refused.has(id) ? "DECLINED" : null,
      };
    };
    const poolIds = (allocations.get(o.opdId) ?? []).map((a) => a.vendorId);
    const reserveIds = [...reserveOf(weights, poolIds).keys()];
    for (;;) {
      const plan = planRoute(
        { orderId: o.id, category: o.category, pax: o.pax, method: o.method, deliveryAt },
        "decree",
        poolIds.map(standing).filter((v) => v !== null),
        reserveIds.map(standing).filter((v) => v !== null),
        now,
        { ...settings, ...timing },
      );
      if (plan.kind !== "OFFER") {
        escalated++;
        return;
      }
      const id = plan.chosen.vendorId;
      const roll = next();
      if (roll < behaviour.declineRate + behaviour.expiryRate) {
        refused.add(id);
        continue;
      }
      if (plan.scope === "RESERVE") reserve++;
      awarded.set(id, (awarded.get(id) ?? 0n) + BigInt(o.total));
      counts.set(id, (counts.get(id) ?? 0) + 1);
      last.set(id, index);
      dayLoad.set(`${id}|${o.day}`, (dayLoad.get(`${id}|${o.day}`) ?? 0) + o.pax);
      accepted.set(id, [...(accepted.get(id) ?? []), today]);
      if (next() >= behaviour.failureRate) return;
      failures++;
      failed.set(id, [...(failed.get(id) ?? []), today]);
      const since = today - settings.sanctionWindowDays;
      const level = sanctionLevelFor(
        {
          failures: failed.get(id)!.filter((d) => d >= since).length,
          dueOrders: accepted.get(id)!.filter((d) => d >= since && d <= today).length,
          suspendedBefore: (suspendedFrom.get(id) ?? -Infinity) >= since,
        },
        settings,
      );
      sanctions[level]++;
      if (level === "SP2") {
        suspendedFrom.set(id, today);
        suspendedUntil.set(id, today + settings.suspensionDays);
      }
      if (level === "SP3") removed.add(id);
      return;
    }
  });
  const end = orders.length > 0 ? dayNumber(orders[orders.length - 1]!.day) : 0;
  return {
    values: new Map(scope.map((id) => [id, Number(awarded.get(id) ?? 0n)])),
    escalated,
    reserve,
    failures,
    sanctions,
    suspendedAtEnd: [...suspendedUntil].filter(([id, until]) => until > end && !removed.has(id)).length,
    removedAtEnd: removed.size,
  };
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

/** The sanction settings a failure what-if compares with the current ones. */
export const alternativeSanctionsSchema = settingsSchema
  .pick({
    sp2AfterFailures: true,
    sp3AfterFailures: true,
    sp2MinFailureShare: true,
    sp3MinFailureShare: true,
    suspensionDays: true,
    cityReserve: true,
  })
  .strict();
export type AlternativeSanctions = z.infer<typeof alternativeSanctionsSchema>;

/**
 * What a failure what-if compares with when the admin names no alternative: the settings in force with the ladder by
 * count alone (no proportionate shares), as before the ladder was proportionate.
 */
export function ladderByCount(s: RoutingSettings): AlternativeSanctions {
  return {
    sp2AfterFailures: s.sp2AfterFailures,
    sp3AfterFailures: s.sp3AfterFailures,
    sp2MinFailureShare: 0,
    sp3MinFailureShare: 0,
    suspensionDays: s.suspensionDays,
    cityReserve: s.cityReserve,
  };
}
