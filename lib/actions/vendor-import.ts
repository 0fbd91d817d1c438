"use server";
// Vendor import in two steps on one page: upload → a row-by-row report; then, only if every row is valid,
// "import" creates them all (the rows are checked again on the server; nothing is trusted from the page).
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db";
import { systemClock } from "@/lib/clock";
import { adminActor } from "@/lib/actions/form-action";
import { readVendorSheet } from "@/lib/documents/vendor-import-files";
import { commitVendorImport, previewVendorImport } from "@/lib/data/admin/vendor-import";
import { isAppError } from "@/lib/errors";
import type { ImportState } from "@/lib/actions/import-state";

const MAX_BYTES = 5 * 1024 * 1024;

export async function vendorImportAction(_prev: ImportState, formData: FormData): Promise<ImportState> {
  const actor = await adminActor();
  const t = await getTranslations("adminVendors");
  const te = await getTranslations("errors");
  try {
    if (formData.get("step") === "commit") {
      let rows: unknown;
      try {
        rows = JSON.parse(String(formData.get("rows") ?? "[]"));
      } catch {
        return { ok: false, message: te("VALIDATION") };
      }
      const r = await commitVendorImport(db(), systemClock, actor, rows);
      revalidatePath("/admin/vendors");
      return { ok: true, created: r.created, message: t("importCreated", { count: r.created }) };
    }
    const file = formData.get("file");
    if (!(file instanceof File) || file.size === 0) return { ok: false, message: t("importNoFile") };
    if (file.size > MAX_BYTES) return { ok: false, message: t("importTooBig") };
    const sheet = await readVendorSheet(Buffer.from(await file.arrayBuffer()), file.name);
    if (sheet.error) return { ok: false, message: sheet.error };
    const report = await previewVendorImport(db(), actor, sheet.rows);
    return {
      ok: report.invalid === 0,
      report,
      rows: report.invalid === 0 ? sheet.rows : undefined,
      message:
        report.invalid === 0
          ? t("importAllValid", { count: report.valid })
          : t("importSomeInvalid", { invalid: report.invalid, total: report.rows.length }),
    };
  } catch (e) {
    if (!isAppError(e)) throw e;
    return { ok: false, message: te(e.code) };
  }
}
