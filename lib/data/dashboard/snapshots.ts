// The spread's read models as short-lived snapshots (lib/cache/snapshot.ts): the mayor's dashboard and home
// page, read by the mayor's office and the admins, often at once, and the public transparency page, which
// anyone may open without signing in (so that a flood of visitors costs one computation per few seconds,
// not one per visit). Their figures are sums over months of orders. Kept for DASHBOARD_CACHE_SECONDS (15 by
// default; 0 = always live) per app process; each page says when its figures were read. Downloads and
// exports read live.
import { requireOneOf } from "@/lib/data/authorise";
import type { Actor } from "@/lib/data/audit";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { systemClock } from "@/lib/clock";
import { snapshotCache, type Snapshot, type SnapshotCache } from "@/lib/cache/snapshot";
import { getDashboard, type Dashboard } from "@/lib/data/dashboard/get-dashboard";
import { getMayorHome, type MayorHome } from "@/lib/data/home/get-mayor-home";
import { getPublicSpread, type PublicQuery, type PublicSpread } from "@/lib/data/public/public-spread";
import { periodFromQuery, type Period } from "@/lib/domain/period";
import { wibDay } from "@/lib/format";

let caches:
  | { dashboard: SnapshotCache<Dashboard>; mayorHome: SnapshotCache<MayorHome>; public: SnapshotCache<PublicSpread> }
  | undefined;

/** Made on first use, so that importing a page (as `next build` does) needs no environment. */
function snapshots() {
  if (!caches) {
    const ttlMs = env().DASHBOARD_CACHE_SECONDS * 1000;
    caches = {
      dashboard: snapshotCache({ ttlMs, max: 200 }),
      mayorHome: snapshotCache({ ttlMs, max: 4 }),
      public: snapshotCache({ ttlMs, max: 100 }),
    };
  }
  return caches;
}

/**
 * The dashboard of a period, city-wide or for one OPD, for its reader (the mayor's office or an admin: checked before
 * the shared snapshot is read). Keyed by the day too: "this month" moves at midnight.
 */
export function dashboardSnapshot(opts: {
  actor: Actor;
  period: Period;
  opdId: string | null;
}): Promise<Snapshot<Dashboard>> {
  const { actor, period, opdId } = opts;
  requireOneOf(actor, "MAYOR", "ADMIN");
  const today = wibDay(systemClock.now());
  return snapshots().dashboard.get(`${today}|${period.from}|${period.to}|${opdId ?? ""}`, () =>
    getDashboard(db(), { clock: systemClock, actor, period, opdId }),
  );
}

/** The mayor's home for its reader (the mayor's office or an admin: checked before the shared snapshot is read). */
export function mayorHomeSnapshot(opts: { actor: Actor }): Promise<Snapshot<MayorHome>> {
  requireOneOf(opts.actor, "MAYOR", "ADMIN");
  return snapshots().mayorHome.get(wibDay(systemClock.now()), () =>
    getMayorHome(db(), { clock: systemClock, actor: opts.actor }),
  );
}

/** An OPD code as the public page's links write it; anything else is not one (and is not a key of its own). */
const OPD_CODE = /^[A-Za-z0-9._-]{1,32}$/;

/** The public transparency page's view of a query (lib/data/public/public-spread.ts). */
export function publicSpreadSnapshot(q: PublicQuery): Promise<Snapshot<PublicSpread>> {
  const today = wibDay(systemClock.now());
  const period = periodFromQuery(q, today);
  const opd = typeof q.opd === "string" && OPD_CODE.test(q.opd) ? q.opd : undefined;
  return snapshots().public.get(`${today}|${period.key}|${period.from}|${period.to}|${opd ?? ""}`, () =>
    getPublicSpread(db(), { clock: systemClock, query: { ...q, opd } }),
  );
}
