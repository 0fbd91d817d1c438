// The admin's page of one decree: its header, the allocation grid, its files, what it changes, the what-ifs and (for a
// draft) publishing — the cards are server components under components/admin/decree/.
import { DecreeGrid } from "@/components/admin/decree-grid";
import { DecreeFilesCard } from "@/components/admin/decree/decree-files-card";
import { DecreeDiffCard } from "@/components/admin/decree/decree-diff-card";
import { WhatIfCard } from "@/components/admin/decree/what-if-card";
import { PublishCard } from "@/components/admin/decree/publish-card";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import { z } from "zod";
import { requirePageRole } from "@/lib/auth/guards";
import { db } from "@/lib/db";
import { systemClock } from "@/lib/clock";
import { getDecreeGrid } from "@/lib/data/decree/get-decree-grid";
import { saveAllocationsAction, updateDecreeHeaderAction } from "@/lib/actions/admin";
import { formatDateTimeWIB, formatDateWIB, toLocaleTag } from "@/lib/format";
import { Card, CardTitle } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Flash } from "@/components/ui/flash";
import { DecreeHeaderForm } from "@/components/admin/decree-header-form";
import { ClientMessages } from "@/components/i18n/client-messages";
import { getPoolHealth } from "@/lib/data/admin/pool-health/get-pool-health";
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
  const user = await requirePageRole("ADMIN");
  const { id } = await params;
  if (!z.string().uuid().safeParse(id).success) notFound();
  const g = await getDecreeGrid(db(), { clock: systemClock, actor: user, decreeId: id });
  if (!g) notFound();
  const t = await getTranslations();
  const locale = toLocaleTag(await getLocale());
  const query = await searchParams;
  const { done, error, field, months, why } = query;
  const draft = g.status === "DRAFT";
  // The pools of the decree in force, when this is it (a draft shows its own thin rows in the grid).
  const health = g.status === "IN_FORCE" ? await getPoolHealth(db(), { clock: systemClock, actor: user }) : null;
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
      <DecreeFilesCard g={g} />
      <DecreeDiffCard g={g} />
      <WhatIfCard g={g} months={months} locale={locale} actor={user} />
      <FailureWhatIf decreeId={g.id} query={query} locale={locale} actor={user} />
      <PublishCard g={g} locale={locale} />
      <p className="text-xs text-slate-500">
        {t("adminDecrees.version", { version: g.version, at: formatDateTimeWIB(new Date(), locale) })}
      </p>
      <Link href="/admin/decrees" className="text-sm font-medium text-brand-700 underline">
        {t("adminDecrees.back")}
      </Link>
    </div>
  );
}
