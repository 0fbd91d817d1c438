import { Field, Select } from "@/components/ui/field";
import { DecreeGrid } from "@/components/admin/decree-grid";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import { z } from "zod";
import { requirePageRole } from "@/lib/auth/guards";
import { db } from "@/lib/db";
import { systemClock } from "@/lib/clock";
import { getDecreeGrid } from "@/lib/data/admin/decrees";
import { publishDecreeAction, saveAllocationsAction, updateDecreeHeaderAction } from "@/lib/actions/admin";
import { formatDateTimeWIB, formatDateWIB, formatNumber, formatPercent, formatRupiah, toLocaleTag } from "@/lib/format";
import { SYNTHETIC_PER_MONTH, WHAT_IF_MONTHS, whatIf } from "@/lib/data/admin/what-if";
import { ScrollableTable } from "@/components/ui/table";
import { Card, CardTitle } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Flash } from "@/components/ui/flash";
import { DecreeHeaderForm } from "@/components/admin/decree-header-form";
import { DecreeImportForm } from "@/components/admin/decree-import-form";
import { ClientMessages } from "@/components/i18n/client-messages";
import { getPoolHealth } from "@/lib/data/admin/pool-health";
import { PoolHealthCard } from "@/components/admin/pool-health-card";
import { FailureWhatIf, type FailureWhatIfQuery } from "@/components/admin/failure-what-if";
import { ActionForm } from "@/components/ui/action-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminDecrees"))("title") };
}

export default async function DecreePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<
    { done?: string; error?: string; field?: string; why?: string; months?: string } & FailureWhatIfQuery
  >;
}) {
  await requirePageRole("ADMIN");
  const { id } = await params;
  if (!z.string().uuid().safeParse(id).success) notFound();
  const g = await getDecreeGrid(db(), systemClock, id);
  if (!g) notFound();
  const t = await getTranslations();
  const locale = toLocaleTag(await getLocale());
  const query = await searchParams;
  const { done, error, field, months, why } = query;
  const draft = g.status === "DRAFT";
  const wantedMonths = WHAT_IF_MONTHS.find((m) => String(m) === months);
  const sim = wantedMonths
    ? await whatIf(db(), systemClock, g.id, { months: wantedMonths })
    : months === "synthetic"
      ? await whatIf(db(), systemClock, g.id, { synthetic: true })
      : null;
  // The pools of the decree in force, when this is it (a draft shows its own thin rows in the grid).
  const health = g.status === "IN_FORCE" ? await getPoolHealth(db(), systemClock) : null;
  const showHealth = health?.decree?.id === g.id ? health : null;
  const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");
  const opdName = new Map(g.opds.map((o) => [o.id, o.code]));
  const vendorName = new Map(g.vendors.map((v) => [v.id, v.name]));
  return (
    <div className="space-y-4">
      <Flash
        done={done}
        error={error}
        field={field}
        why={why}
        messages={{
          created: t("adminDecrees.doneCreated"),
          saved: t("adminDecrees.doneSaved"),
          allocations: t("adminDecrees.doneAllocations"),
          published: t("adminDecrees.donePublished"),
          amendment: t("poolHealth.draftReady"),
        }}
        fieldLabels={{
          number: t("adminDecrees.fields.number"),
          title: t("adminDecrees.fields.title"),
          effectiveFrom: t("adminDecrees.fields.effectiveFrom"),
          effectiveTo: t("adminDecrees.fields.effectiveTo"),
          cells: t("adminDecrees.grid"),
        }}
      />
      <div className="flex flex-wrap items-center gap-2">
        <h1 className="text-2xl font-bold">{g.number}</h1>
        <Badge tone={g.status === "IN_FORCE" ? "success" : draft ? "warning" : "neutral"}>
          {t(`adminDecrees.status.${g.status}`)}
        </Badge>
        <span className="text-sm text-slate-600">
          {formatDateWIB(g.effectiveFrom, locale)} – {g.effectiveTo ? formatDateWIB(g.effectiveTo, locale) : "…"}
        </span>
      </div>
      <p className="text-sm text-slate-700">{g.title}</p>
      {g.notes && draft ? <p className="rounded-md bg-slate-50 p-2 text-sm text-slate-700">{g.notes}</p> : null}
      {showHealth ? <PoolHealthCard health={showHealth} /> : null}
      {draft ? (
        <Card>
          <CardTitle>{t("adminDecrees.header")}</CardTitle>
          <DecreeHeaderForm
            action={updateDecreeHeaderAction}
            values={{
              id: g.id,
              version: g.version,
              number: g.number,
              title: g.title,
              signedOn: iso(g.signedOn),
              effectiveFrom: iso(g.effectiveFrom),
              effectiveTo: iso(g.effectiveTo),
              notes: g.notes ?? "",
            }}
          />
        </Card>
      ) : null}
      <Card>
        <CardTitle>{t("adminDecrees.grid")}</CardTitle>
        <p className="mb-2 text-sm text-slate-700">
          {t("adminDecrees.gridSummary", {
            cells: Object.keys(g.cells).length,
            opds: g.opds.length,
            vendors: g.vendors.length,
          })}
        </p>
        {g.thinOpds.length > 0 ? (
          <p className="mb-2 rounded-md bg-amber-50 p-2 text-sm text-amber-900">
            {t("adminDecrees.thinOpds", { list: g.thinOpds.map((o) => opdName.get(o)).join(", ") })}
          </p>
        ) : null}
        {g.idleVendors.length > 0 ? (
          <p className="mb-2 rounded-md bg-amber-50 p-2 text-sm text-amber-900">
            {t("adminDecrees.idleVendors", { list: g.idleVendors.map((v) => vendorName.get(v)).join(", ") })}
          </p>
        ) : null}
        <ActionForm action={saveAllocationsAction}>
          <input type="hidden" name="decreeId" value={g.id} />
          <input type="hidden" name="version" value={g.version} />
          <ClientMessages namespaces={["adminDecrees"]}>
            <DecreeGrid
              opds={g.opds.map((o) => ({ id: o.id, code: o.code, name: o.name }))}
              vendors={g.vendors.map((v) => ({ id: v.id, code: v.code, name: v.name }))}
              cells={Object.keys(g.cells)}
              editable={draft}
            />
          </ClientMessages>
          {draft ? (
            <div className="mt-3">
              <Button type="submit">{t("adminDecrees.saveGrid")}</Button>
            </div>
          ) : null}
        </ActionForm>
      </Card>
      <Card>
        <CardTitle>{t("adminDecrees.files")}</CardTitle>
        <div className="flex flex-wrap gap-3">
          <a href={`/api/admin/decrees/${g.id}/pdf`} download className="text-sm font-medium text-brand-700 underline">
            {t("adminDecrees.downloadPdf")}
          </a>
          <a href={`/api/admin/decrees/${g.id}/xlsx`} download className="text-sm font-medium text-brand-700 underline">
            {t("adminDecrees.downloadXlsx")}
          </a>
        </div>
        {draft ? (
          <div className="mt-3 border-t border-slate-100 pt-3">
            <p className="mb-2 text-sm text-slate-700">{t("adminDecrees.importHint")}</p>
            <ClientMessages namespaces={["adminDecrees"]}>
              <DecreeImportForm decreeId={g.id} version={g.version} />
            </ClientMessages>
          </div>
        ) : null}
      </Card>
      {g.diff ? (
        <Card>
          <CardTitle>{t("adminDecrees.diff", { number: g.diff.against })}</CardTitle>
          {g.diff.added.length + g.diff.removed.length === 0 ? (
            <p className="text-sm text-slate-600">{t("adminDecrees.noDiff")}</p>
          ) : (
            <div className="grid gap-3 text-sm md:grid-cols-2">
              <div>
                <p className="font-medium text-green-800">{t("adminDecrees.added", { count: g.diff.added.length })}</p>
                <ul className="list-inside list-disc">
                  {g.diff.added.map((a) => (
                    <li key={`${a.opdId}:${a.vendorId}`}>
                      {opdName.get(a.opdId)} + {vendorName.get(a.vendorId)}
                    </li>
                  ))}
                </ul>
              </div>
              <div>
                <p className="font-medium text-red-800">
                  {t("adminDecrees.removed", { count: g.diff.removed.length })}
                </p>
                <ul className="list-inside list-disc">
                  {g.diff.removed.map((a) => (
                    <li key={`${a.opdId}:${a.vendorId}`}>
                      {opdName.get(a.opdId)} − {vendorName.get(a.vendorId)}
                    </li>
                  ))}
                </ul>
              </div>
            </div>
          )}
        </Card>
      ) : null}
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
                          <span
                            className={`block text-xs ${v.gap === "NOT_TAYANG" ? "text-amber-800" : "text-red-800"}`}
                          >
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
      <FailureWhatIf decreeId={g.id} query={query} locale={locale} />
      {draft ? (
        <Card>
          <CardTitle>{t("adminDecrees.publish")}</CardTitle>
          <details>
            <summary className="cursor-pointer font-semibold text-brand-700">{t("adminDecrees.publishOpen")}</summary>
            <ActionForm action={publishDecreeAction} className="mt-2 space-y-2">
              <input type="hidden" name="decreeId" value={g.id} />
              <input type="hidden" name="version" value={g.version} />
              <p className="text-sm text-slate-700">
                {t("adminDecrees.publishHint", { date: formatDateWIB(g.effectiveFrom, locale) })}
              </p>
              <Button type="submit" variant="danger">
                {t("adminDecrees.publishConfirm")}
              </Button>
            </ActionForm>
          </details>
        </Card>
      ) : null}
      <p className="text-xs text-slate-500">
        {t("adminDecrees.version", { version: g.version, at: formatDateTimeWIB(new Date(), locale) })}
      </p>
      <Link href="/admin/decrees" className="text-sm font-medium text-brand-700 underline">
        {t("adminDecrees.back")}
      </Link>
    </div>
  );
}
