"use server";
// The previous year's purchases: upload → a row-by-row report; then, only if every row is valid, "import"
// replaces that year's rows (checked again on the server; nothing is trusted from the page).
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db";
import { systemClock } from "@/lib/clock";
import { adminActor } from "@/lib/actions/form-action";
import { readPriorSheet } from "@/lib/documents/prior-purchase-files";
import { commitPriorPurchases, previewPriorPurchases } from "@/lib/data/admin/prior-purchases";
import { isAppError } from "@/lib/errors";
import type { ImportState } from "@/lib/actions/import-state";

const MAX_BYTES = 5 * 1024 * 1024;

export async function priorPurchasesImportAction(_prev: ImportState, formData: FormData): Promise<ImportState> {
  const actor = await adminActor();
  const t = await getTranslations("priorPurchases");
  const te = await getTranslations("errors");
  try {
    if (formData.get("step") === "commit") {
      let rows: unknown;
      try {
        rows = JSON.parse(String(formData.get("rows") ?? "[]"));
      } catch {
        return { ok: false, message: te("VALIDATION") };
      }
      const r = await commitPriorPurchases(db(), systemClock, actor, rows);
      revalidatePath("/admin/before-after");
      revalidatePath("/dashboard");
      return { ok: true, created: r.created, message: t("importCreated", { count: r.created, year: r.year }) };
    }
    const file = formData.get("file");
    if (!(file instanceof File) || file.size === 0) return { ok: false, message: t("importNoFile") };
    if (file.size > MAX_BYTES) return { ok: false, message: t("importTooBig") };
    const sheet = await readPriorSheet(Buffer.from(await file.arrayBuffer()), file.name);
    if (sheet.error) return { ok: false, message: sheet.error };
    const report = await previewPriorPurchases(db(), actor, sheet.rows);
    const valid = report.invalid === 0;
    return {
      ok: valid,
      report,
      rows: valid ? sheet.rows : undefined,
      message: valid
        ? t("importAllValid", { count: report.valid, year: report.year ?? 0, replaces: report.replaces })
        : t("importSomeInvalid", { invalid: report.invalid, total: report.rows.length }),
    };
  } catch (e) {
    if (!isAppError(e)) throw e;
    return { ok: false, message: te(e.code) };
  }
}
