import type { Metadata } from "next";
import { isAuditEntity } from "@/lib/domain/audit-actions";
import { getTranslations } from "@/lib/i18n/server";
import { requirePageRole } from "@/lib/auth/guards";
import { db } from "@/lib/db";
import { auditQuerySchema, listAuditLog } from "@/lib/data/admin/audit-log";
import { droppedFilters } from "@/lib/validation/query";
import { IgnoredFilters } from "@/components/ui/ignored-filters";
import { Card, EmptyState } from "@/components/ui/card";
import { Pager } from "@/components/ui/pager";
import { AuditEntry } from "@/components/admin/audit-entry";
import { FilterActions, FilterInput, FilterSelect, queryHref } from "@/components/ui/filters";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminAudit"))("title") };
}

// A plain GET form: the filters live in the URL.
export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const admin = await requirePageRole("ADMIN");
  const raw = await searchParams;
  const query = auditQuerySchema.parse(raw);
  const list = await listAuditLog(db(), { actor: admin, query });
  const t = await getTranslations();
  const href = (page: number) => queryHref("/admin/audit", { ...query, page });
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("adminAudit.title")}</h1>
      <IgnoredFilters dropped={droppedFilters(raw, query, ["from", "to", "page"])} />
      <Card>
        <form method="get" className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6">
          <FilterInput name="user" label={t("adminAudit.user")} value={query.user} />
          <FilterInput name="action" label={t("adminAudit.action")} value={query.action} placeholder="order." />
          <FilterSelect
            name="entity"
            label={t("adminAudit.entity")}
            value={query.entity}
            allLabel={t("adminAudit.allEntities")}
            options={list.entities.map((e) => ({ value: e, label: isAuditEntity(e) ? t(`auditEntities.${e}`) : e }))}
          />
          <FilterInput name="entityId" label={t("adminAudit.entityId")} value={query.entityId} />
          <FilterInput name="from" type="date" label={t("adminAudit.from")} value={query.from} />
          <FilterInput name="to" type="date" label={t("adminAudit.to")} value={query.to} />
          <FilterActions
            resetHref="/admin/audit"
            count={t("adminAudit.count", { total: list.total })}
            className="sm:col-span-3 lg:col-span-6"
          />
        </form>
      </Card>
      <Card>
        {list.rows.length === 0 ? (
          <EmptyState>{t("adminAudit.empty")}</EmptyState>
        ) : (
          <ol className="divide-y divide-slate-100">
            {list.rows.map((r) => (
              <AuditEntry key={r.id} row={r} />
            ))}
          </ol>
        )}
        <Pager page={list.page} pages={list.pages} href={href} />
      </Card>
    </div>
  );
}
