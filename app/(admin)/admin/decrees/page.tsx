import type { Metadata } from "next";
import Link from "next/link";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import { requirePageRole } from "@/lib/auth/guards";
import { db } from "@/lib/db";
import { listDecrees } from "@/lib/data/decree/list-decrees";
import { createDecreeDraftAction } from "@/lib/actions/admin";
import { formatDateWIB, toLocaleTag } from "@/lib/format";
import { Card, CardTitle, EmptyState } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { Flash } from "@/components/ui/flash";
import { DecreeHeaderForm } from "@/components/admin/decree-header-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminDecrees"))("title") };
}

export default async function DecreesPage({
  searchParams,
}: {
  searchParams: Promise<{ error?: string; field?: string; why?: string }>;
}) {
  const user = await requirePageRole("ADMIN");
  const decrees = await listDecrees(db(), { actor: user });
  const t = await getTranslations();
  const locale = toLocaleTag(await getLocale());
  const { error, field, why } = await searchParams;
  return (
    <div className="space-y-4">
      <Flash
        error={error}
        field={field}
        why={why}
        messages={{}}
        fieldLabels={{
          number: t("adminDecrees.fields.number"),
          title: t("adminDecrees.fields.title"),
          effectiveFrom: t("adminDecrees.fields.effectiveFrom"),
          effectiveTo: t("adminDecrees.fields.effectiveTo"),
        }}
      />
      <h1 className="text-2xl font-bold">{t("adminDecrees.title")}</h1>
      <Card>
        {decrees.length === 0 ? (
          <EmptyState>{t("adminDecrees.empty")}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {decrees.map((d) => (
              <li key={d.id} className="flex flex-wrap items-center gap-2 py-2 text-sm">
                <Badge tone={d.status === "IN_FORCE" ? "success" : d.status === "DRAFT" ? "warning" : "neutral"}>
                  {t(`adminDecrees.status.${d.status}`)}
                </Badge>
                <Link href={`/admin/decrees/${d.id}`} className="font-medium text-brand-700 underline">
                  {d.number}
                </Link>
                <span className="text-slate-700">{d.title}</span>
                <span className="ml-auto text-slate-600">
                  {formatDateWIB(d.effectiveFrom, locale)} –{" "}
                  {d.effectiveTo ? formatDateWIB(d.effectiveTo, locale) : "…"} ·{" "}
                  {t("adminDecrees.allocations", { count: d.allocations })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card>
        <CardTitle>{t("adminDecrees.newDraft")}</CardTitle>
        <DecreeHeaderForm action={createDecreeDraftAction} />
      </Card>
    </div>
  );
}
