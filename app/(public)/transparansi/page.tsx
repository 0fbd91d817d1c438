import type { Metadata } from "next";
import Link from "next/link";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import { systemClock } from "@/lib/clock";
import { publicSpreadSnapshot } from "@/lib/data/dashboard/snapshots";
import { periodPresets } from "@/lib/domain/period";
import { formatDateTimeWIB, toLocaleTag, wibDay } from "@/lib/format";
import { ResilienceViews } from "@/components/dashboard/resilience-views";
import { DaysToPayViews } from "@/components/dashboard/days-to-pay-views";
import { Card } from "@/components/ui/card";
import { FilterActions, FilterInput, FilterSelect, queryHref } from "@/components/ui/filters";
import { SpreadStats, UnpaidVendors, VendorValues } from "@/components/dashboard/spread-views";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("public");
  return { title: t("title"), description: t("intro") };
}

/** Public transparency (no login): how evenly the catering budget reaches UMKM, per period and OPD. */
export default async function TransparencyPage({
  searchParams,
}: {
  searchParams: Promise<{ period?: string; from?: string; to?: string; opd?: string }>;
}) {
  const sp = await searchParams;
  const { value: view, at } = await publicSpreadSnapshot(sp);
  const t = await getTranslations();
  const locale = toLocaleTag(await getLocale());
  const s = view.spread;
  const custom = s.period.kind === "custom";
  const periodLabel = (key: string) => {
    const [kind, value] = key.split(":") as [string, string];
    return t(`dashboard.periods.${kind}`, { value });
  };
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-bold">{t("public.title")}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-700">{t("public.intro")}</p>
      </div>
      <Card>
        <form method="get" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
          <FilterSelect
            name="period"
            label={t("dashboard.period")}
            value={custom ? "" : s.period.key}
            allLabel={t("dashboard.customPeriod")}
            options={periodPresets(wibDay(systemClock.now())).map((k) => ({ value: k, label: periodLabel(k) }))}
          />
          <FilterInput name="from" type="date" label={t("dashboard.from")} value={custom ? s.period.from : undefined} />
          <FilterInput name="to" type="date" label={t("dashboard.to")} value={custom ? s.period.to : undefined} />
          <FilterSelect
            name="opd"
            label={t("dashboard.opd")}
            value={view.opd?.code ?? ""}
            allLabel={t("dashboard.cityWide")}
            options={view.opds.map((o) => ({ value: o.code, label: `${o.code} — ${o.name}` }))}
          />
          <FilterActions
            resetHref="/transparansi"
            count={t("dashboard.showing", { from: s.period.from, to: s.period.to })}
            className="sm:col-span-2 lg:col-span-5"
          />
        </form>
      </Card>
      <p className="text-sm text-slate-700">
        {view.opd ? t("public.scopeOpd", { name: view.opd.name }) : t("public.scopeCity")}{" "}
        {t("dashboard.asOf", { at: formatDateTimeWIB(at, locale) })}
      </p>
      <SpreadStats spread={s} locale={locale} />
      <div className="grid gap-4 lg:grid-cols-2">
        <VendorValues spread={s} locale={locale} />
        <div className="space-y-4">
          <UnpaidVendors spread={s} />
          <Card>
            <h2 className="mb-2 text-base font-semibold">{t("public.downloads")}</h2>
            <ul className="space-y-2 text-sm">
              {(
                [
                  ["xlsx", "public.xlsx"],
                  ["csv-titik-koma", "public.csvSemicolon"],
                  ["csv", "public.csv"],
                ] as const
              ).map(([format, label]) => (
                <li key={format}>
                  <a
                    href={queryHref(`/api/public/transparansi/${format}`, view.query)}
                    download
                    className="font-medium text-brand-700 underline"
                  >
                    {t(label)}
                  </a>
                </li>
              ))}
              <li>
                {s.vendors.some((v) => v.orders > 0) ? (
                  <a
                    href={queryHref("/api/public/transparansi/ocds", view.query)}
                    download
                    className="font-medium text-brand-700 underline"
                  >
                    {t("public.ocds")}
                  </a>
                ) : (
                  <span className="text-slate-700">{t("public.noContracts")}</span>
                )}
              </li>
            </ul>
            <p className="mt-2 text-xs text-slate-600">{t("public.csvDialect")}</p>
            <p className="mt-2 text-xs text-slate-600">
              {t("public.privacy")}{" "}
              <Link href="/transparansi/kebijakan" className="font-medium text-brand-700 underline">
                {t("public.policyLink")}
              </Link>
            </p>
          </Card>
        </div>
      </div>
      <ResilienceViews resilience={view.resilience} locale={locale} showNames={false} />
      <DaysToPayViews data={view.payments} locale={locale} showList={false} />
    </div>
  );
}
