"use server";
// The previous year's purchases (lib/actions/import-flow.ts): upload → a row-by-row report; then, only if every
// row is valid, "import" replaces that year's rows (checked again on the server; nothing is trusted from the page).
import { db } from "@/lib/db";
import { systemClock } from "@/lib/clock";
import { adminActor } from "@/lib/actions/form-action";
import { runImportStep } from "@/lib/actions/import-flow";
import { readPriorSheet } from "@/lib/documents/prior-purchase-files";
import { commitPriorPurchases } from "@/lib/data/admin/prior-purchases/commit-prior-purchases";
import { previewPriorPurchases } from "@/lib/data/admin/prior-purchases/preview-prior-purchases";
import type { ImportState } from "@/lib/actions/import-state";

export async function priorPurchasesImportAction(_prev: ImportState, formData: FormData): Promise<ImportState> {
  const actor = await adminActor();
  return runImportStep(
    {
      namespace: "priorPurchases",
      read: readPriorSheet,
      preview: async (rows) => {
        const r = await previewPriorPurchases(db(), { actor, rows });
        return { ...r, year: r.year ?? 0 };
      },
      commit: (rows) => commitPriorPurchases(db(), { clock: systemClock, actor, rows }),
      revalidate: ["/admin/before-after", "/dashboard"],
    },
    formData,
  );
}
