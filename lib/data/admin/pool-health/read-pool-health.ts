// Pool health and the decree amendment it calls for (issue 15, docs/ARCHITECTURE.md §3 step 5): the OPDs whose pool under
// the decree in force has fewer than two UMKM able to take an order of a kind (lib/domain/pool-health.ts), and a
// draft amendment — the decree in force plus eligible UMKM refilling each thin pool, least-awarded first — that the
// portal prepares when a sanction suspends or removes a vendor (or an admin asks), for an admin to review (what-if,
// diff, SK attachment) and publish like any draft. Vendors' standings come from routing's own SQL
// (mm_pool_standings), so "eligible" here means what routing means.
import type { Tx } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import { findDecreeInForce } from "@/lib/data/decree/find-decree-in-force";
import { readStandings } from "@/lib/db/sql/standings";
import { getSettings } from "@/lib/data/settings/get-settings";
import { decreeWeights } from "@/lib/domain/routing";
import {
  offerGaps,
  proposeAmendment,
  thinPools,
  type Amendment,
  type HealthVendor,
  type OfferGap,
  type PoolNeed,
  type ThinPool,
} from "@/lib/domain/pool-health";
import { dayAsDate, fiscalYearOf, wibDay } from "@/lib/format";
import type { MenuCategory } from "@/lib/generated/prisma/enums";

const NO_ORDER = "00000000-0000-0000-0000-000000000000";

export interface PoolHealth {
  decree: { id: string; number: string } | null;
  needs: PoolNeed[];
  thin: (ThinPool & { opdCode: string; opdName: string; missingNames: string[] })[];
  amendment: Amendment;
  /** The open draft the portal prepared for this decree, if any. */
  draft: { id: string; number: string; updatedAt: Date } | null;
  vendorNames: Map<string, string>;
  /** The decree's active UMKM routing cannot offer every kind of order to, and why (lib/domain/pool-health.ts). */
  gaps: { vendorId: string; code: string; name: string; gap: OfferGap }[];
}

/** The kinds of order a pool must serve: every category with a price ceiling this year, and e-purchasing. */
async function needsOf(tx: Tx, year: number): Promise<PoolNeed[]> {
  const ceilings = await tx.priceCeiling.findMany({ where: { fiscalYear: year }, select: { category: true } });
  const categories = [...new Set(ceilings.map((c) => c.category as MenuCategory))].sort();
  return [...categories, "E_PURCHASING"];
}

/** Pool health as of now, read for a caller that has authorised itself (getPoolHealth, prepareAmendmentDraft). */
export async function readPoolHealth(tx: Tx, clock: Clock): Promise<PoolHealth> {
  const now = clock.now();
  const today = wibDay(now);
  const decree = await findDecreeInForce(tx, today);
  const none: PoolHealth = {
    decree: null,
    needs: [],
    thin: [],
    amendment: { additions: [], unfilled: [] },
    draft: null,
    vendorNames: new Map(),
    gaps: [],
  };
  if (!decree) return none;
  const [allocations, opds, settings, needs, draft, candidates] = await Promise.all([
    tx.allocation.findMany({ where: { decreeId: decree.id }, select: { opdId: true, vendorId: true, weight: true } }),
    tx.opd.findMany({ orderBy: { code: "asc" }, select: { id: true, code: true, name: true } }),
    getSettings(tx),
    needsOf(tx, fiscalYearOf(now)),
    tx.decree.findFirst({
      where: { amendsId: decree.id, autoProposed: true, status: "DRAFT" },
      select: { id: true, number: true, updatedAt: true },
    }),
    tx.vendor.findMany({ where: { status: { not: "REMOVED" } }, select: { id: true } }),
  ]);
  const ids = [...new Set([...allocations.map((a) => a.vendorId), ...candidates.map((c) => c.id)])];
  // Standings as of today, for no order in particular (nobody has answered it).
  const rows = await readStandings(tx, ids, { id: NO_ORDER, deliveryAt: now, deliveryDay: dayAsDate(today) }, now);
  const weights = decreeWeights(allocations);
  const vendors = new Map<string, HealthVendor>(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        code: r.code,
        name: r.name,
        status: r.status,
        suspended: r.suspended,
        categories: r.categories as MenuCategory[],
        ekatalogStatus: r.ekatalogStatus,
        awardedValue: Number(r.awarded),
        weight: weights.get(r.id) ?? 1,
      },
    ]),
  );
  const pools = new Map<string, string[]>();
  for (const a of allocations) pools.set(a.opdId, [...(pools.get(a.opdId) ?? []), a.vendorId]);
  // Every OPD: one the decree leaves without any UMKM is the thinnest pool of all.
  const thin = thinPools(
    opds.map((o) => o.id),
    pools,
    vendors,
    needs,
    settings.ePurchasingRequiresTayang,
  );
  const opd = new Map(opds.map((o) => [o.id, o]));
  return {
    decree: { id: decree.id, number: decree.number },
    needs,
    thin: thin.map((x) => ({
      ...x,
      opdCode: opd.get(x.opdId)!.code,
      opdName: opd.get(x.opdId)!.name,
      missingNames: x.missing.map((m) => vendors.get(m.vendorId)?.name ?? m.vendorId),
    })),
    amendment: proposeAmendment(thin, pools, vendors, settings.ePurchasingRequiresTayang),
    draft,
    vendorNames: new Map([...vendors].map(([id, v]) => [id, v.name])),
    gaps: offerGaps(
      vendors.values(),
      new Set(allocations.map((a) => a.vendorId)),
      needs,
      settings.ePurchasingRequiresTayang,
    ).map((g) => ({ ...g, code: vendors.get(g.vendorId)!.code, name: vendors.get(g.vendorId)!.name })),
  };
}
