"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { importDecreeMatrixAction, type ImportState } from "@/lib/actions/decree-import";
import { Button } from "@/components/ui/button";

/** Uploads an Excel matrix into a draft; shows the outcome, or every problem found, in place. */
export function DecreeImportForm({ decreeId, version }: { decreeId: string; version: number }) {
  const t = useTranslations("adminDecrees");
  const [state, action, pending] = useActionState<ImportState, FormData>(importDecreeMatrixAction, {});
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="decreeId" value={decreeId} />
      <input type="hidden" name="version" value={version} />
      <label htmlFor="matrix-file" className="block text-sm font-medium">
        {t("importFile")}
      </label>
      <input
        id="matrix-file"
        name="file"
        type="file"
        required
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        className="block text-sm"
      />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? t("importing") : t("import")}
      </Button>
      {state.message ? (
        <div
          role="status"
          className={`rounded-md border p-2 text-sm ${state.ok ? "border-green-300 bg-green-50 text-green-900" : "border-red-300 bg-red-50 text-red-900"}`}
        >
          <p>{state.message}</p>
          {state.errors?.length ? (
            <ul className="mt-1 list-inside list-disc">
              {state.errors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          ) : null}
          {state.ok ? <p className="mt-1 text-xs">{t("importReload")}</p> : null}
        </div>
      ) : null}
    </form>
  );
}
