"use server";
// Vendor import in two steps on one page (lib/actions/import-flow.ts): upload → a row-by-row report; then, only
// if every row is valid, "import" creates them all (checked again on the server; nothing is trusted from the page).
import { db } from "@/lib/db";
import { systemClock } from "@/lib/clock";
import { adminActor } from "@/lib/actions/form-action";
import { runImportStep } from "@/lib/actions/import-flow";
import { readVendorSheet } from "@/lib/documents/vendor-import-files";
import { commitVendorImport } from "@/lib/data/admin/vendor-import/commit-vendor-import";
import { previewVendorImport } from "@/lib/data/admin/vendor-import/preview-vendor-import";
import type { ImportState } from "@/lib/actions/import-state";

export async function vendorImportAction(_prev: ImportState, formData: FormData): Promise<ImportState> {
  const actor = await adminActor();
  return runImportStep(
    {
      namespace: "adminVendors",
      read: readVendorSheet,
      preview: (rows) => previewVendorImport(db(), { actor, rows }),
      commit: (rows) => commitVendorImport(db(), { clock: systemClock, actor, rows }),
      revalidate: ["/admin/vendors"],
    },
    formData,
  );
}
