// The what-if before publishing: the last months' orders (or a synthetic year) replayed under the decree in force and
// under this one, side by side, and per vendor. Runs when the admin asks (?months=…). A server component of the admin's
// decree page.
import { getTranslations } from "@/lib/i18n/server";
import { db } from "@/lib/db";
import { systemClock } from "@/lib/clock";
import type { Actor } from "@/lib/data/audit";
import { SYNTHETIC_PER_MONTH, WHAT_IF_MONTHS, whatIf } from "@/lib/data/admin/what-if";
import { formatNumber, formatPercent, formatRupiah, type Locale } from "@/lib/format";
import { Card, CardTitle } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import { ScrollableTable } from "@/components/ui/table";

export async function WhatIfCard({
  g,
  months,
  locale,
  actor,
}: {
  g: { id: string; number: string };
  /** The admin reading the page (the what-if authorises its reader). */
  actor: Actor;
  /** The address bar's choice: a number of months, "synthetic", or nothing (not run). */
  months: string | undefined;
  locale: Locale;
}) {
  const t = await getTranslations();
  const wantedMonths = WHAT_IF_MONTHS.find((m) => String(m) === months);
  const sim = wantedMonths
    ? await whatIf(db(), { clock: systemClock, actor, decreeId: g.id, source: { months: wantedMonths } })
    : months === "synthetic"
      ? await whatIf(db(), { clock: systemClock, actor, decreeId: g.id, source: { synthetic: true } })
      : null;
  return (
    <Card>
      <CardTitle>{t("adminDecrees.whatIf")}</CardTitle>
      <p className="mb-2 text-sm text-slate-700">{t("adminDecrees.whatIfIntro")}</p>
      <form method="get" className="flex flex-wrap items-end gap-2">
        <Field id="months" label={t("adminDecrees.whatIfMonths")}>
          <Select
            density="compact"
            id="months"
            name="months"
            defaultValue={months === "synthetic" ? "synthetic" : String(wantedMonths ?? 6)}
          >
            {WHAT_IF_MONTHS.map((m) => (
              <option key={m} value={m}>
                {t("adminDecrees.monthsOption", { count: m })}
              </option>
            ))}
            <option value="synthetic">{t("adminDecrees.syntheticOption", { perMonth: SYNTHETIC_PER_MONTH })}</option>
          </Select>
        </Field>
        <Button type="submit" variant="secondary">
          {t("adminDecrees.whatIfRun")}
        </Button>
      </form>
      {sim ? (
        <div className="mt-4 space-y-3">
          <p className="text-sm" role="status">
            {sim.syntheticYear !== null
              ? t("adminDecrees.whatIfSynthetic", { orders: sim.orders, year: sim.syntheticYear })
              : t("adminDecrees.whatIfOrders", { orders: sim.orders, months: sim.months ?? 0 })}
          </p>
          <ScrollableTable label={t("adminDecrees.whatIf")} minWidth={480}>
            <thead className="border-b border-slate-200 text-left text-slate-600">
              <tr>
                <th scope="col" className="py-1 pr-3 font-medium">
                  {t("adminDecrees.metric")}
                </th>
                <th scope="col" className="py-1 pr-3 text-right font-medium">
                  {sim.inForce ? t("adminDecrees.inForceCol", { number: sim.inForce.number }) : "—"}
                </th>
                <th scope="col" className="py-1 text-right font-medium">
                  {t("adminDecrees.draftCol", { number: g.number })}
                </th>
              </tr>
            </thead>
            <tbody className="tabular-nums">
              {(
                [
                  ["Gini", (r: typeof sim.draft) => formatNumber(r.distribution.gini, locale, 3)],
                  ["HHI", (r: typeof sim.draft) => formatNumber(r.distribution.hhi, locale, 3)],
                  [t("adminDecrees.top3"), (r: typeof sim.draft) => formatPercent(r.distribution.top3Share, locale)],
                  [
                    t("adminDecrees.zero"),
                    (r: typeof sim.draft) => `${r.distribution.zero.count} / ${r.distribution.vendors}`,
                  ],
                  [t("adminDecrees.unserved"), (r: typeof sim.draft) => String(r.unserved)],
                ] as const
              ).map(([label, f]) => (
                <tr key={label}>
                  <th scope="row" className="py-1 pr-3 text-left font-normal">
                    {label}
                  </th>
                  <td className="py-1 pr-3 text-right">{sim.inForce ? f(sim.inForce.result) : "—"}</td>
                  <td className="py-1 text-right font-semibold">{f(sim.draft)}</td>
                </tr>
              ))}
            </tbody>
          </ScrollableTable>
          <details>
            <summary className="cursor-pointer text-sm font-medium text-brand-700">
              {t("adminDecrees.perVendor")}
            </summary>
            <ScrollableTable label={t("adminDecrees.perVendor")} minWidth={480}>
              <thead className="border-b border-slate-200 text-left text-slate-600">
                <tr>
                  <th scope="col" className="py-1 pr-3 font-medium">
                    UMKM
                  </th>
                  <th scope="col" className="py-1 pr-3 text-right font-medium">
                    {t("adminDecrees.currentValue")}
                  </th>
                  <th scope="col" className="py-1 pr-3 text-right font-medium">
                    {t("adminDecrees.draftValue")}
                  </th>
                  <th scope="col" className="py-1 text-right font-medium">
                    {t("adminDecrees.difference")}
                  </th>
                </tr>
              </thead>
              <tbody className="tabular-nums">
                {sim.vendors.map((v) => (
                  <tr key={v.id}>
                    <td className="py-1 pr-3">
                      {v.name}
                      {v.gap ? (
                        <span className={`block text-xs ${v.gap === "NOT_TAYANG" ? "text-amber-800" : "text-red-800"}`}>
                          {t(`poolHealth.gap.${v.gap}`)}
                        </span>
                      ) : null}
                    </td>
                    <td className="py-1 pr-3 text-right">{formatRupiah(v.current, locale)}</td>
                    <td className="py-1 pr-3 text-right">{formatRupiah(v.draft, locale)}</td>
                    <td
                      className={`py-1 text-right ${v.diff > 0 ? "text-green-800" : v.diff < 0 ? "text-red-800" : ""}`}
                    >
                      {v.diff > 0 ? "+" : ""}
                      {formatRupiah(v.diff, locale)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </ScrollableTable>
          </details>
        </div>
      ) : null}
    </Card>
  );
}
