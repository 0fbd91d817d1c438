// The spread's views shared by the mayor's dashboard and the public transparency page: the headline figures
// with their plain reading, value per UMKM as a table with bars (no charting library), and the UMKM with no
// order. Server components; light enough for a phone.
import { getTranslations } from "next-intl/server";
import type { Spread } from "@/lib/data/dashboard/get-spread";
import { formatNumber, formatPercent, formatRupiah, type Locale } from "@/lib/format";
import { Card, CardTitle, EmptyState, Stat } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { ScrollableTable } from "@/components/ui/table";

export async function SpreadStats({ spread: s, locale }: { spread: Spread; locale: Locale }) {
  const t = await getTranslations();
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat
          label={t("dashboard.delivered")}
          value={formatRupiah(s.delivered, locale)}
          hint={t("dashboard.awardedHint", { value: formatRupiah(s.awarded, locale) })}
        />
        <Stat
          label={t("dashboard.paidVendors")}
          value={`${s.distribution.vendors - s.distribution.zero.count} / ${s.distribution.vendors}`}
          hint={t("dashboard.paidHint")}
        />
        <Stat
          label="Gini"
          value={formatNumber(s.distribution.gini, locale, 2)}
          hint={t(`dashboard.reading.${s.reading}`)}
        />
        <Stat
          label={t("dashboard.top3")}
          value={formatPercent(s.distribution.top3Share, locale)}
          hint={`HHI ${formatNumber(s.distribution.hhi, locale, 3)}`}
        />
      </div>
      <p className="text-xs text-slate-600">{t("dashboard.readingHelp")}</p>
    </>
  );
}

export async function VendorValues({ spread: s, locale }: { spread: Spread; locale: Locale }) {
  const t = await getTranslations();
  const maxValue = Math.max(1, ...s.vendors.map((v) => v.awarded));
  return (
    <Card>
      <CardTitle>{t("dashboard.perVendor")}</CardTitle>
      {s.vendors.length === 0 ? (
        <EmptyState>{t("dashboard.noVendors")}</EmptyState>
      ) : (
        <ScrollableTable label={t("dashboard.perVendor")} minWidth={360}>
          <thead className="border-b border-slate-200 text-left text-slate-600">
            <tr>
              <th scope="col" className="py-1 pr-3 font-medium">
                UMKM
              </th>
              <th scope="col" className="py-1 pr-3 font-medium">
                {t("dashboard.orders")}
              </th>
              <th scope="col" className="w-1/2 py-1 font-medium">
                {t("dashboard.awarded")}
              </th>
            </tr>
          </thead>
          <tbody>
            {s.vendors.map((v) => (
              <tr key={v.id}>
                <td className="py-1 pr-3">{v.name}</td>
                <td className="py-1 pr-3 tabular-nums">{v.orders}</td>
                <td className="py-1">
                  <div className="flex items-center gap-2">
                    <div
                      className="h-3 rounded bg-brand-600"
                      style={{ width: `${(v.awarded / maxValue) * 100}%` }}
                      aria-hidden
                    />
                    <span className="whitespace-nowrap text-xs tabular-nums">{formatRupiah(v.awarded, locale)}</span>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollableTable>
      )}
    </Card>
  );
}

export async function UnpaidVendors({ spread: s }: { spread: Spread }) {
  const t = await getTranslations();
  return (
    <Card>
      <CardTitle>{t("dashboard.unpaid", { count: s.unpaid.length })}</CardTitle>
      {s.unpaid.length === 0 ? (
        <EmptyState>{t("dashboard.noUnpaid")}</EmptyState>
      ) : (
        <ul className="flex flex-wrap gap-2 text-sm">
          {s.unpaid.map((v) => (
            <li key={v.id}>
              <Badge tone="warning">{v.name}</Badge>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
