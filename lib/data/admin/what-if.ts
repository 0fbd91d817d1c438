// What-if for a draft decree: the orders of the last N months replayed through the routing rule under the
// draft and under the decree in force, with the spread of each and the difference per UMKM. Read-only.
import type { AlternativeSanctions } from "@/lib/domain/what-if";
import type { Tx } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import type { Actor } from "@/lib/data/audit";
import { requireAdmin } from "@/lib/data/authorise";
import { rp } from "@/lib/domain/money";
import { getSettings } from "@/lib/data/settings/get-settings";
import { findDecreeInForce } from "@/lib/data/decree/find-decree-in-force";
import {
  replay,
  syntheticYear,
  type Allocations,
  type Behaviour,
  type ReplayResult,
  type ReplayVendor,
  type SimulationResult,
} from "@/lib/domain/what-if";
import { offerGaps, type OfferGap, type PoolNeed } from "@/lib/domain/pool-health";
import type { MenuCategory } from "@/lib/generated/prisma/enums";
import { fiscalYearOf, wibDay } from "@/lib/format";

export const WHAT_IF_MONTHS = [3, 6, 12] as const;
/** Orders per OPD per month in a synthetic year. */
export const SYNTHETIC_PER_MONTH = 4;

/** The orders to replay: the last N months' real ones, or a synthetic year (the draft's first fiscal year). */
export type WhatIfSource = { months: number } | { synthetic: true };

export interface WhatIf {
  /** null for a synthetic year. */
  months: number | null;
  syntheticYear: number | null;
  orders: number;
  inForce: { number: string; result: Omit<ReplayResult, "values"> } | null;
  draft: Omit<ReplayResult, "values">;
  vendors: {
    id: string;
    code: string;
    name: string;
    current: number;
    draft: number;
    diff: number;
    /** Why routing cannot offer this UMKM every kind of order, if so (lib/domain/pool-health.ts offerGaps). */
    gap: OfferGap | null;
  }[];
}

async function allocationsOf(tx: Tx, decreeId: string): Promise<Allocations> {
  const rows = await tx.allocation.findMany({
    where: { decreeId },
    select: { opdId: true, vendorId: true, weight: true },
  });
  const map = new Map<string, { vendorId: string; weight: number }[]>();
  for (const r of rows) {
    const list = map.get(r.opdId) ?? [];
    list.push({ vendorId: r.vendorId, weight: r.weight });
    map.set(r.opdId, list);
  }
  return map;
}

/** What a replay needs: the orders, today's roster, the decree's and the decree in force's allocations, the scope. */
export async function loadReplay(tx: Tx, clock: Clock, decreeId: string, source: WhatIfSource) {
  const now = clock.now();
  const decree = await tx.decree.findUniqueOrThrow({ where: { id: decreeId }, select: { effectiveFrom: true } });
  const synthetic = "synthetic" in source ? Number(decree.effectiveFrom.toISOString().slice(0, 4)) : null;
  const since =
    "months" in source
      ? new Date(now.getTime() - source.months * 30.4375 * 86_400_000)
      : new Date(`${synthetic}-01-01T00:00:00Z`);
  const inForce = await findDecreeInForce(tx, wibDay(now));
  const [orders, vendorRows, draftAlloc, currentAlloc, settings, ceilings] = await Promise.all([
    tx.order.findMany({
      where: synthetic ? { id: { in: [] } } : { status: { not: "CANCELLED" }, deliveryAt: { gte: since, lt: now } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, opdId: true, category: true, method: true, pax: true, total: true, deliveryDay: true },
    }),
    tx.vendor.findMany({
      where: { status: { not: "REMOVED" } },
      select: {
        id: true,
        code: true,
        name: true,
        status: true,
        dailyCapacityPax: true,
        ekatalogStatus: true,
        menuItems: { where: { active: true }, select: { category: true } },
        unavailableDays: { where: { day: { gte: since } }, select: { day: true } },
      },
    }),
    allocationsOf(tx, decreeId),
    inForce && inForce.id !== decreeId ? allocationsOf(tx, inForce.id) : Promise.resolve(null),
    getSettings(tx),
    tx.priceCeiling.findMany({ orderBy: { fiscalYear: "desc" } }),
  ]);
  const vendors = new Map<string, ReplayVendor>(
    vendorRows.map((v) => [
      v.id,
      {
        id: v.id,
        code: v.code,
        name: v.name,
        status: v.status,
        // Today's roster: a suspended UMKM is ACTIVE again only after reinstatement.
        suspended: v.status === "SUSPENDED",
        categories: [...new Set(v.menuItems.map((m) => m.category as MenuCategory))],
        capacityPax: v.dailyCapacityPax,
        ekatalogStatus: v.ekatalogStatus,
        unavailableDays: new Set(v.unavailableDays.map((d) => d.day.toISOString().slice(0, 10))),
      },
    ]),
  );
  const opdIds = [...new Set([...draftAlloc.keys(), ...(currentAlloc?.keys() ?? [])])].sort();
  // A synthetic year orders at 80 % of the ceiling (the latest set for each category, for that year or before).
  const price = (category: MenuCategory) => {
    const c = ceilings.find((x) => x.category === category && (synthetic === null || x.fiscalYear <= synthetic));
    return c ? Math.round((rp(c.maxPerPax) * 0.8) / 500) * 500 : undefined;
  };
  const replayOrders =
    synthetic !== null
      ? syntheticYear(opdIds, synthetic, SYNTHETIC_PER_MONTH, {
          ...(price("MAKAN") ? { MAKAN: price("MAKAN") } : {}),
          ...(price("KUDAPAN") ? { KUDAPAN: price("KUDAPAN") } : {}),
        })
      : orders.map((o) => ({
          id: o.id,
          opdId: o.opdId,
          category: o.category,
          method: o.method,
          pax: o.pax,
          total: rp(o.total),
          day: o.deliveryDay.toISOString().slice(0, 10),
        }));
  // The same scope for both: every UMKM either decree allocates.
  const scopeSet = new Set<string>();
  for (const alloc of [draftAlloc, currentAlloc]) {
    for (const list of alloc?.values() ?? [])
      for (const a of list) if (vendors.has(a.vendorId)) scopeSet.add(a.vendorId);
  }
  const scope = [...scopeSet];
  // Categories with a price ceiling this year: an UMKM whose menu has none of them cannot be offered anything.
  const priced = [
    ...new Set(ceilings.filter((c) => c.fiscalYear === fiscalYearOf(now)).map((c) => c.category as MenuCategory)),
  ];
  return { replayOrders, vendors, draftAlloc, currentAlloc, settings, scope, inForce, synthetic, since, now, priced };
}

export async function whatIf(
  tx: Tx,
  opts: { clock: Clock; actor: Actor; decreeId: string; source: WhatIfSource },
): Promise<WhatIf> {
  const { clock, decreeId, source } = opts;
  requireAdmin(opts.actor);
  const { replayOrders, vendors, draftAlloc, currentAlloc, settings, scope, inForce, synthetic, priced } =
    await loadReplay(tx, clock, decreeId, source);
  const draft = replay(
    replayOrders,
    draftAlloc,
    vendors,
    scope,
    settings.ePurchasingRequiresTayang,
    settings.cityReserve,
  );
  const current = currentAlloc
    ? replay(replayOrders, currentAlloc, vendors, scope, settings.ePurchasingRequiresTayang, settings.cityReserve)
    : null;
  const strip = ({ values: _v, ...rest }: ReplayResult) => rest;
  // The UMKM of the draft routing could not offer every kind of order to (no menu, no priced category, not TAYANG):
  // the reason an UMKM gets nothing here is said beside it.
  const needs: PoolNeed[] = [...priced, "E_PURCHASING"];
  const gapOf = new Map(
    offerGaps(
      vendors.values(),
      new Set([...draftAlloc.values()].flatMap((xs) => xs.map((x) => x.vendorId))),
      needs,
      settings.ePurchasingRequiresTayang,
    ).map((g) => [g.vendorId, g.gap]),
  );
  return {
    months: "months" in source ? source.months : null,
    syntheticYear: synthetic,
    orders: replayOrders.length,
    inForce: current && inForce ? { number: inForce.number, result: strip(current) } : null,
    draft: strip(draft),
    vendors: scope
      .map((id) => {
        const v = vendors.get(id)!;
        const c = current?.values.get(id) ?? 0;
        const d = draft.values.get(id) ?? 0;
        return { id, code: v.code, name: v.name, current: c, draft: d, diff: d - c, gap: gapOf.get(id) ?? null };
      })
      .sort((a, b) => a.diff - b.diff || a.code.localeCompare(b.code)),
  };
}

export interface FailureWhatIf {
  months: number;
  orders: number;
  /** Observed in the window: shares of answered offers declined and lapsed, of accepted orders due that failed. */
  observed: Behaviour & { offers: number; due: number };
  current: SimulationResult;
  alternative: SimulationResult;
  alternativeSettings: AlternativeSanctions;
}
