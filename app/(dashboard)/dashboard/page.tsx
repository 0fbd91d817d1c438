import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import { z } from "zod";
import { requirePageRole } from "@/lib/auth/guards";
import { systemClock } from "@/lib/clock";
import { dashboardSnapshot } from "@/lib/data/dashboard/snapshots";
import { periodFromQuery, periodPresets } from "@/lib/domain/period";
import {
  formatDateTimeWIB,
  formatNumber,
  formatPercent,
  formatRupiah,
  monthNames,
  toLocaleTag,
  wibDay,
} from "@/lib/format";
import { Card, CardTitle } from "@/components/ui/card";
import { ScrollableTable } from "@/components/ui/table";
import { FilterActions, FilterInput, FilterSelect } from "@/components/ui/filters";
import { LorenzChart, TrendChart } from "@/components/dashboard/spread-charts";
import { BeforeAfter, SpreadStats, UnpaidVendors, VendorValues } from "@/components/dashboard/spread-views";
import { ResilienceViews } from "@/components/dashboard/resilience-views";
import { DaysToPayViews } from "@/components/dashboard/days-to-pay-views";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dashboard"))("title") };
}

export default async function DashboardPage({
  searchParams,
}: {
  searchParams: Promise<{ period?: string; from?: string; to?: string; opd?: string }>;
}) {
  const reader = await requirePageRole("MAYOR", "ADMIN");
  const sp = await searchParams;
  const today = wibDay(systemClock.now());
  const period = periodFromQuery(sp, today);
  const custom = period.kind === "custom";
  const opdId = z.string().uuid().safeParse(sp.opd).success ? sp.opd! : null;
  const { value: d, at } = await dashboardSnapshot({ actor: reader, period, opdId });
  const t = await getTranslations();
  const locale = toLocaleTag(await getLocale());
  const s = d.spread;
  const periodLabel = (key: string) => {
    const [kind, value] = key.split(":") as [string, string];
    return t(`dashboard.periods.${kind}`, { value });
  };
  // How many UMKM an average month with orders reaches: why a month's Gini reads higher than the year's.
  const activeMonths = d.trend.filter((m) => m.gini !== null);
  const vendorsPerActiveMonth = activeMonths.length
    ? activeMonths.reduce((a, m) => a + m.vendorsWithOrders, 0) / activeMonths.length
    : 0;
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">{t("dashboard.title")}</h1>
        <a
          href={`/api/dashboard/export?${new URLSearchParams({ period: period.key, ...(opdId ? { opd: opdId } : {}) }).toString()}`}
          download
          className="ml-auto text-sm font-medium text-brand-700 underline"
        >
          {t("dashboard.export")}
        </a>
      </div>
      <Card>
        <form method="get" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
          <FilterSelect
            name="period"
            label={t("dashboard.period")}
            value={custom ? "" : period.key}
            allLabel={t("dashboard.customPeriod")}
            options={periodPresets(today).map((k) => ({ value: k, label: periodLabel(k) }))}
          />
          <FilterInput name="from" type="date" label={t("dashboard.from")} value={custom ? sp.from : undefined} />
          <FilterInput name="to" type="date" label={t("dashboard.to")} value={custom ? sp.to : undefined} />
          <FilterSelect
            name="opd"
            label={t("dashboard.opd")}
            value={opdId ?? ""}
            allLabel={t("dashboard.cityWide")}
            options={d.opds.map((o) => ({ value: o.id, label: `${o.code} — ${o.name}` }))}
          />
          <FilterActions
            resetHref="/dashboard"
            count={t("dashboard.showing", { from: period.from, to: period.to })}
            className="sm:col-span-2 lg:col-span-5"
          />
        </form>
      </Card>
      <p className="text-sm text-slate-700">{t("dashboard.asOf", { at: formatDateTimeWIB(at, locale) })}</p>
      <SpreadStats spread={s} locale={locale} />
      <div className="grid gap-4 lg:grid-cols-2">
        <VendorValues spread={s} locale={locale} />
        <div className="space-y-4">
          <UnpaidVendors spread={s} />
          <Card>
            <CardTitle>{t("dashboard.lorenz")}</CardTitle>
            <LorenzChart
              points={s.lorenz}
              label={t("dashboard.lorenzAlt", { gini: formatNumber(s.distribution.gini, locale, 2) })}
              evenLabel={t("dashboard.lorenzEven")}
              actualLabel={t("dashboard.lorenzActual")}
            />
            <p className="mt-1 text-xs text-slate-600">{t("dashboard.lorenzHelp")}</p>
          </Card>
          <Card>
            <CardTitle>{t("dashboard.quality")}</CardTitle>
            <ul className="space-y-1 text-sm">
              <li>{t("dashboard.failures", { count: d.failures })}</li>
              <li>{t("dashboard.sanctions", { proposed: d.sanctions.proposed, confirmed: d.sanctions.confirmed })}</li>
              <li>
                {t("dashboard.ekatalog", {
                  live: d.ekatalog.live,
                  total: d.ekatalog.live + d.ekatalog.inProgress + d.ekatalog.notStarted,
                })}
              </li>
            </ul>
          </Card>
        </div>
      </div>
      <ResilienceViews resilience={d.resilience} locale={locale} showNames />
      <DaysToPayViews data={d.payments} locale={locale} showList />
      <BeforeAfter before={d.before} after={s} locale={locale} />
      <Card>
        <CardTitle>{t("dashboard.trend", { year: period.to.slice(0, 4) })}</CardTitle>
        <TrendChart
          months={d.trend}
          label={t("dashboard.trendAlt", { year: period.to.slice(0, 4) })}
          spendLabel={t("dashboard.trendSpend")}
          giniLabel={t("dashboard.trendGiniLegend")}
          monthNames={monthNames(locale)}
          spendAxis={t("dashboard.trendSpendAxis")}
          giniAxis={t("dashboard.trendGiniAxis")}
        />
        <p className="mt-2 text-xs text-slate-700">
          {t("dashboard.trendReading", {
            avg: formatNumber(vendorsPerActiveMonth, locale, 0),
            total: s.vendors.length,
          })}
        </p>
        <ScrollableTable label={t("dashboard.trend", { year: period.to.slice(0, 4) })} minWidth={420}>
          <thead className="border-b border-slate-200 text-left text-slate-600">
            <tr>
              <th scope="col" className="py-1 pr-3 font-medium">
                {t("dashboard.month")}
              </th>
              <th scope="col" className="py-1 pr-3 text-right font-medium">
                {t("dashboard.delivered")}
              </th>
              <th scope="col" className="py-1 pr-3 text-right font-medium">
                {t("dashboard.awarded")}
              </th>
              <th scope="col" className="py-1 text-right font-medium">
                Gini
              </th>
            </tr>
          </thead>
          <tbody className="tabular-nums">
            {d.trend.map((m) => (
              <tr key={m.month}>
                <td className="py-1 pr-3">
                  {monthNames(locale)[Number(m.month.slice(5)) - 1]} {m.month.slice(0, 4)}
                </td>
                <td className="py-1 pr-3 text-right">{formatRupiah(m.delivered, locale)}</td>
                <td className="py-1 pr-3 text-right">{formatRupiah(m.awarded, locale)}</td>
                <td className="py-1 text-right">
                  {m.gini === null ? (
                    <span className="text-slate-500">{t("dashboard.trendNoData")}</span>
                  ) : (
                    formatNumber(m.gini, locale, 2)
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollableTable>
      </Card>
      <Card>
        <CardTitle>{t("dashboard.absorption", { year: period.to.slice(0, 4) })}</CardTitle>
        <ScrollableTable label={t("dashboard.absorption", { year: period.to.slice(0, 4) })} minWidth={520}>
          <thead className="border-b border-slate-200 text-left text-slate-600">
            <tr>
              <th scope="col" className="py-1 pr-3 font-medium">
                {t("dashboard.opd")}
              </th>
              <th scope="col" className="py-1 pr-3 text-right font-medium">
                {t("dashboard.pagu")}
              </th>
              <th scope="col" className="py-1 pr-3 text-right font-medium">
                {t("dashboard.realised")}
              </th>
              <th scope="col" className="py-1 text-right font-medium">
                %
              </th>
            </tr>
          </thead>
          <tbody className="tabular-nums">
            {d.absorption.map((a) => (
              <tr key={a.opdId}>
                <td className="py-1 pr-3">
                  <a
                    href={`/dashboard?period=${encodeURIComponent(period.key)}&opd=${a.opdId}`}
                    className="text-brand-700 underline"
                  >
                    {a.code}
                  </a>
                </td>
                <td className="py-1 pr-3 text-right">{formatRupiah(a.pagu, locale)}</td>
                <td className="py-1 pr-3 text-right">{formatRupiah(a.realised, locale)}</td>
                <td className="py-1 text-right">{a.pagu > 0 ? formatPercent(a.realised / a.pagu, locale) : "—"}</td>
              </tr>
            ))}
          </tbody>
        </ScrollableTable>
      </Card>
    </div>
  );
}
