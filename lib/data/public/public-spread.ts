// What the public transparency page and its downloads show for a query (period presets or a custom range;
// the whole city or one OPD by its code): the same spread the mayor's dashboard reads (getSpread, from the
// SpendDaily rollup), with the list of OPDs to choose from. No login; nothing personal.
import type { Tx } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import { getSpread, type Spread } from "@/lib/data/dashboard/get-spread";
import { getResilience, publicResilience, type Resilience } from "@/lib/data/dashboard/get-resilience";
import { getDaysToPay, type DaysToPay } from "@/lib/data/dashboard/get-days-to-pay";
import { getSettings } from "@/lib/data/settings/get-settings";
import { periodFromQuery } from "@/lib/domain/period";
import { wibDay } from "@/lib/format";

export interface PublicQuery {
  period?: string;
  from?: string;
  to?: string;
  opd?: string;
}

export interface PublicSpread {
  spread: Spread;
  opd: { id: string; code: string; name: string } | null;
  opds: { id: string; code: string; name: string }[];
  /** The query that reproduces this view, for links and downloads. */
  query: Record<string, string>;
  /** Escalations, the city-wide reserve and how many UMKM are sanctioned (not which). */
  resilience: Resilience;
  /** Days to pay the UMKM per month and OPD, and how many deliveries are unpaid past the target (not which). */
  payments: DaysToPay;
}

export async function getPublicSpread(tx: Tx, opts: { clock: Clock; query: PublicQuery }): Promise<PublicSpread> {
  const { clock, query: q } = opts;
  const period = periodFromQuery(q, wibDay(clock.now()));
  // City-wide (the usual view) reads the OPD list, the spread, the resilience figures and the days to pay side by side.
  const settings = await getSettings(tx);
  const cityOf = q.opd ? null : getSpread(tx, { clock, period, opdId: null });
  const payOf = (opdId: string | null) =>
    getDaysToPay(tx, { clock, period, opdId, targetDays: settings.paymentTargetDays, withList: false });
  const [opds, citySpread, cityResilience, cityPayments] = await Promise.all([
    tx.opd.findMany({ orderBy: { code: "asc" }, select: { id: true, code: true, name: true } }),
    cityOf,
    cityOf ? getResilience(tx, { clock, period, opdId: null, spreadOf: cityOf }) : null,
    cityOf ? payOf(null) : null,
  ]);
  const opd = (q.opd && opds.find((o) => o.code === q.opd)) || null;
  let spread: Spread;
  let resilience: Resilience;
  let payments: DaysToPay;
  if (citySpread && cityResilience && cityPayments) {
    spread = citySpread;
    resilience = cityResilience;
    payments = cityPayments;
  } else {
    const spreadOf = getSpread(tx, { clock, period, opdId: opd?.id ?? null });
    [spread, resilience, payments] = await Promise.all([
      spreadOf,
      getResilience(tx, { clock, period, opdId: opd?.id ?? null, spreadOf }),
      payOf(opd?.id ?? null),
    ]);
  }
  const query: Record<string, string> =
    period.kind === "custom" ? { from: period.from, to: period.to } : { period: period.key };
  if (opd) query.opd = opd.code;
  return { spread, opd, opds, query, resilience: publicResilience(resilience), payments };
}
