// The decree's what-if with failures (issue 15): the last months' orders replayed under the decree with the
// declines, lapses and failures observed in them, under the current sanction settings and under another set an
// admin enters (by default the ladder by count alone). A plain GET form: the figures are a link an admin can share.
import { Field, Input, Select } from "@/components/ui/field";
import { getTranslations } from "@/lib/i18n/server";
import { db } from "@/lib/db";
import { systemClock } from "@/lib/clock";
import type { Actor } from "@/lib/data/audit";
import { WHAT_IF_MONTHS } from "@/lib/data/admin/what-if";
import { alternativeSanctionsSchema, ladderByCount, type AlternativeSanctions } from "@/lib/domain/what-if";
import { whatIfWithFailures } from "@/lib/data/admin/what-if-with-failures";
import { getSettings } from "@/lib/data/settings/get-settings";
import type { SimulationResult } from "@/lib/domain/what-if";
import { formatNumber, formatPercent, type Locale } from "@/lib/format";
import { Card, CardTitle } from "@/components/ui/card";
import { ScrollableTable } from "@/components/ui/table";
import { Button } from "@/components/ui/button";

export interface FailureWhatIfQuery {
  fw?: string;
  a2n?: string;
  a3n?: string;
  a2p?: string;
  a3p?: string;
  asd?: string;
  ares?: string;
}

/** The alternative settings from the form: null when none was entered, an error when they do not hold together. */
function alternativeFrom(q: FailureWhatIfQuery): AlternativeSanctions | null | "invalid" {
  if (q.a2n === undefined) return null;
  const num = (v: string | undefined) =>
    v === undefined || v.trim() === "" ? Number.NaN : Number(v.replace(",", "."));
  const parsed = alternativeSanctionsSchema.safeParse({
    sp2AfterFailures: num(q.a2n),
    sp3AfterFailures: num(q.a3n),
    sp2MinFailureShare: num(q.a2p) / 100,
    sp3MinFailureShare: num(q.a3p) / 100,
    suspensionDays: num(q.asd),
    cityReserve: q.ares === "on",
  });
  if (!parsed.success) return "invalid";
  const a = parsed.data;
  return a.sp3AfterFailures > a.sp2AfterFailures && a.sp3MinFailureShare >= a.sp2MinFailureShare ? a : "invalid";
}

export async function FailureWhatIf({
  decreeId,
  query,
  locale,
  actor,
}: {
  decreeId: string;
  /** The admin reading the page (the what-if authorises its reader). */
  actor: Actor;
  query: FailureWhatIfQuery;
  locale: Locale;
}) {
  const t = await getTranslations();
  const months = WHAT_IF_MONTHS.find((m) => String(m) === query.fw);
  const alternative = alternativeFrom(query);
  const settings = await getSettings(db());
  const result =
    months && alternative !== "invalid"
      ? await whatIfWithFailures(db(), { clock: systemClock, actor, decreeId, months, alternative })
      : null;
  const shown = result?.alternativeSettings ?? ladderByCount(settings);
  const pct = (x: number) => Math.round(x * 1000) / 10;
  const rows: [string, (r: SimulationResult) => string][] = [
    ["Gini", (r) => formatNumber(r.distribution.gini, locale, 3)],
    ["HHI", (r) => formatNumber(r.distribution.hhi, locale, 3)],
    [t("adminDecrees.top3"), (r) => formatPercent(r.distribution.top3Share, locale)],
    [t("adminDecrees.zero"), (r) => `${formatNumber(r.distribution.zero.count, locale)} / ${r.distribution.vendors}`],
    [t("failureWhatIf.escalated"), (r) => formatPercent(r.escalatedShare, locale)],
    [t("failureWhatIf.reserve"), (r) => formatNumber(r.reserve, locale, 0)],
    [
      t("failureWhatIf.sanctions"),
      (r) =>
        `${formatNumber(r.sanctions.SP1, locale, 1)} / ${formatNumber(r.sanctions.SP2, locale, 1)} / ${formatNumber(r.sanctions.SP3, locale, 1)}`,
    ],
    [
      t("failureWhatIf.outAtEnd"),
      (r) => `${formatNumber(r.suspendedAtEnd, locale, 1)} / ${formatNumber(r.removedAtEnd, locale, 1)}`,
    ],
  ];
  return (
    <Card>
      <CardTitle>{t("failureWhatIf.title")}</CardTitle>
      <p className="mb-2 text-sm text-slate-700">{t("failureWhatIf.intro")}</p>
      <form method="get" className="grid gap-2 sm:grid-cols-3 lg:grid-cols-4">
        <Field id="fw" label={t("failureWhatIf.months")}>
          <Select density="compact" id="fw" name="fw" defaultValue={String(months ?? 6)}>
            {WHAT_IF_MONTHS.map((m) => (
              <option key={m} value={m}>
                {t("adminDecrees.monthsOption", { count: m })}
              </option>
            ))}
          </Select>
        </Field>
        {(
          [
            ["a2n", "adminRules.sp2AfterFailures", shown.sp2AfterFailures, 2, 20, 1],
            ["a3n", "adminRules.sp3AfterFailures", shown.sp3AfterFailures, 3, 30, 1],
            ["a2p", "adminRules.sp2MinFailurePercent", pct(shown.sp2MinFailureShare), 0, 100, 0.5],
            ["a3p", "adminRules.sp3MinFailurePercent", pct(shown.sp3MinFailureShare), 0, 100, 0.5],
            ["asd", "adminRules.suspensionDays", shown.suspensionDays, 1, 365, 1],
          ] as const
        ).map(([name, label, value, min, max, step]) => (
          <div key={name}>
            <label htmlFor={name} className="block text-sm font-medium">
              {t(label)}
            </label>
            <Input
              density="compact"
              id={name}
              name={name}
              type="number"
              min={min}
              max={max}
              step={step}
              required
              defaultValue={value}
            />
          </div>
        ))}
        <label className="flex items-center gap-2 text-sm sm:col-span-2">
          <input type="checkbox" name="ares" defaultChecked={shown.cityReserve} className="size-4" />
          {t("failureWhatIf.reserveOn")}
        </label>
        <div className="flex items-end sm:col-span-3 lg:col-span-4">
          <Button type="submit" variant="secondary">
            {t("failureWhatIf.run")}
          </Button>
        </div>
      </form>
      {alternative === "invalid" ? (
        <p role="alert" className="mt-3 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          {t("failureWhatIf.invalid")}
        </p>
      ) : null}
      {result ? (
        <div className="mt-4 space-y-2">
          <p className="text-sm" role="status">
            {t("failureWhatIf.observed", {
              orders: result.orders,
              months: result.months,
              decline: formatPercent(result.observed.declineRate, locale),
              expiry: formatPercent(result.observed.expiryRate, locale),
              failure: formatPercent(result.observed.failureRate, locale),
            })}
          </p>
          <ScrollableTable label={t("failureWhatIf.title")} minWidth={420}>
            <thead className="border-b border-slate-200 text-left text-slate-600">
              <tr>
                <th scope="col" className="py-1 pr-3 font-medium">
                  {t("adminDecrees.metric")}
                </th>
                <th scope="col" className="py-1 pr-3 text-right font-medium">
                  {t("failureWhatIf.currentCol")}
                </th>
                <th scope="col" className="py-1 text-right font-medium">
                  {t("failureWhatIf.alternativeCol")}
                </th>
              </tr>
            </thead>
            <tbody className="tabular-nums">
              {rows.map(([label, f]) => (
                <tr key={label}>
                  <th scope="row" className="py-1 pr-3 text-left font-normal">
                    {label}
                  </th>
                  <td className="py-1 pr-3 text-right font-semibold">{f(result.current)}</td>
                  <td className="py-1 text-right">{f(result.alternative)}</td>
                </tr>
              ))}
            </tbody>
          </ScrollableTable>
          <p className="text-xs text-slate-600">{t("failureWhatIf.help", { runs: result.current.runs })}</p>
        </div>
      ) : null}
    </Card>
  );
}
