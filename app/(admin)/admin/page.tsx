import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import { requirePageRole } from "@/lib/auth/guards";
import { db } from "@/lib/db";
import { systemClock } from "@/lib/clock";
import { getAdminHome } from "@/lib/data/home/get-admin-home";
import { formatDateTimeWIB, formatDateWIB, formatRupiah, toLocaleTag } from "@/lib/format";
import { Card, CardTitle, EmptyState, Stat } from "@/components/ui/card";
import { DaysToPayViews } from "@/components/dashboard/days-to-pay-views";
import { Badge } from "@/components/ui/badge";
import { EKATALOG_STATUSES } from "@/lib/domain/vendor";
import { getPoolHealth } from "@/lib/data/admin/pool-health/get-pool-health";
import { PoolHealthCard } from "@/components/admin/pool-health-card";
import { Flash } from "@/components/ui/flash";

export default async function AdminHomePage({
  searchParams,
}: {
  searchParams: Promise<{ done?: string; error?: string }>;
}) {
  const admin = await requirePageRole("ADMIN");
  const [home, health] = await Promise.all([
    getAdminHome(db(), { clock: systemClock, actor: admin }),
    getPoolHealth(db(), { clock: systemClock, actor: admin }),
  ]);
  const { done, error } = await searchParams;
  const t = await getTranslations();
  const locale = toLocaleTag(await getLocale());
  const listed = home.ekatalog.BELUM + home.ekatalog.PROSES + home.ekatalog.TAYANG;
  return (
    <div className="space-y-6">
      <Flash done={done} error={error} messages={{ amendment: t("poolHealth.nothingToRefill") }} />
      <h1 className="text-2xl font-bold">{t("adminHome.title")}</h1>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
        <Stat
          label={t("adminHome.vendors")}
          value={home.totalVendors}
          hint={`${t("status.vendor.ACTIVE")}: ${home.vendorStatus.ACTIVE} · ${t("status.vendor.SUSPENDED")}: ${home.vendorStatus.SUSPENDED}`}
        />
        <Stat label={t("adminHome.escalations")} value={home.escalations.length} />
        <Stat label={t("adminHome.proposals")} value={home.sanctionProposals.length} />
        <Stat label={t("adminHome.expiring")} value={home.documentsExpiringSoon} />
        <Stat
          label={t("payments.daysToPay.overdueTitle", { days: home.payments.targetDays })}
          value={home.payments.total.overdue}
          hint={`${t("payments.daysToPay.owedNow")}: ${formatRupiah(home.payments.total.owedValue, locale)}`}
        />
      </div>
      {health.thin.length > 0 ? <PoolHealthCard health={health} /> : null}
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardTitle>{t("adminHome.ekatalog")}</CardTitle>
          <p className="mb-3 text-sm text-slate-700">
            {t("adminHome.ekatalogProgress", { live: home.ekatalog.TAYANG, total: listed })}
          </p>
          <div className="flex h-3 overflow-hidden rounded bg-slate-100" role="presentation">
            {EKATALOG_STATUSES.map((s) => (
              <div
                key={s}
                className={s === "TAYANG" ? "bg-brand-600" : s === "PROSES" ? "bg-amber-400" : "bg-slate-300"}
                style={{ width: `${listed ? (home.ekatalog[s] / listed) * 100 : 0}%` }}
              />
            ))}
          </div>
          <dl className="mt-3 grid grid-cols-3 gap-2 text-center text-sm">
            {EKATALOG_STATUSES.map((s) => (
              <div key={s}>
                <dt className="text-slate-600">{t(`status.ekatalog.${s}`)}</dt>
                <dd className="text-lg font-semibold tabular-nums">{home.ekatalog[s]}</dd>
              </div>
            ))}
          </dl>
        </Card>
        <Card>
          <CardTitle>{t("adminHome.decree")}</CardTitle>
          {home.decree ? (
            <>
              <p className="font-medium">{home.decree.number}</p>
              <p className="text-sm text-slate-700">
                {t("adminHome.decreeSummary", {
                  allocations: home.decree.allocations,
                  opds: home.decree.opds,
                  date: formatDateWIB(home.decree.effectiveFrom, locale),
                })}
              </p>
            </>
          ) : (
            <EmptyState>{t("adminHome.noDecree")}</EmptyState>
          )}
        </Card>
        <Card>
          <CardTitle>{t("adminHome.escalations")}</CardTitle>
          {home.escalations.length === 0 ? (
            <EmptyState>{t("adminHome.noEscalations")}</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100">
              {home.escalations.map((o) => (
                <li key={o.id} className="py-2 text-sm">
                  <p className="font-medium">
                    {o.eventName} — {o.opdName}
                  </p>
                  <p className="text-slate-700">
                    {t("adminHome.order", { number: o.number })} · {formatRupiah(o.total, locale)} ·{" "}
                    {formatDateTimeWIB(o.deliveryAt, locale)}
                  </p>
                  {o.escalatedAt ? (
                    <p className="text-xs text-slate-600">
                      {t("adminHome.escalatedAt", { time: formatDateTimeWIB(o.escalatedAt, locale) })}
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card>
          <CardTitle>{t("adminHome.proposals")}</CardTitle>
          {home.sanctionProposals.length === 0 ? (
            <EmptyState>{t("adminHome.noProposals")}</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100">
              {home.sanctionProposals.map((s) => (
                <li key={s.id} className="py-2 text-sm">
                  <p className="flex items-center gap-2 font-medium">
                    {s.vendorName} <Badge tone="danger">{t(`status.sanctionLevel.${s.level}`)}</Badge>
                  </p>
                  <p className="text-slate-700">{s.cause}</p>
                  <p className="text-xs text-slate-600">
                    {s.orderNumber ? `${t("adminHome.order", { number: s.orderNumber })} · ` : ""}
                    {formatDateTimeWIB(s.proposedAt, locale)}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
      <DaysToPayViews data={home.payments} locale={locale} showList />
      {health.thin.length === 0 ? <PoolHealthCard health={health} /> : null}
    </div>
  );
}
