// The what-if with failures: the last months' orders replayed under the decree with the vendors' declines, expiries
// and failures at their observed rates, under the sanctions in force and an alternative (lib/data/admin/what-if.ts:
// the replay both what-ifs share).
import type { Tx } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import type { Actor } from "@/lib/data/audit";
import { requireAdmin } from "@/lib/data/authorise";
import { simulate } from "@/lib/domain/what-if";
import { dayAsDate, wibDay } from "@/lib/format";
import { Prisma } from "@/lib/generated/prisma/client";
import { queryOne } from "@/lib/db/sql/decode";
import { int, row } from "@/lib/db/sql/columns";
import { loadReplay, type FailureWhatIf } from "@/lib/data/admin/what-if";
import { ladderByCount, type AlternativeSanctions } from "@/lib/domain/what-if";

const whatIfWithFailuresRatesRow = row({ offers: int, declined: int, expired: int, due: int, failed: int });

/**
 * The decree's what-if with failures: the last N months' orders replayed under the decree with the declines,
 * lapses and failures observed in those months, once with the current sanction settings and once with
 * `alternative` (by default the ladder by count alone, as before it was proportionate).
 */
export async function whatIfWithFailures(
  tx: Tx,
  opts: { clock: Clock; actor: Actor; decreeId: string; months: number; alternative: AlternativeSanctions | null },
): Promise<FailureWhatIf> {
  const { clock, decreeId, months, alternative } = opts;
  requireAdmin(opts.actor);
  const { replayOrders, vendors, draftAlloc, settings, scope, since, now } = await loadReplay(tx, clock, decreeId, {
    months,
  });
  const rates = await queryOne(
    tx,
    "whatIfWithFailures.rates",
    whatIfWithFailuresRatesRow,
    Prisma.sql`
    SELECT count(*) FILTER (WHERE status IN ('ACCEPTED', 'DECLINED', 'EXPIRED', 'FAILED'))::int AS offers,
           count(*) FILTER (WHERE status = 'DECLINED')::int AS declined,
           count(*) FILTER (WHERE status = 'EXPIRED')::int AS expired,
           count(*) FILTER (WHERE status IN ('ACCEPTED', 'FAILED') AND "deliveryDay" < ${dayAsDate(wibDay(now))}::date)::int AS due,
           count(*) FILTER (WHERE status = 'FAILED')::int AS failed
    FROM "Offer" WHERE "offeredAt" >= ${since} AND "offeredAt" < ${now}`,
  );
  const r = rates!;
  const observed = {
    offers: r.offers,
    due: r.due,
    declineRate: r.offers > 0 ? r.declined / r.offers : 0,
    expiryRate: r.offers > 0 ? r.expired / r.offers : 0,
    failureRate: r.due > 0 ? Math.min(1, r.failed / r.due) : 0,
  };
  const alternativeSettings: AlternativeSanctions = alternative ?? ladderByCount(settings);
  return {
    months,
    orders: replayOrders.length,
    observed,
    current: simulate(replayOrders, draftAlloc, vendors, scope, settings, observed),
    alternative: simulate(replayOrders, draftAlloc, vendors, scope, { ...settings, ...alternativeSettings }, observed),
    alternativeSettings,
  };
}
