// How the spread holds up under failures (issue 15), shared by the mayor's dashboard and the public page: the share
// of orders that needed an admin and of those the city-wide reserve served, per month and per OPD, and the
// sanctions in force with their effect on the spread. Server components, plain tables: light on a phone.
import { getTranslations } from "@/lib/i18n/server";
import type { OrderCounts, Resilience } from "@/lib/data/dashboard/get-resilience";
import { formatDateWIB, formatNumber, formatPercent, type Locale } from "@/lib/format";
import { Card, CardTitle, EmptyState, Stat } from "@/components/ui/card";
import { ScrollableTable } from "@/components/ui/table";

const share = (n: number, of: number, locale: Locale) => (of > 0 ? formatPercent(n / of, locale) : "—");

async function CountsTable({
  label,
  first,
  rows,
  locale,
}: {
  label: string;
  first: string;
  rows: ({ key: string; name: string } & OrderCounts)[];
  locale: Locale;
}) {
  const t = await getTranslations();
  return (
    <ScrollableTable label={label} minWidth={300}>
      <thead className="border-b border-slate-200 text-slate-600">
        <tr>
          <th scope="col" className="py-1 pr-3 font-medium">
            {first}
          </th>
          <th scope="col" className="py-1 pr-3 text-right font-medium">
            {t("resilience.orders")}
          </th>
          <th scope="col" className="py-1 pr-3 text-right font-medium">
            {t("resilience.escalated")}
          </th>
          <th scope="col" className="py-1 text-right font-medium">
            {t("resilience.reserve")}
          </th>
        </tr>
      </thead>
      <tbody className="tabular-nums">
        {rows.map((r) => (
          <tr key={r.key}>
            <td className="py-1 pr-3">{r.name}</td>
            <td className="py-1 pr-3 text-right">{formatNumber(r.orders, locale)}</td>
            <td className="py-1 pr-3 text-right">
              {r.escalated > 0 ? `${share(r.escalated, r.orders, locale)} (${r.escalated})` : "—"}
            </td>
            <td className="py-1 text-right">
              {r.reserve > 0 ? `${share(r.reserve, r.orders, locale)} (${r.reserve})` : "—"}
            </td>
          </tr>
        ))}
      </tbody>
    </ScrollableTable>
  );
}

export async function ResilienceViews({
  resilience: r,
  locale,
  showNames,
}: {
  resilience: Resilience;
  locale: Locale;
  /** The mayor's dashboard names the sanctioned UMKM; the public page only counts them. */
  showNames: boolean;
}) {
  const t = await getTranslations();
  const months = r.months.filter((m) => m.orders > 0);
  // The OPDs that needed an admin most, first.
  const byOpd = [...r.byOpd].sort(
    (a, b) => b.escalated / b.orders - a.escalated / a.orders || b.reserve - a.reserve || a.code.localeCompare(b.code),
  );
  const out = r.sanctionCounts.SP2 + r.sanctionCounts.SP3;
  return (
    <section className="space-y-4" aria-labelledby="resilience-title">
      <h2 id="resilience-title" className="text-lg font-semibold">
        {t("resilience.title")}
      </h2>
      <div className="grid gap-4 sm:grid-cols-3">
        <Stat
          label={t("resilience.escalatedShare")}
          value={share(r.total.escalated, r.total.orders, locale)}
          hint={t("resilience.escalatedHint", { count: r.total.escalated, orders: r.total.orders })}
        />
        <Stat
          label={t("resilience.reserveShare")}
          value={share(r.total.reserve, r.total.orders, locale)}
          hint={t("resilience.reserveHint", { count: r.total.reserve })}
        />
        <Stat
          label={t("resilience.sanctioned")}
          value={out}
          hint={t("resilience.sanctionedHint", { sp2: r.sanctionCounts.SP2, sp3: r.sanctionCounts.SP3 })}
        />
      </div>
      <Card>
        <CardTitle>{t("resilience.effect")}</CardTitle>
        {out === 0 ? (
          <p className="text-sm text-slate-700">{t("resilience.noSanctions")}</p>
        ) : (
          <p className="text-sm text-slate-700">
            {t("resilience.effectText", {
              gini: formatNumber(r.gini, locale, 2),
              without: formatNumber(r.giniWithoutSanctioned, locale, 2),
            })}
          </p>
        )}
        {showNames && r.sanctioned.length > 0 ? (
          <ul className="mt-2 list-inside list-disc text-sm text-slate-700">
            {r.sanctioned.map((s) => (
              <li key={s.vendorId}>
                {s.name} — {t(`status.sanctionLevel.${s.level}`)}
                {s.until
                  ? ` · ${t("resilience.until", { date: formatDateWIB(s.until, locale) })}`
                  : s.level === "SP3"
                    ? ` · ${t("resilience.removed")}`
                    : ""}
              </li>
            ))}
          </ul>
        ) : null}
      </Card>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card className="min-w-0">
          <CardTitle>{t("resilience.perMonth")}</CardTitle>
          {months.length === 0 ? (
            <EmptyState>{t("resilience.none")}</EmptyState>
          ) : (
            <CountsTable
              label={t("resilience.perMonth")}
              first={t("dashboard.month")}
              rows={months.map((m) => ({ ...m, key: m.month, name: m.month }))}
              locale={locale}
            />
          )}
        </Card>
        <Card className="min-w-0">
          <CardTitle>{t("resilience.perOpd")}</CardTitle>
          {byOpd.length === 0 ? (
            <EmptyState>{t("resilience.none")}</EmptyState>
          ) : (
            <CountsTable
              label={t("resilience.perOpd")}
              first={t("dashboard.opd")}
              rows={byOpd.map((o) => ({ ...o, key: o.opdId, name: o.code }))}
              locale={locale}
            />
          )}
        </Card>
      </div>
      <p className="text-xs text-slate-600">{t("resilience.help")}</p>
    </section>
  );
}
