// The spread of awarded value over UMKM for a period, city-wide or for one OPD: every UMKM the decree in force
// (on the period's last day, or today) allocates — the OPD's pool for one OPD — plus any other UMKM awarded
// something, zeros included. Metrics from lib/domain/fairness over the SpendDaily rollup.
import type { Tx } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import { findDecreeInForce } from "@/lib/data/decree/find-decree-in-force";
import { spendByVendor } from "@/lib/data/dashboard/spend-by-vendor";
import { distributionOf, readGini, type Distribution, type EvennessReading } from "@/lib/domain/fairness";
import { lorenzPoints, type Period } from "@/lib/domain/period";
import { wibDay } from "@/lib/format";

export interface Spread {
  period: Period;
  opdId: string | null;
  awarded: number;
  delivered: number;
  distribution: Distribution;
  reading: EvennessReading;
  lorenz: { vendors: number; value: number }[];
  vendors: { id: string; code: string; name: string; awarded: number; delivered: number; orders: number }[];
  unpaid: { id: string; code: string; name: string }[];
}

export async function getSpread(tx: Tx, clock: Clock, period: Period, opdId: string | null = null): Promise<Spread> {
  const today = wibDay(clock.now());
  const decree = await findDecreeInForce(tx, period.to < today ? period.to : today);
  const [spend, allocated] = await Promise.all([
    spendByVendor(tx, { from: period.from, to: period.to, ...(opdId ? { opdId } : {}) }),
    decree
      ? tx.allocation.findMany({
          where: { decreeId: decree.id, ...(opdId ? { opdId } : {}) },
          distinct: ["vendorId"],
          select: { vendorId: true },
        })
      : Promise.resolve([]),
  ]);
  const ids = [...new Set([...allocated.map((a) => a.vendorId), ...spend.map((s) => s.vendorId)])];
  const names = await tx.vendor.findMany({ where: { id: { in: ids } }, select: { id: true, code: true, name: true } });
  const byId = new Map(spend.map((s) => [s.vendorId, s]));
  const vendors = names
    .map((v) => {
      const s = byId.get(v.id);
      return {
        id: v.id,
        code: v.code,
        name: v.name,
        awarded: s?.awardedValue ?? 0,
        delivered: s?.deliveredValue ?? 0,
        orders: s?.awardedCount ?? 0,
      };
    })
    .sort((a, b) => b.awarded - a.awarded || a.code.localeCompare(b.code));
  const values = vendors.map((v) => v.awarded);
  const distribution = distributionOf(values);
  return {
    period,
    opdId,
    awarded: distribution.total,
    delivered: vendors.reduce((s, v) => s + v.delivered, 0),
    distribution,
    reading: readGini(distribution.gini),
    lorenz: lorenzPoints(values),
    vendors,
    unpaid: vendors.filter((v) => v.awarded === 0).map(({ id, code, name }) => ({ id, code, name })),
  };
}
