import { ConcentrationReading } from "@/components/dashboard/spread-views";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import { requirePageRole } from "@/lib/auth/guards";
import { mayorHomeSnapshot } from "@/lib/data/dashboard/snapshots";
import {
  formatDateTimeWIB,
  formatNumber,
  formatPercent,
  formatRupiah,
  formatRupiahShort,
  toLocaleTag,
} from "@/lib/format";
import { Card, CardTitle, EmptyState, Stat } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";

export default async function MayorHomePage() {
  const reader = await requirePageRole("MAYOR", "ADMIN");
  const { value: home, at } = await mayorHomeSnapshot({ actor: reader });
  const t = await getTranslations("mayorHome");
  const locale = toLocaleTag(await getLocale());
  const tone = home.reading === "merata" ? "success" : home.reading === "cukup_merata" ? "warning" : "danger";
  const max = Math.max(1, ...home.topVendors.map((v) => v.value));
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("title", { year: home.fiscalYear })}</h1>
        <p className="mt-1 text-sm text-slate-700">{t("asOf", { at: formatDateTimeWIB(at, locale) })}</p>
      </div>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat
          label={t("spend")}
          value={formatRupiahShort(home.spend, locale)}
          hint={t("pagu", { pagu: formatRupiahShort(home.pagu, locale) })}
        />
        <Stat label={t("committed")} value={formatRupiahShort(home.committed, locale)} />
        <Stat label={t("paid")} value={t("paidValue", { paid: home.paidVendors, allocated: home.allocatedVendors })} />
        <Stat
          label={t("gini")}
          value={
            <span className="flex items-center gap-2">
              {formatNumber(home.distribution.gini, locale, 2)}{" "}
              <Badge tone={tone}>{t(`reading.${home.reading}`)}</Badge>
            </span>
          }
          hint={t("giniHint")}
        />
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardTitle>{t("top")}</CardTitle>
          <p className="mb-3 text-sm text-slate-700">
            {t("top3")}: {formatPercent(home.distribution.top3Share, locale)}.{" "}
            <ConcentrationReading distribution={home.distribution} locale={locale} />
          </p>
          <ul className="space-y-2">
            {home.topVendors.map((v) => (
              <li key={v.code} className="text-sm">
                <div className="flex justify-between gap-2">
                  <span>{v.name}</span>
                  <span className="tabular-nums">{formatRupiah(v.value, locale)}</span>
                </div>
                <div className="mt-1 h-2 rounded bg-slate-100" role="presentation">
                  <div className="h-2 rounded bg-brand-600" style={{ width: `${(v.value / max) * 100}%` }} />
                </div>
              </li>
            ))}
          </ul>
        </Card>
        <Card>
          <CardTitle>{t("unpaid")}</CardTitle>
          {home.unpaidVendors.length === 0 ? (
            <EmptyState>{t("noUnpaid")}</EmptyState>
          ) : (
            <ul className="list-inside list-disc text-sm">
              {home.unpaidVendors.map((v) => (
                <li key={v.code}>{v.name}</li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </div>
  );
}
