// The two steps of an admin's spreadsheet import, shared by every import action (not an action itself):
// upload → read → a row-by-row report (and, when every row is valid, the rows carried to the next step);
// then "import" → the rows checked again on the server and written all or nothing. Messages come from the
// import's own namespace (importNoFile, importTooBig, importAllValid, importSomeInvalid, importCreated).
import "server-only";
import { revalidatePath } from "next/cache";
import { getTranslations, requestLocale } from "@/lib/i18n/server";
import { validationText } from "@/lib/i18n/validation";
import { isAppError } from "@/lib/errors";
import type { ImportReport, ImportState } from "@/lib/actions/import-state";

const MAX_BYTES = 5 * 1024 * 1024;

export interface ImportFlow<Row, P extends ImportReport, C extends { created: number }> {
  namespace: "adminVendors" | "priorPurchases" | "paymentImport";
  read: (bytes: Buffer, fileName: string) => Promise<{ rows: Row[]; error?: string }>;
  /** The report, with any extra values its "all valid" message names. */
  preview: (rows: Row[]) => Promise<P>;
  /** Writes every row or none; the values its "created" message names (count at least). */
  commit: (rows: unknown) => Promise<C>;
  revalidate: string[];
}

export async function runImportStep<Row, P extends ImportReport, C extends { created: number }>(
  flow: ImportFlow<Row, P, C>,
  formData: FormData,
): Promise<ImportState> {
  const t = await getTranslations(flow.namespace);
  const te = await getTranslations("errors");
  const locale = await requestLocale();
  const say = (text: string) => validationText(text, locale);
  try {
    if (formData.get("step") === "commit") {
      let rows: unknown;
      try {
        rows = JSON.parse(String(formData.get("rows") ?? "[]"));
      } catch {
        return { ok: false, message: te("VALIDATION") };
      }
      const r = await flow.commit(rows);
      for (const p of flow.revalidate) revalidatePath(p);
      return { ok: true, created: r.created, message: t("importCreated", { ...r, count: r.created } as never) };
    }
    const file = formData.get("file");
    if (!(file instanceof File) || file.size === 0) return { ok: false, message: t("importNoFile") };
    if (file.size > MAX_BYTES) return { ok: false, message: t("importTooBig") };
    const sheet = await flow.read(Buffer.from(await file.arrayBuffer()), file.name);
    if (sheet.error) return { ok: false, message: say(sheet.error) };
    const report = await flow.preview(sheet.rows);
    const valid = report.invalid === 0;
    return {
      ok: valid,
      // Each row's reasons in the reader's language (refusal keys, lib/domain/validation-message.ts).
      report: {
        rows: report.rows.map((r) => ({ ...r, errors: r.errors.map(say) })),
        valid: report.valid,
        invalid: report.invalid,
      },
      rows: valid ? sheet.rows : undefined,
      message: valid
        ? t("importAllValid", { ...report, rows: undefined, count: report.valid } as never)
        : t("importSomeInvalid", { invalid: report.invalid, total: report.rows.length }),
    };
  } catch (e) {
    if (!isAppError(e)) throw e;
    return { ok: false, message: te(e.code) };
  }
}
