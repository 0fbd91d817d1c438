import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePageRole } from "@/lib/auth/guards";
import { db } from "@/lib/db";
import { auditQuerySchema, listAuditLog } from "@/lib/data/admin/audit-log";
import { jsonDiff } from "@/lib/domain/json-diff";
import { formatDateTimeWIB, toLocaleTag } from "@/lib/format";
import { Card, EmptyState } from "@/components/ui/card";
import { Pager } from "@/components/ui/pager";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminAudit"))("title") };
}

const field = "block h-10 w-full rounded-md border border-slate-300 bg-white px-2 text-sm";

// A plain GET form: the filters live in the URL.
export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  await requirePageRole("ADMIN");
  const query = auditQuerySchema.parse(await searchParams);
  const list = await listAuditLog(db(), query);
  const t = await getTranslations();
  const locale = toLocaleTag(await getLocale());
  const href = (page: number) =>
    `/admin/audit?${new URLSearchParams(
      Object.entries({ ...query, page: String(page) }).filter((e): e is [string, string] => Boolean(e[1])),
    ).toString()}`;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("adminAudit.title")}</h1>
      <Card>
        <form method="get" className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6">
          <div>
            <label htmlFor="user" className="block text-sm font-medium">
              {t("adminAudit.user")}
            </label>
            <input id="user" name="user" defaultValue={query.user} className={field} />
          </div>
          <div>
            <label htmlFor="action" className="block text-sm font-medium">
              {t("adminAudit.action")}
            </label>
            <input id="action" name="action" defaultValue={query.action} placeholder="order." className={field} />
          </div>
          <div>
            <label htmlFor="entity" className="block text-sm font-medium">
              {t("adminAudit.entity")}
            </label>
            <select id="entity" name="entity" defaultValue={query.entity ?? ""} className={field}>
              <option value="">{t("adminAudit.allEntities")}</option>
              {list.entities.map((e) => (
                <option key={e} value={e}>
                  {e}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="entityId" className="block text-sm font-medium">
              {t("adminAudit.entityId")}
            </label>
            <input id="entityId" name="entityId" defaultValue={query.entityId} className={field} />
          </div>
          <div>
            <label htmlFor="from" className="block text-sm font-medium">
              {t("adminAudit.from")}
            </label>
            <input id="from" name="from" type="date" defaultValue={query.from} className={field} />
          </div>
          <div>
            <label htmlFor="to" className="block text-sm font-medium">
              {t("adminAudit.to")}
            </label>
            <input id="to" name="to" type="date" defaultValue={query.to} className={field} />
          </div>
          <div className="flex items-end gap-3 sm:col-span-3 lg:col-span-6">
            <button
              type="submit"
              className="h-10 rounded-md bg-brand-700 px-4 text-sm font-semibold text-white hover:bg-brand-800"
            >
              {t("orderList.apply")}
            </button>
            <Link href="/admin/audit" className="text-sm font-medium text-brand-700 underline">
              {t("orderList.reset")}
            </Link>
            <span role="status" className="ml-auto text-sm text-slate-600">
              {t("adminAudit.count", { total: list.total })}
            </span>
          </div>
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
                    <strong className="font-mono">{r.action}</strong>
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
