// How fast the city pays its UMKM (issue 20), shared by the mayor's dashboard and the public page: a plain reading
// of the period's average against the target, the averages per month of payment and per OPD (empty months read "no
// data", never 0), what is owed now, and — on the dashboard only — the oldest deliveries still unpaid past the target.
// Server components, plain tables: light on a phone.
import { getTranslations } from "@/lib/i18n/server";
import type { DaysToPay, PayFigures } from "@/lib/data/dashboard/get-days-to-pay";
import { formatDateWIB, formatNumber, formatRupiah, monthNames, type Locale } from "@/lib/format";
import { Card, CardTitle, EmptyState, Stat } from "@/components/ui/card";
import { ScrollableTable } from "@/components/ui/table";
import { PayableStageBadge } from "@/components/payments/payable-stage-badge";

function FiguresCells({ f, locale, noData }: { f: PayFigures; locale: Locale; noData: string }) {
  const days = (d: number | null) =>
    d === null ? <span className="text-slate-500">{noData}</span> : formatNumber(d, locale, 1);
  return (
    <>
      <td className="py-1 pr-3 text-right">{formatNumber(f.paidCount, locale)}</td>
      <td className="py-1 pr-3 text-right">{days(f.avgFromBast)}</td>
      <td className="py-1 text-right">{days(f.avgFromInvoice)}</td>
    </>
  );
}

export async function DaysToPayViews({
  data,
  locale,
  showList,
}: {
  data: DaysToPay;
  locale: Locale;
  /** The oldest unpaid deliveries with their vendors (the dashboard; not the public page). */
  showList: boolean;
}) {
  const t = await getTranslations("payments.daysToPay");
  const names = monthNames(locale);
  const avg = data.total.avgFromBast;
  const head = (first: string) => (
    <thead className="border-b border-slate-200 text-slate-600">
      <tr>
        <th scope="col" className="py-1 pr-3 font-medium">
          {first}
        </th>
        <th scope="col" className="py-1 pr-3 text-right font-medium">
          {t("paidCount")}
        </th>
        <th scope="col" className="py-1 pr-3 text-right font-medium">
          {t("fromBast")}
        </th>
        <th scope="col" className="py-1 text-right font-medium">
          {t("fromInvoice")}
        </th>
      </tr>
    </thead>
  );
  return (
    <Card>
      <CardTitle>{t("title")}</CardTitle>
      <p className="mb-2 text-sm text-slate-700">{t("intro", { days: data.targetDays })}</p>
      <p className="mb-3 font-medium" data-testid="days-to-pay-reading">
        {avg === null
          ? t("readingNone")
          : t("reading", {
              days: formatNumber(avg, locale, 1),
              verdict:
                avg <= data.targetDays
                  ? t("verdictOk", { target: data.targetDays })
                  : t("verdictLate", { target: data.targetDays }),
            })}
      </p>
      <div className="mb-3 grid grid-cols-2 gap-3 lg:grid-cols-4">
        <Stat label={t("fromBast")} value={avg === null ? t("noData") : formatNumber(avg, locale, 1)} />
        <Stat
          label={t("fromInvoice")}
          value={data.total.avgFromInvoice === null ? t("noData") : formatNumber(data.total.avgFromInvoice, locale, 1)}
        />
        <Stat
          label={t("owedNow")}
          value={formatRupiah(data.total.owedValue, locale)}
          hint={formatNumber(data.total.owedCount, locale)}
        />
        <Stat label={t("overdueTitle", { days: data.targetDays })} value={formatNumber(data.total.overdue, locale)} />
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <ScrollableTable label={t("title")} minWidth={300}>
          {head(t("month"))}
          <tbody className="tabular-nums">
            {data.months.map((m) => (
              <tr key={m.month}>
                <td className="py-1 pr-3">{names[Number(m.month.slice(5, 7)) - 1]}</td>
                <FiguresCells f={m} locale={locale} noData={t("noData")} />
              </tr>
            ))}
          </tbody>
        </ScrollableTable>
        {data.byOpd.length > 1 ? (
          <ScrollableTable label={t("perOpd")} minWidth={300}>
            {head(t("opd"))}
            <tbody className="tabular-nums">
              {data.byOpd.map((o) => (
                <tr key={o.opdId}>
                  <td className="py-1 pr-3">
                    {o.name}
                    {o.overdue > 0 ? (
                      <span className="block text-xs text-red-800">
                        {t("overdueTitle", { days: data.targetDays })}: {formatNumber(o.overdue, locale)}
                      </span>
                    ) : null}
                  </td>
                  <FiguresCells f={o} locale={locale} noData={t("noData")} />
                </tr>
              ))}
            </tbody>
          </ScrollableTable>
        ) : null}
      </div>
      {showList ? (
        <>
          <h3 className="mt-4 text-sm font-semibold">{t("overdueTitle", { days: data.targetDays })}</h3>
          {data.overdue.length === 0 ? (
            <EmptyState>{t("overdueNone")}</EmptyState>
          ) : (
            <ul className="mt-1 divide-y divide-slate-100 text-sm">
              {data.overdue.map((o) => (
                <li key={o.orderId} className="flex flex-wrap items-center gap-x-2 gap-y-1 py-1">
                  <span className="font-medium">{o.vendorName}</span>
                  <span className="text-slate-600">
                    {o.opdName} · {o.orderNumber} · BAST {formatDateWIB(o.bastAt, locale)}
                  </span>
                  <span className="tabular-nums">{formatRupiah(o.owed, locale)}</span>
                  <span className="font-medium text-red-800">{t("waited", { days: o.daysWaited })}</span>
                  <PayableStageBadge stage={o.stage} />
                </li>
              ))}
              {data.total.overdue > data.overdue.length ? (
                <li className="py-1 text-slate-600">
                  {t("overdueMore", { count: data.total.overdue - data.overdue.length })}
                </li>
              ) : null}
            </ul>
          )}
        </>
      ) : null}
    </Card>
  );
}
