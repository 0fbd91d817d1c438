// The spread's views shared by the mayor's dashboard and the public transparency page: the headline figures
// with their plain reading, value per UMKM as a table with bars (no charting library), and the UMKM with no
// order; and the before/after comparison. Server components; light enough for a phone.
import { getTranslations } from "@/lib/i18n/server";
import type { Spread } from "@/lib/data/dashboard/get-spread";
import type { BeforeDecree } from "@/lib/data/admin/prior-purchases/get-before-decree";
import { formatNumber, formatPercent, formatRupiah, type Locale } from "@/lib/format";
import { Card, CardTitle, EmptyState, Stat } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { ScrollableTable } from "@/components/ui/table";
import { equivalentVendors, evenTopShare } from "@/lib/domain/fairness";

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
          hint={<ConcentrationReading distribution={s.distribution} locale={locale} />}
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
        <ScrollableTable label={t("dashboard.perVendor")} minWidth={280}>
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
                  {/* The amount above, the bar below on a track as wide as the column for every row: its length is
                      its value's share of the largest, never squeezed by the figure beside it (issue 18). */}
                  <span className="text-xs tabular-nums">{formatRupiah(v.awarded, locale)}</span>
                  <div className="mt-0.5 h-2.5 w-full rounded bg-slate-100" aria-hidden data-bar-track>
                    <div
                      className="h-2.5 rounded bg-brand-600"
                      style={{ width: `${(v.awarded / maxValue) * 100}%` }}
                      data-bar-value={v.awarded}
                    />
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

/** The concentration before the decree (imported purchases) beside the spread after it, as a table. */
export async function BeforeAfter({
  before,
  after,
  locale,
}: {
  before: BeforeDecree | null;
  after: Spread;
  locale: Locale;
}) {
  const t = await getTranslations();
  if (!before) {
    return (
      <Card>
        <CardTitle>{t("dashboard.beforeAfter")}</CardTitle>
        <EmptyState>{t("dashboard.noBefore")}</EmptyState>
      </Card>
    );
  }
  const b = before.distribution;
  const a = after.distribution;
  const rows: [string, string, string][] = [
    [t("dashboard.awarded"), formatRupiah(before.total, locale), formatRupiah(after.awarded, locale)],
    [
      t("dashboard.paidVendors"),
      t("dashboard.suppliersBefore", { count: b.vendors }),
      t("dashboard.vendorsAfter", { paid: a.vendors - a.zero.count, count: a.vendors }),
    ],
    ["Gini", formatNumber(b.gini, locale, 2), formatNumber(a.gini, locale, 2)],
    ["HHI", formatNumber(b.hhi, locale, 3), formatNumber(a.hhi, locale, 3)],
    [t("dashboard.top3"), formatPercent(b.top3Share, locale), formatPercent(a.top3Share, locale)],
  ];
  return (
    <Card>
      <CardTitle>{t("dashboard.beforeAfter")}</CardTitle>
      <ScrollableTable label={t("dashboard.beforeAfter")} minWidth={360}>
        <thead className="border-b border-slate-200 text-left text-slate-600">
          <tr>
            <th scope="col" className="py-1 pr-3 font-medium">
              {t("dashboard.measure")}
            </th>
            <th scope="col" className="py-1 pr-3 font-medium">
              {t("dashboard.beforeYear", { year: before.fiscalYear })}
            </th>
            <th scope="col" className="py-1 font-medium">
              {t("dashboard.afterPeriod")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([k, x, y]) => (
            <tr key={k}>
              <th scope="row" className="py-1 pr-3 text-left font-normal">
                {k}
              </th>
              <td className="py-1 pr-3 tabular-nums">{x}</td>
              <td className="py-1 tabular-nums">{y}</td>
            </tr>
          ))}
        </tbody>
      </ScrollableTable>
      <p className="mt-2 text-xs text-slate-600">
        {t("dashboard.beforeTop")}: {before.top.map((s) => `${s.name} (${formatRupiah(s.value, locale)})`).join(", ")}
      </p>
      <p className="mt-1 text-xs text-slate-600">
        {t(`dashboard.reading.${before.reading}`)} → {t(`dashboard.reading.${after.reading}`)}
      </p>
    </Card>
  );
}

/**
 * The top-3 share and the HHI in plain words (issue 18): what the top three would hold if the money were even, and
 * the HHI as a number of UMKM receiving equal shares.
 */
export async function ConcentrationReading({
  distribution: d,
  locale,
}: {
  distribution: { vendors: number; hhi: number };
  locale: Locale;
}) {
  const t = await getTranslations();
  const equivalent = equivalentVendors(d.hhi);
  if (equivalent === null) return null;
  return (
    <>
      {t("dashboard.concentration", {
        even: formatPercent(evenTopShare(d.vendors), locale),
        hhi: formatNumber(d.hhi, locale, 3),
        equivalent: formatNumber(equivalent, locale, equivalent < 10 ? 1 : 0),
        total: d.vendors,
      })}
    </>
  );
}
