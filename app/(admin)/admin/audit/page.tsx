import type { Metadata } from "next";
import { isAuditAction } from "@/lib/domain/audit-actions";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import { requirePageRole } from "@/lib/auth/guards";
import { db } from "@/lib/db";
import { auditQuerySchema, listAuditLog } from "@/lib/data/admin/audit-log";
import { droppedFilters } from "@/lib/validation/query";
import { IgnoredFilters } from "@/components/ui/ignored-filters";
import { jsonDiff } from "@/lib/domain/json-diff";
import { formatDateTimeWIB, toLocaleTag } from "@/lib/format";
import { Card, EmptyState } from "@/components/ui/card";
import { Pager } from "@/components/ui/pager";
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
  await requirePageRole("ADMIN");
  const raw = await searchParams;
  const query = auditQuerySchema.parse(raw);
  const list = await listAuditLog(db(), query);
  const t = await getTranslations();
  const locale = toLocaleTag(await getLocale());
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
            options={list.entities.map((e) => ({ value: e, label: e }))}
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
            {list.rows.map((r) => {
              const diff = jsonDiff(r.before, r.after);
              return (
                <li key={r.id} className="py-3 text-sm">
                  <p className="flex flex-wrap gap-x-3">
                    <span className="tabular-nums text-slate-600">{formatDateTimeWIB(r.at, locale)}</span>
                    {/* What happened in words; the action's code only as the tooltip, for filtering. */}
                    <strong title={r.action}>
                      {isAuditAction(r.action) ? t(`auditActions.${r.action}`) : r.action}
                    </strong>
                    <span>
                      {r.entity}
                      {r.entityId ? <span className="font-mono text-xs text-slate-600"> {r.entityId}</span> : null}
                    </span>
                    <span className="text-slate-700">
                      {r.actor ? `${r.actor.name} (${r.actor.username})` : t("adminAudit.system")}
                      {r.actorRole ? ` · ${t(`roles.${r.actorRole}`)}` : ""}
                    </span>
                    {r.ip ? <span className="text-xs text-slate-500">{r.ip}</span> : null}
                  </p>
                  {diff.length > 0 ? (
                    <table className="mt-1 w-full table-fixed text-xs">
                      <caption className="sr-only">{t("adminAudit.diff")}</caption>
                      <thead>
                        <tr className="text-left text-slate-500">
                          <th scope="col" className="w-1/5 font-medium">
                            {t("adminAudit.field")}
                          </th>
                          <th scope="col" className="w-2/5 font-medium">
                            {t("adminAudit.before")}
                          </th>
                          <th scope="col" className="w-2/5 font-medium">
                            {t("adminAudit.after")}
                          </th>
                        </tr>
                      </thead>
                      <tbody>
                        {diff.map((d) => (
                          <tr key={d.key} className="align-top">
                            <td className="font-mono">{d.key}</td>
                            <td className="break-words text-red-800">{d.before ?? "—"}</td>
                            <td className="break-words text-green-800">{d.after ?? "—"}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  ) : null}
                </li>
              );
            })}
          </ol>
        )}
        <Pager page={list.page} pages={list.pages} href={href} />
      </Card>
    </div>
  );
}
