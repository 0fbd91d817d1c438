"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ImportState } from "@/lib/actions/import-state";
import { Button } from "@/components/ui/button";

/**
 * Upload → row-by-row report → import all (only when every row is valid). `namespace` holds the labels
 * (importFile, importCheck, importChecking, importReport, importRow, code, name, importResult, importOk,
 * importCommit).
 */
export function ImportForm({
  action: serverAction,
  namespace,
}: {
  action: (prev: ImportState, formData: FormData) => Promise<ImportState>;
  namespace: "adminVendors" | "priorPurchases" | "paymentImport";
}) {
  const t = useTranslations(namespace);
  const [state, action, pending] = useActionState<ImportState, FormData>(serverAction, {});
  return (
    <div className="space-y-4">
      <form action={action} className="space-y-2">
        <input type="hidden" name="step" value="preview" />
        <label htmlFor="import-file" className="block text-sm font-medium">
          {t("importFile")}
        </label>
        <input
          id="import-file"
          name="file"
          type="file"
          required
          accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          className="block text-sm"
        />
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? t("importChecking") : t("importCheck")}
        </Button>
      </form>
      {state.message ? (
        <p
          role="status"
          className={`rounded-md border p-2 text-sm ${state.ok ? "border-green-300 bg-green-50 text-green-900" : "border-red-300 bg-red-50 text-red-900"}`}
        >
          {state.message}
        </p>
      ) : null}
      {state.report ? (
        <div className="overflow-x-auto" role="region" aria-label={t("importReport")} tabIndex={0}>
          <table className="w-full min-w-[560px] text-sm">
            <caption className="sr-only">{t("importReport")}</caption>
            <thead className="border-b border-slate-200 text-left text-slate-600">
              <tr>
                <th scope="col" className="py-1 pr-3 font-medium">
                  {t("importRow")}
                </th>
                <th scope="col" className="py-1 pr-3 font-medium">
                  {t("code")}
                </th>
                <th scope="col" className="py-1 pr-3 font-medium">
                  {t("name")}
                </th>
                <th scope="col" className="py-1 font-medium">
                  {t("importResult")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {state.report.rows.map((r) => (
                <tr key={r.row} className={r.errors.length ? "bg-red-50" : ""}>
                  <td className="py-1 pr-3 tabular-nums">{r.row}</td>
                  <td className="py-1 pr-3 font-mono text-xs">{r.code}</td>
                  <td className="py-1 pr-3">{r.name}</td>
                  <td className="py-1">
                    {r.errors.length ? (
                      <ul className="list-inside list-disc text-red-900">
                        {r.errors.map((e) => (
                          <li key={e}>{e}</li>
                        ))}
                      </ul>
                    ) : (
                      <span className="text-green-800">{t("importOk")}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {state.rows && state.ok && !state.created ? (
        <form action={action}>
          <input type="hidden" name="step" value="commit" />
          <input type="hidden" name="rows" value={JSON.stringify(state.rows)} />
          <Button type="submit" disabled={pending}>
            {t("importCommit", { count: state.rows.length })}
          </Button>
        </form>
      ) : null}
    </div>
  );
}
