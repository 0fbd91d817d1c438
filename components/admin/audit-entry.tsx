// One row of the audit trail: when, what (in words), about what, by whom, and what changed — every code through the
// message catalogue (lib/domain/audit-actions.ts), instants in WIB, never PROPOSED → CONFIRMED.
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import { auditValue, isAuditAction, isAuditEntity } from "@/lib/domain/audit-actions";
import { jsonDiff } from "@/lib/domain/json-diff";
import { formatDateTimeWIB, toLocaleTag } from "@/lib/format";
import type { AuditRow } from "@/lib/data/admin/audit-log";

export async function AuditEntry({ row }: { row: AuditRow }) {
  const t = await getTranslations();
  const locale = toLocaleTag(await getLocale());
  const diff = jsonDiff(row.before, row.after);
  const shown = (field: string, value: string | null): string => {
    const v = auditValue(row.action, field, value);
    switch (v.kind) {
      case "none":
        return "—";
      case "code":
        return t.has(`${v.group}.${v.code}`) ? t(`${v.group}.${v.code}`) : v.code;
      case "yesNo":
        return t(v.value ? "adminAudit.yes" : "adminAudit.no");
      case "instant":
        return formatDateTimeWIB(v.at, locale);
      case "text":
        return v.text;
    }
  };
  return (
    <li className="py-3 text-sm">
      <p className="flex flex-wrap gap-x-3">
        <span className="tabular-nums text-slate-600">{formatDateTimeWIB(row.at, locale)}</span>
        {/* What happened in words; the action's code only as the tooltip, for filtering. */}
        <strong title={row.action}>{isAuditAction(row.action) ? t(`auditActions.${row.action}`) : row.action}</strong>
        <span>
          {isAuditEntity(row.entity) ? t(`auditEntities.${row.entity}`) : row.entity}
          {row.entityId ? <span className="font-mono text-xs text-slate-600"> {row.entityId}</span> : null}
        </span>
        <span className="text-slate-700">
          {row.actor ? `${row.actor.name} (${row.actor.username})` : t("adminAudit.system")}
          {row.actorRole ? ` · ${t(`roles.${row.actorRole}`)}` : ""}
        </span>
        {row.ip ? <span className="text-xs text-slate-500">{row.ip}</span> : null}
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
                {/* The field in words; its key as the tooltip. */}
                <td className="break-words" title={d.key}>
                  {t.has(`auditFields.${d.key}`) ? t(`auditFields.${d.key}`) : d.key}
                </td>
                <td className="break-words text-red-800">{shown(d.key, d.before)}</td>
                <td className="break-words text-green-800">{shown(d.key, d.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </li>
  );
}
