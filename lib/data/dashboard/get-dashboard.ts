// Everything the mayor's dashboard shows for a period (city-wide or one OPD): the spread (getSpread), the
// monthly trend of spend and Gini over the period's fiscal year, budget absorption per OPD, failures and
// sanctions in the period, e-Katalog progress and days to pay the UMKM. Read-only; figures from the spend rollups.
import { requireOneOf } from "@/lib/data/authorise";
import type { Actor } from "@/lib/data/audit";
import type { Tx } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import { rp } from "@/lib/domain/money";
import { getSpread, type Spread } from "@/lib/data/dashboard/get-spread";
import { getResilience, type Resilience } from "@/lib/data/dashboard/get-resilience";
import { getDaysToPay, type DaysToPay } from "@/lib/data/dashboard/get-days-to-pay";
import { getSettings } from "@/lib/data/settings/get-settings";
import { spendSpanSql } from "@/lib/db/sql/spend";
import { Prisma } from "@/lib/generated/prisma/client";
import { queryRows } from "@/lib/db/sql/decode";
import { row, rupiah, text, uuid } from "@/lib/db/sql/columns";
import { getBeforeDecree, type BeforeDecree } from "@/lib/data/admin/prior-purchases/get-before-decree";
import { giniOf } from "@/lib/domain/fairness";
import { monthsOf, type Period } from "@/lib/domain/period";
import { wibDateTime } from "@/lib/format";

export interface Dashboard {
  spread: Spread;
  opds: { id: string; code: string; name: string }[];
  /** Per month of the year; `gini` is null for a month with no order (no data is not "perfectly even"). */
  trend: { month: string; delivered: number; awarded: number; gini: number | null; vendorsWithOrders: number }[];
  absorption: { opdId: string; code: string; name: string; pagu: number; realised: number; committed: number }[];
  failures: number;
  sanctions: { proposed: number; confirmed: number };
  ekatalog: { live: number; inProgress: number; notStarted: number };
  /** The latest imported year before the period's, for the before/after comparison; null when none. */
  before: BeforeDecree | null;
  /** Escalations, the city-wide reserve and the sanctions in force (issue 15). */
  resilience: Resilience;
  /** Days to pay the UMKM, what is owed now and the oldest overdue deliveries (issue 20). */
  payments: DaysToPay;
}

const getDashboardByOpdRow = row({ opdId: uuid, realised: rupiah, awarded: rupiah });

const getDashboardMonthlyRow = row({ month: text, vendorId: uuid, awarded: rupiah, delivered: rupiah });

/** The dashboard of a period, city-wide or for one OPD: for the mayor's office and the admins. */
export async function getDashboard(
  tx: Tx,
  opts: { clock: Clock; actor: Actor; period: Period; opdId: string | null },
): Promise<Dashboard> {
  requireOneOf(opts.actor, "MAYOR", "ADMIN");
  const { clock, period, opdId } = opts;
  const year = Number(period.to.slice(0, 4));
  const from = wibDateTime(period.from, "00:00");
  const to = new Date(wibDateTime(period.to, "00:00").getTime() + 86_400_000);
  const spreadOf = getSpread(tx, { clock, period, opdId });
  const settingsOf = getSettings(tx);
  const opdsOf = tx.opd.findMany({ orderBy: { code: "asc" }, select: { id: true, code: true, name: true } });
  const [spread, opds, monthly, byOpd, budgets, failures, sanctions, ek, before, resilience, payments] =
    await Promise.all([
      spreadOf,
      opdsOf,
      queryRows(
        tx,
        "getDashboard.monthly",
        getDashboardMonthlyRow,
        Prisma.sql`
      SELECT to_char(s.day, 'YYYY-MM') AS month, s."vendorId", sum(s."awardedValue")::bigint AS awarded,
             sum(s."deliveredValue")::bigint AS delivered
      FROM ${spendSpanSql(`${year}-01-01`, `${year}-12-31`, opdId ?? undefined)} s
      GROUP BY 1, 2`,
      ),
      queryRows(
        tx,
        "getDashboard.byOpd",
        getDashboardByOpdRow,
        Prisma.sql`
      SELECT s."opdId", sum(s."deliveredValue")::bigint AS realised, sum(s."awardedValue")::bigint AS awarded
      FROM ${spendSpanSql(`${year}-01-01`, `${year}-12-31`)} s
      GROUP BY 1`,
      ),
      tx.budget.groupBy({ by: ["opdId"], where: { fiscalYear: year }, _sum: { pagu: true } }),
      tx.fulfilment.count({
        where: { outcome: "FAILED", createdAt: { gte: from, lt: to }, ...(opdId ? { order: { opdId } } : {}) },
      }),
      tx.sanction.groupBy({
        by: ["status"],
        where: { proposedAt: { gte: from, lt: to }, ...(opdId ? { order: { opdId } } : {}) },
        _count: true,
      }),
      tx.vendor.groupBy({ by: ["ekatalogStatus"], where: { status: { not: "REMOVED" } }, _count: true }),
      getBeforeDecree(tx, { beforeYear: Number(period.from.slice(0, 4)), opdId }),
      getResilience(tx, { clock, period, opdId, spreadOf }),
      settingsOf.then((s) => getDaysToPay(tx, { clock, period, opdId, targetDays: s.paymentTargetDays, opds: opdsOf })),
    ]);
  // The trend's Gini is measured over the same UMKM as the period's spread, month by month.
  const scope = spread.vendors.map((v) => v.id);
  const trend = monthsOf(year).map((m) => {
    const month = m.from.slice(0, 7);
    const rows = monthly.filter((r) => r.month === month);
    const value = new Map(rows.map((r) => [r.vendorId, r.awarded]));
    const awarded = rows.reduce((s, r) => s + r.awarded, 0);
    return {
      month,
      delivered: rows.reduce((s, r) => s + r.delivered, 0),
      awarded,
      gini: awarded > 0 ? giniOf(scope.map((id) => value.get(id) ?? 0)) : null,
      vendorsWithOrders: scope.filter((id) => (value.get(id) ?? 0) > 0).length,
    };
  });
  const count = (s: string) => ek.find((g) => g.ekatalogStatus === s)?._count ?? 0;
  return {
    spread,
    opds,
    trend,
    absorption: opds
      .filter((o) => !opdId || o.id === opdId)
      .map((o) => {
        const r = byOpd.find((x) => x.opdId === o.id);
        const realised = r?.realised ?? 0;
        return {
          opdId: o.id,
          code: o.code,
          name: o.name,
          pagu: rp(budgets.find((b) => b.opdId === o.id)?._sum.pagu),
          realised,
          committed: (r?.awarded ?? 0) - realised,
        };
      }),
    failures,
    sanctions: {
      proposed: sanctions.find((s) => s.status === "PROPOSED")?._count ?? 0,
      confirmed: sanctions.find((s) => s.status === "CONFIRMED")?._count ?? 0,
    },
    ekatalog: { live: count("TAYANG"), inProgress: count("PROSES"), notStarted: count("BELUM") },
    before,
    resilience,
    payments,
  };
}
